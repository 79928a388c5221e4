package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start finds in a data directory after a crash, with a real server: a stale
 * {@code postmaster.pid} of a dead process, one whose pid now belongs to an unrelated process, a
 * server that is really this directory's, and the lock of an instance still shutting down (held by
 * another JVM, as a file lock is per process).
 */
class OrphanedServerIntegrationTest {

    private static final ServerStart.Lifecycle PLAIN = new ServerStart.Lifecycle(Duration.ofSeconds(10), Map.of());

    @TempDir
    Path dir;

    @Test
    void aStalePidFileOfADeadServerOrAReusedPidDoesNotStopTheStart() throws Exception {
        Path pgDir = dir.resolve("pg");
        PostgresServerProcess first = start();
        long pid = OrphanedServer.postmasterPid(pgDir).orElseThrow();
        assertThat(OrphanedServer.isServerOf(pid, pgDir)).isTrue();
        assertThat(OrphanedServer.isServerOf(pid, dir)).as("another directory's server").isFalse();
        first.stop();

        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(pgDir.resolve("postmaster.pid"), finished.pid() + "\n" + pgDir + "\n");
        start().stop();

        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pgDir.resolve("postmaster.pid"), unrelated.pid() + "\n" + pgDir + "\n");
            PostgresServerProcess again = start();
            assertThat(unrelated.isAlive()).as("an unrelated process is never signalled").isTrue();
            again.stop();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aServerOfThisDirectoryLeftRunningIsStopped() throws Exception {
        Path pgDir = dir.resolve("pg");
        PostgresServerProcess server = start();
        long pid = OrphanedServer.postmasterPid(pgDir).orElseThrow();

        OrphanedServer.stopOrphan(pgDir);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(OrphanedServer.processesIn(pgDir)).isEmpty();
    }

    @Test
    void aStartWaitsForTheLockOfAnInstanceShuttingDownButNotForever() throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("locked"));
        Path lock = dataDir.resolve(OrphanedServer.LOCK_FILE);
        Files.createFile(lock);

        Process brief = holdLock(lock, 3000);
        OrphanedServer.awaitLock(dataDir, Duration.ofMinutes(1));
        assertThat(brief.waitFor(5, TimeUnit.SECONDS)).as("the holder had ended when the wait did").isTrue();

        Path other = Files.createDirectories(dir.resolve("other"));
        Process stuck = holdLock(Files.createFile(other.resolve(OrphanedServer.LOCK_FILE)), 120_000);
        try {
            assertThatThrownBy(() -> OrphanedServer.awaitLock(other, Duration.ofSeconds(1)))
                    .hasMessageContaining("仍被另一个实例占用");
        } finally {
            stuck.destroyForcibly();
        }
    }

    /** The embedded server on {@code dir}, started as the application starts it (lock, orphan check, account). */
    private PostgresServerProcess start() {
        return EmbeddedPostgresEnvironment.start(dir, 0, false, EmbeddedServerSecurity.DEFAULT_ACCOUNT, PLAIN);
    }

    /** Another JVM that locks the file as zonky does, says so, and holds it for {@code millis}. */
    private Process holdLock(Path lock, long millis) throws Exception {
        Path source = dir.resolve("HoldLock.java");
        Files.writeString(source, """
                import java.io.RandomAccessFile;
                class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (RandomAccessFile f = new RandomAccessFile(args[0], "rw"); var lock = f.getChannel().lock()) {
                            System.out.println("locked");
                            Thread.sleep(Long.parseLong(args[1]));
                        }
                    }
                }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), lock.toString(), Long.toString(millis)).redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readNBytes(6))).isEqualTo("locked");
        return p;
    }
}
