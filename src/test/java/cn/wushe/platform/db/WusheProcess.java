package cn.wushe.platform.db;

import cn.wushe.WusheApplication;
import cn.wushe.platform.TestProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as the README starts it (embedded PostgreSQL under its data directory), in a JVM
 * of its own, with the test-only endpoints of {@code probe.OpsProbe}.
 */
final class WusheProcess {

    static final Duration STARTUP = Duration.ofMinutes(4);

    final Process process;
    final Path log;
    final String base;

    private WusheProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts it and waits until it reports it started. */
    static WusheProcess start(Path work, Path data, Path backups, int port, String name, String... extra) throws Exception {
        Path log = work.resolve(name + ".log");
        Process p = command(work, data, backups, port, log, List.of(extra));
        WusheProcess app = new WusheProcess(p, log, port);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!app.log().contains("Started WusheApplication")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("application " + name + " did not start:\n" + app.log());
            }
            Thread.sleep(100);
        }
        return app;
    }

    static Process command(Path work, Path data, Path backups, int port, Path log, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", TestProcesses.classpath(work, "cn.wushe.platform.db.probe"), WusheApplication.class.getName(),
                "--spring.main.sources=cn.wushe.platform.db.probe.OpsProbe",
                "--server.port=" + port,
                "--wushe.data-dir=" + data,
                "--wushe.backup.dir=" + backups,
                "--wushe.regions.import-on-start=false",
                "--wushe.identity.initial-administrators=false",
                "--db-scheduler.polling-interval=1s",
                "--logging.level.root=WARN",
                "--logging.level.cn.wushe=INFO"));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // outside demo and test the application needs its master key from outside the data directory
        builder.environment().put("WUSHE_CRYPTO_MASTER_KEY", "1:" + "5a".repeat(16));
        return builder.start();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
