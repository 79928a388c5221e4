package cn.wushe.registry.imports;

import cn.wushe.registry.imports.ImportJob.Counts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import jobs, always read for their owner (someone else's job does not exist for you). Every
 * status change names the status it leaves and reports whether it happened, so two clicks on
 * 导入有效行 cannot both commit.
 */
@Repository
class ImportJobs {

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(ImportJob job) {
        jdbc.sql("""
                insert into registry.import_jobs (id, owner_id, county_code, file_name, file_sha256, status,
                    sheet_rows, created_at)
                values (:id, :owner, :county, :name, :sha, :status, :rows, :at)""")
                .param("id", job.id()).param("owner", job.ownerId()).param("county", job.countyCode())
                .param("name", job.fileName()).param("sha", job.fileSha256())
                .param("status", job.status().name()).param("rows", job.sheetRows()).param("at", Timestamp.from(job.createdAt()))
                .update();
    }

    Optional<ImportJob> findForOwner(UUID id, UUID owner) {
        return jdbc.sql("select * from registry.import_jobs where id = :id and owner_id = :owner")
                .param("id", id).param("owner", owner).query((rs, i) -> map(rs)).optional();
    }

    /** The owner's checked imports waiting for 导入有效行 or 放弃 (uses import_jobs_by_owner). */
    long readyOfOwner(UUID owner) {
        return jdbc.sql("select count(*) from registry.import_jobs where owner_id = :owner and status = 'READY'")
                .param("owner", owner).query(Long.class).single();
    }

    List<ImportJob> recentOfOwner(UUID owner, int limit) {
        return jdbc.sql("select * from registry.import_jobs where owner_id = :owner order by created_at desc limit :limit")
                .param("owner", owner).param("limit", limit).query((rs, i) -> map(rs)).list();
    }

    void progress(UUID id, int rowsChecked) {
        jdbc.sql("update registry.import_jobs set progress = :p where id = :id and status = 'VALIDATING'")
                .param("p", rowsChecked).param("id", id).update();
    }

    boolean ready(UUID id, Counts counts) {
        return jdbc.sql("""
                update registry.import_jobs set status = 'READY', progress = :total, total_rows = :total, valid_rows = :valid,
                    rejected_rows = :rejected, new_rows = :new, updated_rows = :updated, unchanged_rows = :unchanged,
                    version = version + 1
                where id = :id and status = 'VALIDATING'""")
                .params(countParams(counts)).param("id", id).update() == 1;
    }

    boolean beginCommit(UUID id) {
        return move(id, ImportStatus.READY, ImportStatus.COMMITTING, null, null);
    }

    boolean finishCommit(UUID id, Counts counts, Instant at) {
        return jdbc.sql("""
                update registry.import_jobs set status = 'DONE', new_rows = :new, updated_rows = :updated,
                    unchanged_rows = :unchanged, finished_at = :at, version = version + 1
                where id = :id and status = 'COMMITTING'""")
                .params(countParams(counts)).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** A commit that failed wrote nothing: the job may be committed again, or discarded. */
    boolean abandonCommit(UUID id, String error) {
        return move(id, ImportStatus.COMMITTING, ImportStatus.READY, error, null);
    }

    boolean discard(UUID id, Instant at) {
        return move(id, ImportStatus.READY, ImportStatus.DISCARDED, null, at);
    }

    boolean fail(UUID id, String error, Instant at) {
        return move(id, ImportStatus.VALIDATING, ImportStatus.FAILED, error, at);
    }

    /** After a restart: checking that was cut off cannot resume; a commit in flight was rolled back. */
    int recoverAfterRestart(Instant at) {
        int failed = jdbc.sql("""
                update registry.import_jobs set status = 'FAILED', finished_at = :at,
                    error = '服务重启，检查被中断，请重新上传文件' where status = 'VALIDATING'""")
                .param("at", Timestamp.from(at)).update();
        return failed + jdbc.sql("update registry.import_jobs set status = 'READY' where status = 'COMMITTING'").update();
    }

    private boolean move(UUID id, ImportStatus from, ImportStatus to, @Nullable String error, @Nullable Instant at) {
        return jdbc.sql("""
                update registry.import_jobs set status = :to, error = :error, finished_at = coalesce(:at, finished_at),
                    version = version + 1
                where id = :id and status = :from""")
                .param("to", to.name()).param("error", error).param("at", at == null ? null : Timestamp.from(at))
                .param("id", id).param("from", from.name()).update() == 1;
    }

    private static java.util.Map<String, Object> countParams(Counts c) {
        return java.util.Map.of("total", c.total(), "valid", c.valid(), "rejected", c.rejected(), "new", c.created(),
                "updated", c.updated(), "unchanged", c.unchanged());
    }

    private static ImportJob map(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("county_code"),
                rs.getString("file_name"), rs.getString("file_sha256"), ImportStatus.valueOf(rs.getString("status")),
                new Counts(rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("rejected_rows"), rs.getInt("new_rows"),
                        rs.getInt("updated_rows"), rs.getInt("unchanged_rows")),
                rs.getLong("sheet_rows"), rs.getInt("progress"), rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
