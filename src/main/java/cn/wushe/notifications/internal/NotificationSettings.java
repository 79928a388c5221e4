package cn.wushe.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wushe.notifications.*}: outbound delivery.
 *
 * @param connectTimeout  a gateway that does not accept the connection in this time is retried later
 * @param readTimeout     a gateway that accepted but does not answer in this time is retried later
 * @param firstRetry      wait before the second attempt; doubled for each further one
 * @param maxBackoff      the longest wait between attempts
 * @param maxAttempts     attempts before a delivery is given up (status FAILED)
 * @param batchSize       deliveries claimed and sent together (in parallel) by one run of the task
 * @param pollInterval    how often the delivery task looks for due deliveries
 * @param maxStreamsPerUser live inbox streams (open tabs) kept per user; the oldest is closed beyond it
 * @param heartbeat       comment sent on each idle stream so proxies keep it open
 */
@ConfigurationProperties("wushe.notifications")
public record NotificationSettings(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("32") int batchSize,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5") int maxStreamsPerUser,
        @DefaultValue("25s") Duration heartbeat) {

    /** The wait after {@code attempts} failed attempts: first retry × 2^(attempts − 1), capped. */
    public Duration backoffAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** How long a claimed delivery stays with its claimer: longer than one request can take. */
    Duration lease() {
        return connectTimeout.plus(readTimeout).plus(readTimeout);
    }
}
