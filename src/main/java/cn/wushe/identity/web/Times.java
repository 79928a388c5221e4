package cn.wushe.identity.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Formats times in templates: {@code ${times.of(account.lastLoginAt())}}. */
public final class Times {

    public String of(@Nullable Instant instant) {
        return Views.time(instant);
    }
}
