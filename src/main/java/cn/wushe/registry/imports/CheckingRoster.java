package cn.wushe.registry.imports;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.files.RejectedFile;
import cn.wushe.registry.internal.PreparedPeople;
import cn.wushe.registry.internal.RosterUpserts;
import cn.wushe.registry.imports.ImportJob.Counts;
import cn.wushe.registry.imports.ImportRows.StagedRow;
import cn.wushe.registry.imports.RosterSheet.SheetRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an uploaded roster in the background (a virtual thread per job, at most two at a time
 * on this 2-core machine): streams the sheet, judges rows in batches, stores them with the job's
 * progress, and ends READY with the counts or FAILED with the reason. The uploaded file is deleted
 * when the check ends, however it ends.
 */
@Component
class CheckingRoster implements DisposableBean {

    static final int BATCH = 2000;
    private static final Logger log = LoggerFactory.getLogger(CheckingRoster.class);

    private final ImportJobs jobs;
    private final ImportRows rows;
    private final RosterRowParser parser;
    private final RosterUpserts upserts;
    private final PreparedPeople prepared;
    private final ImportLimits limits;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore running = new Semaphore(2);

    CheckingRoster(ImportJobs jobs, ImportRows rows, RosterRowParser parser, RosterUpserts upserts, PreparedPeople prepared,
            ImportLimits limits, TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.prepared = prepared;
        this.jobs = jobs;
        this.rows = rows;
        this.parser = parser;
        this.upserts = upserts;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Starts checking {@code file} for {@code job} as {@code actor} (the importer's identity and scopes
     * as they were at the upload); takes ownership of the file. Inside a transaction (the upload's,
     * joined by its Idempotency-Key) the check starts once the job's row is committed, and not at all
     * when it rolls back.
     */
    void start(UUID job, Path file, Actor actor) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        inBackground(job, file, actor);
                    } else {
                        deleteQuietly(file);
                    }
                }
            });
            return;
        }
        inBackground(job, file, actor);
    }

    private void inBackground(UUID job, Path file, Actor actor) {
        executor.execute(() -> {
            try {
                running.acquire();
                try {
                    check(job, file, actor);
                } finally {
                    running.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jobs.fail(job, Messages.text("registry.import.interrupted"), clock.instant());
            } finally {
                deleteQuietly(file);
            }
        });
    }

    /**
     * Checks the whole file on the calling thread (for {@link #start} and the benchmark) and deletes
     * it before the job is marked READY or FAILED, so a finished job never leaves its upload behind.
     */
    Counts check(UUID job, Path file, Actor actor) {
        RowJudgement judgement = new RowJudgement(parser, upserts, actor);
        Counts counts = Counts.NONE;
        String failure = null;
        Staging staging = new Staging(job, null);
        try (RosterSheet sheet = RosterSheet.open(file); Stream<SheetRow> stream = sheet.rows()) {
            Iterator<SheetRow> it = stream.iterator();
            List<SheetRow> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next());
                if (counts.total() + batch.size() > limits.maxRows()) {
                    throw new RosterFileException(Messages.text("registry.import.too-many-rows", limits.maxRows()));
                }
                if (batch.size() == BATCH || !it.hasNext()) {
                    RowJudgement.Judged judged = judgement.judge(batch);
                    for (StagedRow row : judged.rows()) {
                        counts = counts.plus(row.outcome());
                    }
                    staging = staging.store(judged, counts.total());
                    batch = new ArrayList<>(BATCH);
                }
            }
            staging.await();
            if (counts.total() == 0) {
                throw new RosterFileException(Messages.text("registry.import.no-data-rows", sheet.sheetName()));
            }
        } catch (RejectedFile e) {
            failure = e.getMessage();
        } catch (IOException | RuntimeException e) {
            // the message may quote a cell: log where, never what
            log.warn("Roster import {} failed after {} rows: {} at {}", job, counts.total(), e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            failure = Messages.text("registry.import.row-unreadable", counts.total() + 1);
        } finally {
            deleteQuietly(file);
        }
        if (failure != null) {
            staging.settle();
            rows.deleteAll(job);
            jobs.fail(job, failure, clock.instant());
        } else {
            jobs.ready(job, counts);
        }
        return counts;
    }

    /**
     * Stores judged batches on another thread while the next batch is read and judged, one batch at
     * a time, each in one transaction. Staged rows need not survive a crash on their own (the job
     * becomes READY only after them, by a durable commit that flushes them too), so a batch's
     * transaction does not wait for its commit to reach the disk.
     */
    private final class Staging {

        private final UUID job;
        private final @Nullable Future<?> previous;

        Staging(UUID job, @Nullable Future<?> previous) {
            this.job = job;
            this.previous = previous;
        }

        /** Waits for the batch before, then stores {@code judged} in the background. */
        Staging store(RowJudgement.Judged judged, int progress) {
            await();
            return new Staging(job, executor.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("set local synchronous_commit = off").update();
                rows.insert(job, judged.rows(), judged.preparedRows());
                prepared.stage(job, judged.newHeads());
                jobs.progress(job, progress);
            })));
        }

        /** Waits until the batches handed over are stored; rethrows a failure of storing. */
        void await() {
            if (previous == null) {
                return;
            }
            try {
                previous.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        /** Waits until storing has stopped, however it ended, so that nothing is stored after a clean-up. */
        void settle() {
            try {
                await();
            } catch (RuntimeException e) {
                // the check has failed already; this failure adds nothing to tell
            }
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete an uploaded roster file: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
