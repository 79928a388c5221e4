package cn.wushe.audit;

/**
 * Records audit entries. Called inside the business transaction: if the entry cannot be written,
 * the business change is rolled back too, so auditing cannot be silently skipped.
 * The acting user, their roles and scope, the client address and request id are taken from the
 * current request unless the event names an actor itself (e.g. a failed login).
 */
public interface AuditLog {

    void record(AuditEvent event);
}
