package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 with real processes, as an administrator meets it: the application started with the
 * README command (embedded PostgreSQL under its data directory), killed with {@code kill -9} and
 * started again; its PostgreSQL killed under load (readiness DOWN, 503 problem+json, restart with
 * every acknowledged write present); the restart budget used up (exit with status 75); a backup
 * while 20 clients write, restored into a fresh directory with the same counts and an intact audit
 * chain; a point-in-time restore between two known writes; refused restores; and TERM with a hung
 * database ending within 10 s. One data directory and as few starts as possible: every start of the
 * application costs a Spring context.
 */
class CrashRecoveryProcessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Process> STARTED = new ArrayList<>();

    @TempDir
    static Path work;

    @AfterAll
    static void stopEverything() throws IOException {
        for (Process p : STARTED) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        // servers left by a failed step (their pid files name them)
        for (String dir : List.of("data", "restored", "pit")) {
            OrphanedServer.postmasterPid(work.resolve(dir).resolve("pg")).flatMap(ProcessHandle::of)
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void crashRestartBackupAndRestore() throws Exception {
        Path data = work.resolve("data");
        Path backups = work.resolve("backups");
        int port = freePort();

        // 1. kill -9 of the application leaves its PostgreSQL running; the same command starts again
        WusheProcess first = start(data, backups, port, "first");
        long orphan = OrphanedServer.postmasterPid(data.resolve("pg")).orElseThrow();
        first.process.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
        WusheProcess app = start(data, backups, port, "second", "--wushe.db.max-restarts-per-hour=1");
        assertThat(app.log()).contains(Messages.orphanStopped(orphan));
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        // 2. kill -9 of PostgreSQL under load: DOWN within 2 s, 503 problem+json, back with every 201 kept
        Load load = Load.start(app.base, "crash", 20);
        load.awaitCreated(300);
        long server = OrphanedServer.postmasterPid(data.resolve("pg")).orElseThrow();
        Instant killed = Instant.now();
        ProcessHandle.of(server).orElseThrow().destroyForcibly();
        awaitReadiness(app.base, "OUT_OF_SERVICE", Duration.ofSeconds(10));
        // the application's own reaction, by its log's clock: the test's polling over HTTP adds the
        // machine's load on top
        assertThat(Duration.between(killed, loggedAt(app.log(), "内置 PostgreSQL 已停止运行"))).isLessThan(Duration.ofSeconds(2));
        // the load's clients wait inside their requests; a new request is answered at once
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(app.base + "/probe/write?tag=x"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("/problems/database-unavailable").contains("数据库正在恢复");
        awaitReadiness(app.base, "UP", Duration.ofMinutes(2));
        load.awaitCreated(load.created.get() + 100);
        load.stop();
        assertThat(auditRows(app.base)).as("every acknowledged write survived").isGreaterThanOrEqualTo(load.created.get());
        assertThat(app.log()).contains("已通过 WAL 恢复");
        assertThat(get(app.base + "/probe/audit?action=DATABASE_RESTART")).as("the restart is in the audit log").isEqualTo("1");

        // 3. a backup while 20 clients write, then two known writes around a moment
        Load writers = Load.start(app.base, "during-backup", 20);
        writers.awaitCreated(100);
        String backup = post(app.base + "/probe/backup");
        writers.stop();
        assertThat(backup).startsWith("SUCCEEDED");
        assertThat(writers.created.get()).isGreaterThan(100);
        post(app.base + "/probe/write?tag=before");
        Thread.sleep(1500);
        Instant between = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
        Thread.sleep(1500);
        post(app.base + "/probe/write?tag=after");
        post(app.base + "/probe/switch-wal");
        Map<String, Long> live = counts(get(app.base + "/probe/counts"));
        try (var files = Files.walk(backups)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("keys are never in the backup")
                    .doesNotContain("crypto.properties", "signing.properties");
        }

        // 4. the restart budget (1 per hour here) is used up: the application ends with status 75
        ProcessHandle.of(OrphanedServer.postmasterPid(data.resolve("pg")).orElseThrow()).orElseThrow().destroyForcibly();
        assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isEqualTo(DatabaseWatch.EXIT_STATUS);

        // 5. restore into a fresh directory: same counts, intact chain (the command's exit status)
        Path restored = work.resolve("restored");
        Run full = restore(backups, restored, null);
        assertThat(full.status).as(full.output).isZero();
        Map<String, Long> afterRestore = counts(full.output);
        assertThat(afterRestore.get("audit")).isEqualTo(live.get("audit"));
        assertThat(afterRestore).containsAllEntriesOf(Map.of("registry", live.getOrDefault("registry", 0L),
                "identity", live.getOrDefault("identity", 0L)));

        // 6. to the moment between the two writes: the first is there, the second is not
        Run pit = restore(backups, work.resolve("pit"), between);
        assertThat(pit.status).as(pit.output).isZero();
        assertThat(counts(pit.output).get("audit")).isEqualTo(live.get("audit") - 1);

        // 7. refused before anything changes: target not empty, a time before the oldest backup, a corrupt file
        Run notEmpty = restore(backups, restored, null);
        assertThat(notEmpty.status).isEqualTo(RestoreCommand.REFUSED);
        assertThat(notEmpty.output).contains("不是空目录");
        Run tooEarly = restore(backups, work.resolve("early"), Instant.now().minus(Duration.ofDays(1)));
        assertThat(tooEarly.status).isEqualTo(RestoreCommand.REFUSED);
        assertThat(tooEarly.output).contains("早于最早的备份");
        assertThat(work.resolve("early")).doesNotExist();
        Path label = BaseBackup.list(backups.resolve("base")).getFirst().dir().resolve("backup_label");
        String original = Files.readString(label);
        Files.writeString(label, original.replace("START", "STORT"));
        Run corrupt = restore(backups, work.resolve("corrupt"), null);
        Files.writeString(label, original);
        assertThat(corrupt.status).isEqualTo(RestoreCommand.REFUSED);
        assertThat(corrupt.output).contains("已损坏");
        assertThat(work.resolve("corrupt")).doesNotExist();

        // 8. the application starts on the restored directory; TERM with its database hung ends within 10 s
        WusheProcess onRestored = start(restored, work.resolve("backups-2"), freePort(), "restored");
        long hung = OrphanedServer.postmasterPid(restored.resolve("pg")).orElseThrow();
        signal(hung, "STOP");
        try {
            Thread.ofVirtual().start(() -> {
                try {
                    post(onRestored.base + "/probe/write?tag=hangs");
                } catch (Exception e) {
                    // the answer never comes: the process ends
                }
            });
            Thread.sleep(500);
            Instant term = Instant.now();
            onRestored.process.destroy();
            assertThat(onRestored.process.waitFor(12, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.between(term, Instant.now())).isLessThan(Duration.ofSeconds(10));
        } finally {
            signal(hung, "KILL");
            signal(hung, "CONT");
        }
    }

    /** Log lines the test looks for, as the application writes them. */
    private static final class Messages {
        static String orphanStopped(long pid) {
            return "发现上次运行遗留的 PostgreSQL（进程 " + pid;
        }
    }

    private static Instant loggedAt(String log, String text) {
        String line = log.lines().filter(l -> l.contains(text)).reduce((a, b) -> b).orElseThrow();
        return Instant.parse(line.substring(0, line.indexOf(' ')));
    }

    private record Run(int status, String output) {
    }

    private static Run restore(Path backups, Path target, Instant until) throws Exception {
        List<String> args = new ArrayList<>(List.of("--wushe.restore.from=" + backups));
        if (until != null) {
            args.add("--wushe.restore.until=" + until.atOffset(java.time.ZoneOffset.ofHours(8)));
        }
        Path log = work.resolve("restore-" + System.nanoTime() + ".log");
        Process p = WusheProcess.command(work, target, work.resolve("unused-backups"), 0, log, args);
        STARTED.add(p);
        assertThat(p.waitFor(WusheProcess.STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(log));
    }

    private static final Pattern COUNT = Pattern.compile("^\\s*([a-z_]+)(?:：|=)(\\d+)", Pattern.MULTILINE);

    private static Map<String, Long> counts(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private static long auditRows(String base) throws Exception {
        return Long.parseLong(get(base + "/probe/counts").lines()
                .filter(l -> l.startsWith("audit=")).findFirst().orElseThrow().substring(6));
    }

    private static void awaitReadiness(String base, String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(base + "/actuator/health/readiness").contains(status)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness never became " + status);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    static String post(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + " " + r.body()).isBetween(200, 201);
        return r.body();
    }

    private static void signal(long pid, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Clients that write as fast as they are answered, counting the 201s and the 503s. */
    private static final class Load {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService pool;
        final List<Future<?>> clients = new ArrayList<>();

        private Load(int n) {
            pool = Executors.newFixedThreadPool(n);
        }

        static Load start(String base, String tag, int clients) {
            Load load = new Load(clients);
            for (int i = 0; i < clients; i++) {
                load.clients.add(load.pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/probe/write?tag=" + tag))
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build();
                    while (load.running.get()) {
                        try {
                            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status == 201) {
                                load.created.incrementAndGet();
                            } else if (status == 503) {
                                load.unavailable.incrementAndGet();
                                Thread.sleep(100);
                            }
                        } catch (IOException e) {
                            Thread.sleep(100);
                        }
                    }
                    return null;
                }));
            }
            return load;
        }

        void awaitCreated(int n) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (created.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(created.get()).as("acknowledged writes").isGreaterThanOrEqualTo(n);
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> f : clients) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
    }

    private static WusheProcess start(Path data, Path backups, int port, String name, String... extra) throws Exception {
        WusheProcess app = WusheProcess.start(work, data, backups, port, name, extra);
        STARTED.add(app.process);
        return app;
    }
}
