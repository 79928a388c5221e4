package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.logging.DeferredLog;

/**
 * Makes a data directory startable after a crash, before the embedded server is started on it.
 *
 * <p>A {@code kill -9} of the application (or the OOM killer, or a closed terminal) leaves its
 * PostgreSQL running: {@code pg_ctl} detached it, so it outlives the JVM and keeps {@code postmaster.pid}.
 * The next start would wait for its own server in vain. Here: first wait for the directory's lock
 * file (an instance still shutting down holds it, bounded), then — now that no live application owns
 * the directory — stop a server whose {@code postmaster.pid} names a live postgres process working
 * in exactly this directory, fast shutdown first and immediate after a timeout. A pid file of a dead
 * process is left to PostgreSQL, which ignores it; one whose pid now belongs to some other process
 * is removed, as PostgreSQL would otherwise refuse to start.
 */
public final class OrphanedServer {

    /**
     * This runs before logging is set up (from an environment post-processor): lines are kept and
     * replayed once {@link DatabaseWatch} exists, and go straight to the log after that.
     */
    static final DeferredLog log = new DeferredLog();
    /** The file an application locks for as long as it uses the data directory's server. */
    static final String LOCK_FILE = "pg-owner.lock";
    /** Locks this JVM holds, by data directory: released only when the process ends. */
    private static final java.util.Map<Path, FileLock> HELD = new java.util.concurrent.ConcurrentHashMap<>();
    static final Duration FAST_SHUTDOWN = Duration.ofSeconds(10);
    static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(5);

    private OrphanedServer() {
    }

    /**
     * @param lockWait how long to wait for an instance that still holds the directory
     * @throws IllegalStateException when the directory is still held after {@code lockWait}, or the
     *                               orphan does not stop
     */
    public static void clear(Path dataDir, Duration lockWait) {
        awaitLock(dataDir, lockWait);
        stopOrphan(dataDir.resolve("pg"));
    }

    /**
     * Takes {@code dataDir}'s lock for the rest of this process's life, waiting while another
     * process (an instance still shutting down) holds it.
     */
    static synchronized void awaitLock(Path dataDir, Duration wait) {
        Path pgDir = dataDir;
        if (HELD.containsKey(dataDir)) {
            return;
        }
        Path lockFile = dataDir.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (!tryHold(dataDir, lockFile)) {
            if (!told) {
                String line = Messages.text("platform.db.waiting-for-lock", pgDir, String.valueOf(wait.toSeconds()));
                // whoever started the application is waiting now, before the log exists
                System.err.println(line);
                log.warn(line);
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(Messages.text("platform.db.lock-held", pgDir, String.valueOf(wait.toSeconds())));
            }
            sleep(Duration.ofMillis(250));
        }
        if (told) {
            log.info(Messages.text("platform.db.lock-released", pgDir));
        }
    }

    @SuppressWarnings("resource") // the channel stays open with the lock until the process ends
    private static boolean tryHold(Path dataDir, Path lockFile) {
        try {
            RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
            FileLock lock = file.getChannel().tryLock();
            if (lock == null) {
                file.close();
                return false;
            }
            HELD.put(dataDir, lock);
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server of {@code pgDir}'s {@code postmaster.pid} if it is really that directory's postgres. */
    static void stopOrphan(Path pgDir) {
        Optional<Long> pid = postmasterPid(pgDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // a stale file of a dead server: PostgreSQL checks the pid and starts anyway
            return;
        }
        if (!isServerOf(pid.get(), pgDir)) {
            try {
                Files.deleteIfExists(pgDir.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.warn(Messages.text("platform.db.stale-pid-removed", String.valueOf(pid.get()), pgDir));
            return;
        }
        ProcessHandle server = process.get();
        if (signal(server, "INT") && awaitExit(server, FAST_SHUTDOWN)) {
            log.warn(Messages.text("platform.db.orphan-stopped", String.valueOf(pid.get()), pgDir, "fast"));
        } else if (signal(server, "QUIT") && awaitExit(server, IMMEDIATE_SHUTDOWN)) {
            log.warn(Messages.text("platform.db.orphan-stopped", String.valueOf(pid.get()), pgDir, "immediate"));
        } else {
            throw new IllegalStateException(Messages.text("platform.db.orphan-not-stopped", String.valueOf(pid.get()), pgDir));
        }
        awaitBackendsGone(pgDir, IMMEDIATE_SHUTDOWN);
    }

    /**
     * Waits until no process works in {@code pgDir} any more: after its postmaster was killed, its
     * backends notice only on their next wake-up, and a new server refuses to start while they still
     * hold the old shared memory.
     */
    static void awaitBackendsGone(Path pgDir, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!processesIn(pgDir).isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
    }

    /** The first line of {@code postmaster.pid}, the postmaster's process id. */
    public static Optional<Long> postmasterPid(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() || lines.getFirst().isBlank()
                    ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether process {@code pid} is a postgres whose working directory is {@code pgDir}: the
     * postmaster and its backends change into their data directory, so a reused pid of an
     * unrelated process, or a server of another directory, does not match.
     */
    static boolean isServerOf(long pid, Path pgDir) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String command = Files.readString(proc.resolve("comm")).trim();
            return command.startsWith("postgres")
                    && Files.readSymbolicLink(proc.resolve("cwd")).equals(pgDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The processes (postmaster and backends) working in {@code pgDir}. */
    static List<Long> processesIn(Path pgDir) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.map(ProcessHandle::pid).filter(pid -> isServerOf(pid, pgDir)).toList();
        }
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
        return true;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
