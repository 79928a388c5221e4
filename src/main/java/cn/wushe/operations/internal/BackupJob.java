package cn.wushe.operations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.SystemAdministrators;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Messages;
import cn.wushe.platform.db.BaseBackup;
import cn.wushe.platform.db.DatabaseBackups;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one backup and keeps its record: the run row (progress every few seconds), an audit entry,
 * and — when it fails or is refused — a notice to every system admin. Without the embedded
 * database ({@link DatabaseBackups} absent) there is nothing to run.
 */
@Component
public class BackupJob {

    private static final Logger log = LoggerFactory.getLogger(BackupJob.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final ObjectProvider<DatabaseBackups> backups;
    private final BackupRuns runs;
    private final AuditLog audit;
    private final Notifications notifications;
    private final SystemAdministrators admins;
    private final TransactionTemplate tx;
    private final Clock clock;

    BackupJob(ObjectProvider<DatabaseBackups> backups, BackupRuns runs, AuditLog audit, Notifications notifications,
              SystemAdministrators admins, TransactionTemplate tx, Clock clock) {
        this.backups = backups;
        this.runs = runs;
        this.audit = audit;
        this.notifications = notifications;
        this.admins = admins;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether backups can run here at all (embedded database). */
    public boolean available() {
        return backups.getIfAvailable() != null;
    }

    public @Nullable DatabaseBackups backups() {
        return backups.getIfAvailable();
    }

    /** A run of a process that was killed mid-backup can never finish. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedRuns() {
        if (available()) {
            runs.failAbandoned(clock.instant(), Messages.text("operations.backup.abandoned"));
        }
    }

    /**
     * Takes a backup now, on the caller's thread.
     *
     * @param startedBy the system admin who asked; null for the nightly schedule
     * @return the run's id
     */
    public UUID run(BackupRuns.Trigger trigger, @Nullable UUID startedBy) {
        DatabaseBackups database = backups.getIfAvailable();
        UUID id = runs.start(trigger, startedBy, clock.instant());
        if (database == null) {
            refused(id, Messages.text("operations.backup.external-database"));
            return id;
        }
        AtomicLong lastReport = new AtomicLong();
        try {
            BaseBackup backup = database.backUp((copied, total) -> {
                long now = System.nanoTime();
                if (now - lastReport.get() > PROGRESS_EVERY.toNanos()) {
                    lastReport.set(now);
                    runs.progress(id, copied, total);
                }
            });
            tx.executeWithoutResult(s -> {
                runs.finish(id, BackupRuns.Status.SUCCEEDED, clock.instant(), backup.name(), null);
                audit.record(AuditEvent.success("DATABASE_BACKUP", "BACKUP", backup.name(), null)
                        .byActor(Messages.text("operations.backup.actor"))
                        .withDetail(Messages.text("operations.backup.succeeded-detail",
                                String.valueOf(backup.bytes() >> 20), String.valueOf(backup.files()))));
            });
            log.info(Messages.text("operations.backup.succeeded-log", backup.dir()));
        } catch (DatabaseBackups.BackupRefused e) {
            refused(id, e.getMessage());
        } catch (RuntimeException e) {
            log.error(Messages.text("operations.backup.failed-log"), e);
            failed(id, BackupRuns.Status.FAILED, e.getMessage());
        }
        return id;
    }

    private void refused(UUID id, String message) {
        failed(id, BackupRuns.Status.REFUSED, message);
    }

    private void failed(UUID id, BackupRuns.Status status, @Nullable String message) {
        String text = message == null ? Messages.text("operations.backup.no-detail") : message;
        tx.executeWithoutResult(s -> {
            runs.finish(id, status, clock.instant(), null, text);
            audit.record(AuditEvent.success("DATABASE_BACKUP", "BACKUP", id.toString(), null)
                    .withOutcome(AuditEvent.Outcome.FAILURE)
                    .byActor(Messages.text("operations.backup.actor"))
                    .withDetail(text));
            List<UUID> recipients = admins.enabled();
            if (!recipients.isEmpty()) {
                notifications.send(new Notice(Recipients.users(recipients), BackupNoticeKinds.FAILED,
                        Messages.text("operations.notice.backup-failed.title"),
                        text.length() > Notice.TEXT_MAX ? text.substring(0, Notice.TEXT_MAX) : text,
                        "/admin/backups", null));
            }
        });
    }
}
