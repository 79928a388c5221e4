package cn.wushe.platform.db;

import java.time.Instant;

/**
 * Published after the embedded server died and was started again on the same data: PostgreSQL
 * replayed its write-ahead log, so every committed transaction is back. The operations module
 * records it in the audit log.
 *
 * @param restartsThisHour how many restarts the last hour saw, this one included
 */
public record DatabaseRestarted(Instant diedAt, Instant backAt, int restartsThisHour) {
}
