package cn.wushe.operations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Messages;
import cn.wushe.platform.db.DatabaseRestarted;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The audit log says when the database died and was restarted with WAL recovery. */
@Component
class RestartAudit {

    private final AuditLog audit;

    RestartAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(DatabaseRestarted restarted) {
        audit.recordIndependently(AuditEvent.success("DATABASE_RESTART", "DATABASE", null, null)
                .byActor(Messages.text("operations.backup.actor"))
                .withDetail(Messages.text("operations.restart.detail",
                        String.valueOf(Duration.between(restarted.diedAt(), restarted.backAt()).toMillis()),
                        String.valueOf(restarted.restartsThisHour()))));
    }
}
