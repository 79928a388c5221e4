package cn.wushe.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the audit entries of reads: requests hand their entry to one writer thread,
 * which appends everything waiting in one transaction, and each request goes on only once the
 * transaction holding its entry has committed. A read's own transaction then writes nothing (no
 * WAL flush per read), and the chain's lanes are taken once per batch instead of once per read.
 */
final class AccessBatches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessBatches.class);
    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 30;

    private record Pending(ChainedEntry entry, CompletableFuture<Void> written) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<ChainedEntry>> writer;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param writer appends and commits the entries of a batch, in order, or throws and commits none */
    AccessBatches(Consumer<List<ChainedEntry>> writer) {
        this.writer = writer;
        this.thread = Thread.ofPlatform().daemon().name("audit-access-writer").start(this::run);
    }

    /**
     * Returns once the entry is committed.
     *
     * @throws IllegalStateException when it could not be written: the caller must not show what was read
     */
    void append(ChainedEntry entry) {
        if (!running) {
            throw new IllegalStateException("audit access writer has stopped");
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Pending(entry, written));
        try {
            written.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit entry " + entry.action() + " could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("audit entry " + entry.action() + " not written within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit entry was being written", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
        // anything that arrived after the last batch: refuse rather than leave a reader waiting
        queue.forEach(p -> p.written().completeExceptionally(new IllegalStateException("audit access writer has stopped")));
    }

    private void write(List<Pending> batch) {
        try {
            writer.accept(batch.stream().map(Pending::entry).toList());
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException | Error e) {
            // the writer must outlive a failed batch: a dead writer would leave every later reader waiting
            LOG.error("{} audit entries of reads could not be written; their requests fail", batch.size(), e);
            batch.forEach(p -> p.written().completeExceptionally(e));
        }
    }

    /** Writes what is waiting, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
