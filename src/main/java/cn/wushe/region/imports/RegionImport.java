package cn.wushe.region.imports;

import cn.wushe.platform.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the official tree into {@code region.regions}: COPY of every file into staging tables,
 * checks, then new codes inserted and changed names updated, all in one transaction, so a bad line
 * leaves the previous tree as it was. Idempotent: a second run over the same files inserts and
 * updates nothing, and is skipped altogether (after checksumming the files) when the last
 * successful import had the same files. Codes missing from a newer edition are kept, never deleted.
 */
@Service
public class RegionImport {

    private static final Logger log = LoggerFactory.getLogger(RegionImport.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate inOwnTransaction;
    private final Clock clock;

    public RegionImport(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.inTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Imports unless these files were the last ones imported successfully. */
    public ImportResult importFrom(RegionFiles files) {
        return importFrom(files, false);
    }

    /** @param force import even when the files are unchanged (proves idempotency) */
    public ImportResult importFrom(RegionFiles files, boolean force) {
        long start = System.nanoTime();
        RegionFiles.FileSetHash hash = files.hash();
        if (!force && lastSucceeded().filter(hash.value()::equals).isPresent()) {
            // also after a start that stopped between a first load's commit and its search index
            return withSearchIndex(ImportResult.skipped(hash.value(), Duration.ofNanos(System.nanoTime() - start)));
        }
        Instant startedAt = clock.instant();
        ImportResult result;
        try {
            result = Objects.requireNonNull(
                    inTransaction.execute(status -> load(files, hash, force, startedAt, start, status)));
        } catch (RegionImportException e) {
            recordFailure(hash, startedAt, e.getMessage());
            throw e;
        }
        return withSearchIndex(result);
    }

    /**
     * After the commit (a caller's surrounding transaction aside): the trigram index a first load
     * left out. In the meantime the tree is complete and name search scans it.
     */
    private ImportResult withSearchIndex(ImportResult result) {
        long start = System.nanoTime();
        if (!new TreeMerge(jdbc).buildNameSearchIndex()) {
            return result;
        }
        ImportResult built = result.withSearchIndex(Duration.ofNanos(System.nanoTime() - start));
        log.info("区划名称检索索引已建立（{} ms）", built.searchIndex().toMillis());
        return built;
    }

    private ImportResult load(RegionFiles files, RegionFiles.FileSetHash hash, boolean force, Instant startedAt,
            long start, TransactionStatus status) {
        // one import at a time, also across application instances sharing the database
        jdbc.sql("select pg_advisory_xact_lock(hashtext('region.import'))").query().singleRow();
        if (!force && lastSucceeded().filter(hash.value()::equals).isPresent()) {
            return ImportResult.skipped(hash.value(), Duration.ofNanos(System.nanoTime() - start));
        }
        jdbc.sql("set local work_mem = '64MB'").update();
        // a lost commit after a crash only means the next start loads the same files again
        jdbc.sql("set local synchronous_commit = off").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return stageAndMerge(files, hash, startedAt, start, status, new StagingArea(jdbc, copyManager(connection)));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private ImportResult stageAndMerge(RegionFiles files, RegionFiles.FileSetHash hash, Instant startedAt, long start,
            TransactionStatus status, StagingArea staging) {
        long stagingStart = System.nanoTime();
        int[] rows = new int[TreeFile.values().length];
        for (TreeFile file : TreeFile.values()) {
            rows[file.ordinal()] = staging.load(file, files);
            throwFirst(staging.firstInvalidLine(file, files.nameOf(file)));
        }
        ImportResult.Counts counts = new ImportResult.Counts(rows[0], rows[1], rows[2], rows[3], rows[4]);
        TreeMerge merge = new TreeMerge(jdbc);
        boolean firstLoad = merge.treeIsEmpty();
        if (!firstLoad) {
            // an update would silently take either of two lines with one code; the first load's
            // primary key refuses them by itself, so only then is this check left out
            throwFirstDuplicate(staging, files);
        }
        long mergeStart = System.nanoTime();
        Object savepoint = status.createSavepoint();
        TreeMerge.Changes changes;
        try {
            changes = merge.apply(firstLoad);
        } catch (DataIntegrityViolationException e) {
            status.rollbackToSavepoint(savepoint);
            throwFirstDuplicate(staging, files);
            throw e;
        }
        long mergeEnd = System.nanoTime();
        Instant finishedAt = clock.instant();
        jdbc.sql("""
                insert into region.imports (files_hash, files, status, started_at, finished_at, provinces, cities,
                    counties, towns, communities, rows_inserted, rows_updated)
                values (:hash, :files, 'SUCCEEDED', :startedAt, :finishedAt, :provinces, :cities, :counties, :towns,
                    :communities, :inserted, :updated)
                """)
                .param("hash", hash.value()).param("files", hash.files())
                .param("startedAt", Timestamp.from(startedAt))
                .param("finishedAt", Timestamp.from(finishedAt))
                .param("provinces", counts.provinces()).param("cities", counts.cities())
                .param("counties", counts.counties()).param("towns", counts.towns())
                .param("communities", counts.communities())
                .param("inserted", changes.inserted()).param("updated", changes.updated())
                .update();
        ImportResult result = new ImportResult(false, hash.value(), counts, changes.inserted(), changes.updated(),
                Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(mergeStart - stagingStart),
                Duration.ofNanos(mergeEnd - mergeStart), Duration.ZERO);
        log.info("区划导入完成（{}）：{} 个节点，新增 {}，更新 {}，用时 {} ms（暂存与校验 {} ms，写入区划表 {} ms）", files,
                counts.total(), changes.inserted(), changes.updated(), result.took().toMillis(),
                result.staging().toMillis(), result.merge().toMillis());
        return result;
    }

    private static void throwFirst(Optional<RegionImportException> problem) {
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    private static void throwFirstDuplicate(StagingArea staging, RegionFiles files) {
        for (TreeFile file : TreeFile.values()) {
            throwFirst(staging.firstDuplicate(file, files.nameOf(file)));
        }
    }

    private Optional<String> lastSucceeded() {
        return jdbc.sql("""
                select files_hash from region.imports where status = 'SUCCEEDED'
                order by finished_at desc, id desc limit 1
                """).query(String.class).optional();
    }

    private void recordFailure(RegionFiles.FileSetHash hash, Instant startedAt, String error) {
        inOwnTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into region.imports (files_hash, files, status, started_at, finished_at, error)
                values (:hash, :files, 'FAILED', :startedAt, :finishedAt, :error)
                """)
                .param("hash", hash.value()).param("files", hash.files())
                .param("startedAt", Timestamp.from(startedAt))
                .param("finishedAt", Timestamp.from(clock.instant()))
                .param("error", error)
                .update());
    }

    /** The PostgreSQL COPY API of the connection bound to the current transaction. */
    private static CopyManager copyManager(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("region.import.copy-required"), e);
        }
    }
}
