package cn.wushe.audit.internal;

import cn.wushe.platform.Page;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.audit.AuditLog;
import cn.wushe.audit.internal.AuditVerification;
import cn.wushe.audit.internal.AuditVerification.Report;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit admin's (审计管理员) use cases: search the log and verify its chains. Only actors
 * holding {@code AUDIT_READ} may; anyone else is told the log does not exist (404, so its
 * existence does not leak) and the refused attempt is itself recorded. Every search and
 * verification is recorded as well ({@code AUDIT_QUERY}, {@code AUDIT_VERIFY}).
 */
@Service
public class AuditReading {

    public static final String QUERY = "AUDIT_QUERY";
    public static final String VERIFY = "AUDIT_VERIFY";
    static final String OBJECT_TYPE = "AUDIT_LOG";
    public static final int MAX_PAGE_SIZE = 200;

    private final AuditEntries entries;
    private final AuditVerification verification;
    private final AuditLog log;

    AuditReading(AuditEntries entries, AuditVerification verification, AuditLog log) {
        this.entries = entries;
        this.verification = verification;
        this.log = log;
    }

    /** A page of entries, newest first, within the auditor's scope. */
    @Transactional
    public Page<AuditEntry> search(AuditFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        String detail = filter.describe() + "; page=" + page + "; size=" + size;
        Actor auditor = auditor(QUERY, detail);
        Page<AuditEntry> result = entries.search(auditor, filter, page, size);
        // recorded after reading, in the same transaction: no results leave without their entry
        log.record(event(QUERY, detail + "; total=" + result.count()));
        return result;
    }

    /** Verifies every chain; the verification is recorded after it has run. */
    @Transactional
    public Report verify() {
        auditor(VERIFY, "");
        Report report = verification.verify();
        log.record(event(VERIFY, VerificationText.summary(report)));
        return report;
    }

    /**
     * The signed-in audit admin; for anyone else the attempt at {@code action} is recorded as
     * DENIED (committed at once) and the log "does not exist". Callers that must check input
     * first ask this before, so a non-auditor learns nothing from validation messages either.
     */
    public Actor auditor(String action) {
        return auditor(action, "");
    }

    private Actor auditor(String action, String detail) {
        Actor actor = CurrentActor.get();
        if (!actor.can(Permission.AUDIT_READ)) {
            log.recordIndependently(event(action, detail).withOutcome(Outcome.DENIED));
            throw DomainException.notFound(Messages.text("audit.object.AUDIT_LOG"));
        }
        return actor;
    }

    private static AuditEvent event(String action, String detail) {
        return AuditEvent.success(action, OBJECT_TYPE, null, null).withDetail(detail.isEmpty() ? null : detail);
    }
}
