package cn.wushe.audit;

/**
 * Records audit entries (审计日志). The acting user, their roles and scope, the client address and
 * request id are taken from the current request unless the event names an actor itself (e.g. a
 * failed login).
 *
 * <p>Contract for callers: call {@link #record} inside the business transaction, late rather than
 * early (the entry's place in its county's hash chain is locked until that transaction ends, so
 * other audited writes of the same county wait for it), in an ordinary read-write transaction at
 * the default READ COMMITTED isolation, and not from a nested {@code REQUIRES_NEW} transaction
 * while the outer one has recorded into the same county (use {@link #recordIndependently}). A read-only transaction is refused with an
 * {@link IllegalStateException}: an audit entry must never be skipped silently. Reads that change
 * nothing use {@link #recordAccess}, which needs no read-write transaction.
 */
public interface AuditLog {

    /**
     * Appends the entry in the caller's transaction (or a new one when there is none): if the
     * entry cannot be written, the business change is rolled back too, and if the business change
     * rolls back, so does the entry — the log never claims something happened that did not.
     */
    void record(AuditEvent event);

    /**
     * Appends the entry in a transaction of its own that commits at once, whatever happens to the
     * caller's transaction. For refusals and failures (outcome {@code DENIED}/{@code FAILURE})
     * that end the request with an exception, which would otherwise roll the entry back. When the
     * caller's transaction has itself recorded into the same county's chain (and so holds that
     * chain's lock), the entry is written right after that transaction ends instead.
     */
    void recordIndependently(AuditEvent event);

    /**
     * For reads that change nothing (list, detail, search): appends the entry through a shared
     * writer that commits the entries of concurrent requests together, and returns only once the
     * entry is committed. It does not take part in the caller's transaction, which may be
     * read-only; if the entry cannot be written it throws, and the caller must not show what it read.
     *
     * @throws IllegalStateException when the entry could not be written
     */
    void recordAccess(AuditEvent event);
}
