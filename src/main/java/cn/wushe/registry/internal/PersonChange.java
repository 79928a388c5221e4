package cn.wushe.registry.internal;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a person's change history (变更记录): who changed which field when, with both values
 * masked as they were recorded.
 *
 * @param kind REGISTERED, REVISED or CORRECTED
 */
public record PersonChange(LocalDateTime at, @Nullable String by, String kind, String field, @Nullable String before,
        @Nullable String after) {
}
