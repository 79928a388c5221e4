package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.BenchmarkReport;
import cn.wushe.platform.LoopbackHttp;
import cn.wushe.platform.db.BaseBackup;
import cn.wushe.platform.db.DatabaseBackups;
import cn.wushe.registry.demo.GeneratedPeople;
import cn.wushe.registry.demo.GeneratedPeople.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16's backup benchmark on the registry benchmark's database (load it with
 * {@code RegistryBenchmark} first): the registry requests' p99 under 20 clients without a backup,
 * while a backup runs, and without again; the backup's time against a plain {@code cp -a} of
 * {@code ./data/pg} taken in the same run. WAL archiving is on, as in production.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wushe.data-dir=target/bench-data",
        "wushe.db.durable=true",
        "spring.flyway.out-of-order=true",
        "spring.datasource.hikari.maximum-pool-size=24",
        "logging.level.root=WARN",
        "wushe.backup.enabled=true",
        "wushe.backup.dir=target/bench-backups"})
@ActiveProfiles("test")
@Import(RegistryBenchmark.BenchSecurity.class)
class BackupUnderLoadBenchmark {

    private static final int CLIENTS = 20;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 6_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseBackups backups;
    @Autowired
    Clock clock;

    @Test
    void registryP99WithAndWithoutABackup() throws Exception {
        long people = jdbc.sql("select count(*) from registry.people").query(Long.class).single();
        Assumptions.assumeTrue(people > 0, "load target/bench-data with RegistryBenchmark first");
        List<String> sample = new ArrayList<>();
        new GeneratedPeople(1_000_003, LocalDate.now(clock)).households(RegistryBenchmark.places(), 2_000).stream()
                .flatMap(h -> h.members().stream()).map(Member::idNumber).forEach(sample::add);
        Collections.shuffle(sample, new java.util.Random(7));
        RegistryBenchmark.Request mixed = (http, i) -> i % 2 == 0
                ? http.postJson("/api/v1/people/lookup", "{\"query\":\"" + sample.get(i % sample.size()) + "\"}",
                        "X-Bench-Actor", "community")
                : http.get("/api/v1/people?category=DIBAO&ageMin=60&page=" + (i % 5) + "&size=20", "X-Bench-Actor", "town");

        for (int round = 0; round < 3; round++) {
            closedLoop(mixed, counting(2_000));
        }
        Path pg = Path.of("target/bench-data/pg");
        Path copy = Path.of("target/bench-copy");
        long copyStart = System.nanoTime();
        assertThat(new ProcessBuilder("cp", "-a", pg.toString(), copy.toString()).inheritIO().start().waitFor()).isZero();
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        new ProcessBuilder("rm", "-rf", copy.toString()).start().waitFor();
        long pgBytes = Files.walk(pg).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();

        double[] before = closedLoop(mixed, counting(REQUESTS));
        AtomicBoolean backingUp = new AtomicBoolean(true);
        long backupStart = System.nanoTime();
        Future<BaseBackup> backup = Executors.newSingleThreadExecutor().submit(() -> {
            try {
                return backups.backUp((copied, total) -> { });
            } finally {
                backingUp.set(false);
            }
        });
        double[] during = closedLoop(mixed, backingUp::get);
        BaseBackup taken = backup.get();
        double backupSeconds = (System.nanoTime() - backupStart) / 1e9;
        double[] after = closedLoop(mixed, counting(REQUESTS));

        StringBuilder s = new StringBuilder("## Backup while the registry serves (数据备份)\n\n");
        s.append("Measured ").append(LocalDateTime.now(clock).withNano(0)).append(" (Asia/Shanghai) by `BackupUnderLoadBenchmark` ")
                .append("(`mvn -B test -Dgroups=benchmark -DexcludedGroups=none -Dtest=BackupUnderLoadBenchmark`) on the registry benchmark's database: ")
                .append(String.format("%,d", people)).append(" people, `./data/pg` ").append(pgBytes >> 20).append(" MB; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with other builds (load average at the end ")
                .append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]).append("); durable commits, WAL archiving on. ")
                .append(CLIENTS).append(" clients alternate the exact identity-number lookup and the filtered town list page of `RegistryBenchmark`.\n\n");
        s.append("| requests | count | p50 (ms) | p99 (ms) | requests/s |\n|---|---|---|---|---|\n");
        row(s, "before the backup", before);
        row(s, "while the backup runs", during);
        row(s, "after the backup", after);
        double slower = during[1] / Math.max(before[1], after[1]);
        s.append(String.format("%np99 during the backup / the worse of before and after: **%.2f×** (goal ≤ 1.5×: %s).%n%n",
                slower, slower <= 1.5 ? "met" : "not met"));
        s.append("| copy of `./data/pg` | time (s) |\n|---|---|\n");
        s.append(String.format("| plain `cp -a`, idle | %.1f |%n", copySeconds));
        s.append(String.format("| backup (`pg_backup_start`, copy with CRC-32C manifest, `pg_backup_stop` waiting for the archive), under load | %.1f |%n", backupSeconds));
        s.append(String.format("%nbackup / plain copy: **%.2f×** (goal ≤ 2×: %s); backup %s, %d files, %d MB.%n",
                backupSeconds / copySeconds, backupSeconds / copySeconds <= 2 ? "met" : "not met",
                taken.name(), taken.files(), taken.bytes() >> 20));
        BenchmarkReport.writeSection("backup-benchmark", s.toString());
        System.out.println(s);
    }

    private static void row(StringBuilder s, String name, double[] r) {
        s.append(String.format("| %s | %.0f | %.1f | %.1f | %.0f |%n", name, r[3], r[0], r[1], r[2]));
    }

    private static BooleanSupplier counting(int n) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(n);
        return () -> left.getAndDecrement() > 0;
    }

    /** {@code CLIENTS} closed-loop clients while {@code more} says so; {p50, p99, requests/s, count}. */
    private double[] closedLoop(RegistryBenchmark.Request request, BooleanSupplier more) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (LoopbackHttp http = new LoopbackHttp(port)) {
                    while (more.getAsBoolean()) {
                        long t = System.nanoTime();
                        LoopbackHttp.Response response = request.send(http, next.getAndIncrement());
                        latencies.add(System.nanoTime() - t);
                        assertThat(response.status()).isEqualTo(200);
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new double[] {all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.size() / seconds, all.size()};
    }
}
