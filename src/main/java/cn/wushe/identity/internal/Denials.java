package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a refused administrative action (outcome DENIED) in a transaction of its own, so the
 * record survives the rollback of the refused use case.
 */
@Component
public class Denials {

    private final AuditLog audit;
    private final TransactionTemplate separate;

    Denials(AuditLog audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the denial and hands back {@code refusal} for the caller to throw. */
    public DomainException recorded(AuditEvent attempted, DomainException refusal) {
        separate.executeWithoutResult(status -> audit.record(
                attempted.withOutcome(AuditEvent.Outcome.DENIED).withReason(refusal.getMessage())));
        return refusal;
    }
}
