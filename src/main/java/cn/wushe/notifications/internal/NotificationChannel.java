package cn.wushe.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An outbound way to reach a user (a county's SMS or WeChat-work gateway behind a webhook; later
 * others). The outbox calls {@link #deliver} after the business transaction committed, once per
 * attempt, never inside a database transaction.
 */
public interface NotificationChannel {

    Channel channel();

    Result deliver(Outbound message);

    /**
     * What leaves the application: ids and the caller's wording, no personal data. The recipient is
     * named by user id only; the gateway maps ids to phone numbers or WeChat-work accounts from its
     * own directory.
     *
     * @param deliveryId also the idempotency key: the same on every attempt of one delivery
     */
    record Outbound(UUID deliveryId, int attempt, UUID noticeId, UUID userId, String countyCode, String kind,
            String kindLabel, String title, String text, String link, @Nullable String regionCode, Instant createdAt) {
    }

    /** The outcome of one attempt. */
    sealed interface Result {

        record Delivered(int status) implements Result {
        }

        /** Worth trying again later (5xx, 429, timeout, connection refused). */
        record Retry(@Nullable Integer status, String error) implements Result {
        }

        /** Trying again cannot help (4xx other than 408 and 429, no gateway configured). */
        record GiveUp(@Nullable Integer status, String error) implements Result {
        }
    }
}
