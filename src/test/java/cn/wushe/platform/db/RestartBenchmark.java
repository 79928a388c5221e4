package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.BenchmarkReport;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's restart benchmark on the registry benchmark's database (target/bench-data, loaded by
 * {@code RegistryBenchmark}): time from the start command to readiness UP for a clean start, after
 * {@code kill -9} of the application (its PostgreSQL left running and stopped by the next start),
 * and after {@code kill -9} of both (crash recovery replays the WAL), all in the same run.
 */
@Tag("benchmark")
class RestartBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void timeToReadyAfterKillMinus9AgainstACleanStart() throws Exception {
        Path data = Path.of("target/bench-data").toAbsolutePath();
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("pg")), "load target/bench-data with RegistryBenchmark first");
        Path work = Files.createDirectories(Path.of("target/restart-bench").toAbsolutePath());
        Path backups = work.resolve("backups");
        int port = freePort();

        WusheProcess warm = WusheProcess.start(work, data, backups, port, "warm");
        awaitReady(warm);
        stop(warm);

        long t0 = System.nanoTime();
        WusheProcess clean = WusheProcess.start(work, data, backups, port, "clean");
        awaitReady(clean);
        double cleanSeconds = (System.nanoTime() - t0) / 1e9;
        clean.process.destroyForcibly().waitFor();

        t0 = System.nanoTime();
        WusheProcess afterAppKill = WusheProcess.start(work, data, backups, port, "after-app-kill");
        awaitReady(afterAppKill);
        double appKillSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(afterAppKill.log()).contains("发现上次运行遗留的 PostgreSQL");
        long server = OrphanedServer.postmasterPid(data.resolve("pg")).orElseThrow();
        afterAppKill.process.destroyForcibly().waitFor();
        ProcessHandle.of(server).ifPresent(ProcessHandle::destroyForcibly);

        t0 = System.nanoTime();
        WusheProcess afterCrash = WusheProcess.start(work, data, backups, port, "after-crash");
        awaitReady(afterCrash);
        double crashSeconds = (System.nanoTime() - t0) / 1e9;
        stop(afterCrash);

        StringBuilder s = new StringBuilder("## Restart after kill -9 (崩溃后重启)\n\n");
        s.append("Measured ").append(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0))
                .append(" (Asia/Shanghai) by `RestartBenchmark` (`mvn -B test -Dgroups=benchmark -DexcludedGroups=none -Dtest=RestartBenchmark`) on the registry benchmark's database (target/bench-data, ")
                .append(Files.walk(data.resolve("pg")).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20)
                .append(" MB), the application started as its own JVM (`java -cp … WusheApplication`, -Xmx384m) and timed from the command to readiness UP; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with other builds, load average at the end ")
                .append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]).append(".\n\n");
        s.append("| start | time to ready (s) | / clean start |\n|---|---|---|\n");
        s.append(String.format("| clean (previous run stopped with TERM) | %.1f | 1.00× |%n", cleanSeconds));
        s.append(String.format("| after kill -9 of the application (its PostgreSQL still running, stopped fast by the start) | %.1f | %.2f× |%n",
                appKillSeconds, appKillSeconds / cleanSeconds));
        s.append(String.format("| after kill -9 of the application and its PostgreSQL (crash recovery) | %.1f | %.2f× |%n",
                crashSeconds, crashSeconds / cleanSeconds));
        BenchmarkReport.writeSection("restart-benchmark", s.toString());
        System.out.println(s);
    }

    private static void awaitReady(WusheProcess app) throws Exception {
        long deadline = System.nanoTime() + WusheProcess.STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never ready:\n" + app.log());
    }

    private static void stop(WusheProcess app) throws Exception {
        app.process.destroy();
        assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
