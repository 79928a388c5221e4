package cn.wushe.scheduling;

import cn.wushe.WusheApplication;
import cn.wushe.platform.TestProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real application in a JVM of its own: main classes, the dependency jars and only the
 * probe's test classes (the rest of the test classes would be component-scanned as beans), on a
 * database the test started. Killed with SIGKILL, as a crash or {@code kill -9} ends it.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(6);

    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static final String MASTER_KEY = "1:" + java.util.HexFormat.of().formatHex(randomKey());

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    /** Starts the application and waits until it reports it started. */
    static AppProcess start(Path workDir, String name, String jdbcUrl, List<String> properties) throws IOException, InterruptedException {
        Path log = workDir.resolve(name + "-" + System.nanoTime() + ".log");
        var credentials = cn.wushe.platform.db.DatabaseCredentials.load(workDir.resolve("pg-home"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", classpath(workDir), WusheApplication.class.getName(),
                "--spring.profiles.active=probe",
                // named, not scanned: a @TestConfiguration is left out of component scanning
                "--spring.main.sources=cn.wushe.scheduling.probe.ProbeConfiguration",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=wushe_app",
                "--spring.datasource.password=" + credentials.appPassword(),
                "--spring.datasource.hikari.maximum-pool-size=15",
                "--spring.flyway.url=" + jdbcUrl,
                "--spring.flyway.user=wushe_owner",
                "--spring.flyway.password=" + credentials.ownerPassword(),
                // the nodes share one database, so one master key for all of them (outside demo mode one is required)
                "--wushe.crypto.master-key=" + MASTER_KEY,
                "--server.port=0",
                "--wushe.data-dir=" + workDir.resolve(name + "-data"),
                "--wushe.regions.import-on-start=false",
                "--wushe.identity.initial-administrators=false",
                "--db-scheduler.scheduler-name=" + name,
                "--db-scheduler.polling-interval=1s",
                // dead-execution detection runs once per heartbeat interval: seconds, not the default minutes
                "--db-scheduler.heartbeat-interval=2s",
                "--logging.level.root=WARN",
                "--logging.level.cn.wushe.WusheApplication=INFO"));
        properties.forEach(p -> command.add("--" + p));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, log);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!Files.readString(log).contains("Started WusheApplication")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                app.kill();
                throw new IllegalStateException("application " + name + " did not start:\n" + app.tail());
            }
            Thread.sleep(200);
        }
        return app;
    }

    /** SIGKILL: no shutdown hook runs, no execution completes, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    String tail() {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String classpath(Path workDir) throws IOException {
        return TestProcesses.classpath(workDir, "cn.wushe.scheduling.probe");
    }
}
