package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

    private static final ServerStart.Lifecycle PLAIN =
            new ServerStart.Lifecycle(Duration.ofSeconds(10), Duration.ofSeconds(60), Map.of());

    @TempDir
    Path dir;

    @Test
    void aStalePidFileOfADeadServerOrAReusedPidDoesNotStopTheStart() throws Exception {
        Path pgDir = dir.resolve("pg");
        EmbeddedPostgres first = EmbeddedPostgresEnvironment.start(pgDir, 0, false, PLAIN);
        long pid = OrphanedServer.postmasterPid(pgDir).orElseThrow();
        assertThat(OrphanedServer.isServerOf(pid, pgDir)).isTrue();
        assertThat(OrphanedServer.isServerOf(pid, dir)).as("another directory's server").isFalse();
        first.close();

        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(pgDir.resolve("postmaster.pid"), finished.pid() + "\n" + pgDir + "\n");
        EmbeddedPostgresEnvironment.start(pgDir, 0, false, PLAIN).close();

        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pgDir.resolve("postmaster.pid"), unrelated.pid() + "\n" + pgDir + "\n");
            EmbeddedPostgres again = EmbeddedPostgresEnvironment.start(pgDir, 0, false, PLAIN);
            assertThat(unrelated.isAlive()).as("an unrelated process is never signalled").isTrue();
            again.close();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aServerOfThisDirectoryLeftRunningIsStopped() throws Exception {
        Path pgDir = dir.resolve("pg");
        EmbeddedPostgres server = EmbeddedPostgresEnvironment.start(pgDir, 0, false, PLAIN);
        long pid = OrphanedServer.postmasterPid(pgDir).orElseThrow();

        OrphanedServer.stopOrphan(pgDir);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(OrphanedServer.processesIn(pgDir)).isEmpty();
        server.close();
    }

    @Test
    void aStartWaitsForTheLockOfAnInstanceShuttingDownButNotForever() throws Exception {
        Path pgDir = Files.createDirectories(dir.resolve("pg"));
        Path lock = pgDir.resolve(OrphanedServer.LOCK_FILE);
        Files.createFile(lock);

        Process brief = holdLock(lock, 3000);
        OrphanedServer.awaitLock(pgDir, Duration.ofMinutes(1));
        assertThat(brief.waitFor(5, TimeUnit.SECONDS)).as("the holder had ended when the wait did").isTrue();

        Process stuck = holdLock(lock, 120_000);
        try {
            assertThatThrownBy(() -> OrphanedServer.awaitLock(pgDir, Duration.ofSeconds(1)))
                    .hasMessageContaining("仍被另一个实例占用");
        } finally {
            stuck.destroyForcibly();
        }
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
