package cn.wushe.care;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert (预警) was closed with a disposition (处置), e.g. {@code CASE_OPENED} or {@code REFERRED}.
 *
 * @param person the registered person, {@code null} for someone legwork found who is not registered
 */
public record AlertClosed(UUID alert, @Nullable UUID person, String countyCode, String regionCode, String source,
        String disposition) {
}
