package cn.wushe.operations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of backup attempts, newest first, with the progress of a running one. */
@Repository
public class BackupRuns {

    public enum Trigger { SCHEDULE, ADMIN }

    public enum Status { RUNNING, SUCCEEDED, FAILED, REFUSED }

    public record Run(UUID id, Trigger trigger, Status status, Instant startedAt, @Nullable Instant finishedAt,
                      long bytesCopied, long bytesTotal, @Nullable String backupName, @Nullable String message) {

        /** Whole percent copied, 0–100. */
        public int percent() {
            return bytesTotal <= 0 ? (status == Status.SUCCEEDED ? 100 : 0) : (int) Math.min(100, bytesCopied * 100 / bytesTotal);
        }
    }

    private final JdbcClient jdbc;

    BackupRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID start(Trigger trigger, @Nullable UUID startedBy, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into operations.backup_runs (id, trigger, started_by, status, started_at)
                        values (:id, :trigger, :by, 'RUNNING', :now)""")
                .param("id", id).param("trigger", trigger.name()).param("by", startedBy)
                .param("now", Timestamp.from(now)).update();
        return id;
    }

    void progress(UUID id, long copied, long total) {
        jdbc.sql("update operations.backup_runs set bytes_copied = :copied, bytes_total = :total where id = :id")
                .param("copied", copied).param("total", total).param("id", id).update();
    }

    void finish(UUID id, Status status, Instant now, @Nullable String backupName, @Nullable String message) {
        jdbc.sql("""
                        update operations.backup_runs set status = :status, finished_at = :now, backup_name = :name,
                            message = :message, bytes_copied = case when :status = 'SUCCEEDED' then bytes_total else bytes_copied end
                        where id = :id""")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("name", backupName)
                .param("message", message).param("id", id).update();
    }

    /** Runs left RUNNING by a process that died are failed: no backup of theirs completed. */
    void failAbandoned(Instant now, String message) {
        jdbc.sql("update operations.backup_runs set status = 'FAILED', finished_at = :now, message = :message where status = 'RUNNING'")
                .param("now", Timestamp.from(now)).param("message", message).update();
    }

    public List<Run> latest(int limit) {
        return jdbc.sql("""
                        select id, trigger, status, started_at, finished_at, bytes_copied, bytes_total, backup_name, message
                        from operations.backup_runs order by started_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Run(rs.getObject("id", UUID.class), Trigger.valueOf(rs.getString("trigger")),
                        Status.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getLong("bytes_copied"), rs.getLong("bytes_total"), rs.getString("backup_name"),
                        rs.getString("message")))
                .list();
    }

    public Optional<Run> running() {
        return latest(1).stream().filter(r -> r.status() == Status.RUNNING).findFirst();
    }
}
