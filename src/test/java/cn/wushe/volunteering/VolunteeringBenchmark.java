package cn.wushe.volunteering;

import cn.wushe.platform.BenchmarkReport;
import cn.wushe.platform.LoopbackHttp;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.db.CopyIn;
import cn.wushe.units.internal.UnitManagement;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.CheckIns;
import cn.wushe.volunteering.internal.HoursLedger;
import cn.wushe.volunteering.internal.Volunteers;
import cn.wushe.volunteering.internal.VolunteeringFixtures;
import jakarta.servlet.FilterChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmarks. (1) Check-in storm: 5,000 volunteers (distinct actors) check into one
 * activity within 60 s, half in the first 10 s, 10 % scanning twice, from 50 {@link LoopbackHttp}
 * clients; each is recorded once; against plain JDBC inserts of the same rows, one transaction each,
 * same threads. (2) Recomputing every star level of a county from the ledger vs one plain SQL
 * aggregation, same run. Tagged "benchmark"; {@code -Dbench.volunteers}, {@code -Dbench.ledger-rows}
 * change the volume of (2).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wushe.data-dir=target/bench-data-volunteering",
        "wushe.db.durable=true",
        "spring.flyway.out-of-order=true",
        "spring.datasource.hikari.maximum-pool-size=${bench.pool:24}",
        "logging.level.root=WARN"})
@ActiveProfiles("test")
@Import(VolunteeringBenchmark.BenchSecurity.class)
class VolunteeringBenchmark {

    static final int STORM = Integer.getInteger("bench.storm", 5_000);
    static final int CLIENTS = 50;
    static final int VOLUNTEERS = Integer.getInteger("bench.volunteers", 100_000);
    static final int LEDGER_ROWS = Integer.getInteger("bench.ledger-rows", 5_000_000);
    static final String HEADER = "X-Bench-Volunteer";

    static TestActor actor(String n) {
        return VolunteeringFixtures.volunteerActor("bench_vol_" + n, "610527");
    }

    /** Loopback requests carrying X-Bench-Volunteer act as that volunteer; nothing else matches this chain. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BenchSecurity {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain benchChain(HttpSecurity http) throws Exception {
            return cn.wushe.platform.BenchActorChain.build(http, HEADER, VolunteeringBenchmark::actor);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Activities activities;
    @Autowired
    CheckIns checkIns;
    @Autowired
    HoursLedger ledger;
    @Autowired
    UnitManagement units;
    @Autowired
    CopyIn copy;
    @Autowired
    TransactionTemplate tx;

    @Test
    void checkInStormAndStarRecompute() throws Exception {
        StringBuilder section = new StringBuilder();
        section.append("## Volunteering: check-in storm and star recompute\n\n");
        section.append("Measured ").append(LocalDateTime.now().withNano(0)).append(" (UTC) by `VolunteeringBenchmark` (`mvn -B test -Dgroups=benchmark -DexcludedGroups=none -Dtest=VolunteeringBenchmark`), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ").append(System.getProperty("java.version"))
                .append(", embedded PostgreSQL 17 on the same machine, commits durable; load average before: ")
                .append(load()).append(" (the machine is shared with other builds).\n\n");
        boolean stormHeld = storm(section);
        BenchmarkReport.writeSection("volunteering-benchmark", section.toString());
        if (Boolean.getBoolean("bench.skip-recompute")) {
            section.append(PREVIOUS_RECOMPUTE);
        } else {
            recompute(section);
        }
        BenchmarkReport.writeSection("volunteering-benchmark", section.toString());
        System.out.println(section);
        if (!stormHeld) {
            throw new AssertionError("the storm did not record every volunteer exactly once without error (see the section)");
        }
    }

    /** Written instead of a rerun with {@code -Dbench.skip-recompute=true} (the storm alone, when the machine is busy). */
    static final String PREVIOUS_RECOMPUTE = """
            ### Recomputing totals and star levels

            Not rerun with the storm (`-Dbench.skip-recompute=true`); last measured 2026-12-06 09:59 at load 23: \
            `HoursLedger.recomputeStars` over 20,000 volunteers and 1,000,000 ledger rows 7.10 s against 2.12 s for the \
            plain `group by` over JDBC (3.3×, goal ≤ 3× not met).

            """;

    /**
     * Scans of another activity by the same volunteers before the storm, not measured: a running
     * server has served scans before, while the first seconds of a fresh JVM run the check-in path
     * interpreted (a cold run had p50 8 ms but p99 538 ms, the slowest scans all in its first burst).
     *
     * @return the scans made
     */
    private int warmUp(VolunteeringFixtures f, UUID unit, Instant now) throws Exception {
        int scans = Math.min(STORM, 1_500);
        UUID warm = f.activity("bench-warm-up", VolunteeringFixtures.DAOBEI, unit, now.minus(5, ChronoUnit.MINUTES),
                now.plus(3, ChronoUnit.HOURS), scans + 10);
        String path = "/api/v1/activities/" + warm + "/check-in";
        String body = "{\"signature\":\"" + checkIns.signature(warm) + "\",\"lat\":" + VolunteeringFixtures.LAT
                + ",\"lng\":" + VolunteeringFixtures.LNG + ",\"accuracy\":20}";
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                try (LoopbackHttp http = new LoopbackHttp(port)) {
                    for (int i = next.getAndIncrement(); i < scans; i = next.getAndIncrement()) {
                        http.postJson(path, body, HEADER, String.valueOf(i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return scans;
    }

    /** Whether every volunteer was recorded exactly once and no scan failed. */
    private boolean storm(StringBuilder section) throws Exception {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID unit = f.committee(VolunteeringFixtures.DAOBEI).value();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID activity = f.activity("bench-storm", VolunteeringFixtures.DAOBEI, unit, now.minus(5, ChronoUnit.MINUTES),
                now.plus(3, ChronoUnit.HOURS), STORM + 10);
        UUID reference = f.activity("bench-reference", VolunteeringFixtures.DAOBEI, unit, now.minus(5, ChronoUnit.MINUTES),
                now.plus(3, ChronoUnit.HOURS), STORM + 10);
        long loadStart = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            ids.add(f.volunteer("bench-" + i, VolunteeringFixtures.DAOBEI, actor(String.valueOf(i)).id(), "压测志愿者", 10_000 + i));
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        String signature = checkIns.signature(activity);
        int warmUp = warmUp(f, unit, now);

        // the schedule: half in the first 10 s, the rest over the next 50 s; 10 % scan a second time 2–20 s later
        Random random = new Random(5000);
        List<long[]> schedule = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            long at = i < STORM / 2 ? random.nextInt(10_000) : 10_000 + random.nextInt(50_000);
            schedule.add(new long[] {at, i});
            if (random.nextInt(10) == 0) {
                schedule.add(new long[] {Math.min(59_999, at + 2_000 + random.nextInt(18_000)), i});
            }
        }
        schedule.sort((a, b) -> Long.compare(a[0], b[0]));
        ConcurrentLinkedQueue<long[]> queue = new ConcurrentLinkedQueue<>(schedule);
        String path = "/api/v1/activities/" + activity + "/check-in";
        String body = "{\"signature\":\"" + signature + "\",\"lat\":" + VolunteeringFixtures.LAT + ",\"lng\":"
                + VolunteeringFixtures.LNG + ",\"accuracy\":20}";
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                List<long[]> done = new ArrayList<>();
                try (LoopbackHttp http = new LoopbackHttp(port)) {
                    long[] next;
                    while ((next = queue.poll()) != null) {
                        long wait = next[0] - (System.nanoTime() - start) / 1_000_000;
                        if (wait > 0) {
                            Thread.sleep(wait);
                        }
                        long t = System.nanoTime();
                        LoopbackHttp.Response response = http.postJson(path, body, HEADER, String.valueOf(next[1]));
                        done.add(new long[] {System.nanoTime() - t, response.status()});
                    }
                }
                return done;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        for (Future<List<long[]>> future : futures) {
            for (long[] r : future.get()) {
                latencies.add(r[0]);
                if (r[1] != 200) {
                    errors++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int rows = jdbc.sql("select count(*) from volunteering.attendances where activity_id = :a").param("a", activity)
                .query(Integer.class).single();

        // the same rows by plain JDBC, one transaction each, from as many threads
        ConcurrentLinkedQueue<UUID> plain = new ConcurrentLinkedQueue<>(ids);
        List<Future<List<Long>>> plainFutures = new ArrayList<>();
        long plainStart = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            plainFutures.add(pool.submit(() -> {
                List<Long> done = new ArrayList<>();
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement insert = connection.prepareStatement("""
                                insert into volunteering.attendances (county_code, activity_id, volunteer_id, checked_in_at,
                                    check_in_distance_m, check_in_accuracy_m, recorded_by) values ('610527', ?, ?, ?, 12, 20, ?)""")) {
                    connection.setAutoCommit(true);
                    UUID v;
                    while ((v = plain.poll()) != null) {
                        long t = System.nanoTime();
                        insert.setObject(1, reference);
                        insert.setObject(2, v);
                        insert.setTimestamp(3, Timestamp.from(Instant.now()));
                        insert.setObject(4, v);
                        insert.executeUpdate();
                        done.add(System.nanoTime() - t);
                    }
                }
                return done;
            }));
        }
        List<Long> plainLatencies = new ArrayList<>();
        for (Future<List<Long>> future : plainFutures) {
            plainLatencies.addAll(future.get());
        }
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
        pool.shutdown();
        Collections.sort(latencies);
        Collections.sort(plainLatencies);
        section.append("### Check-in storm\n\n").append(String.format("%,d", STORM)).append(" volunteers (loaded in ")
                .append(String.format("%.0f", loadSeconds)).append(" s), ").append(String.format("%,d", latencies.size()))
                .append(" scans (10 % twice) by ").append(CLIENTS).append(" `LoopbackHttp` clients over 60 s, half in the first 10 s, after ")
                .append(String.format("%,d", warmUp)).append(" unmeasured scans of another activity (a running server is warm); ")
                .append("each volunteer acts as themself (header-actor chain), every scan verifies the signature, the window and the geofence, ")
                .append("claims a slot row (`FOR UPDATE SKIP LOCKED`) and writes its audit entry. Rows recorded: ").append(rows).append(" (one per volunteer), errors: ")
                .append(errors).append(".\n\n")
                .append("| run | p50 (ms) | p99 (ms) | rate (/s) | goal p99 ≤ 200 ms |\n|---|---|---|---|---|\n")
                .append(String.format("| POST check-in through the API | %.1f | %.1f | %.0f (scheduled) | %s |%n", ms(latencies, 0.5),
                        ms(latencies, 0.99), latencies.size() / seconds, ms(latencies, 0.99) <= 200 ? "met" : "not met"))
                .append(String.format("| plain JDBC insert of the same rows, one transaction each, %d threads, as fast as possible | %.1f | %.1f | %.0f | — |%n%n",
                        CLIENTS, ms(plainLatencies, 0.5), ms(plainLatencies, 0.99), plainLatencies.size() / plainSeconds))
                .append(BEFORE);
        return rows == STORM && errors == 0;
    }

    /** The profile of the first version, kept beside every rerun so the change stays explained. */
    static final String BEFORE = """
            Before (2026-12-06 09:59, load 23): p50 758 ms, p99 3,977 ms. Every first scan enrolled the volunteer under \
            `select … from activities … for update` and counted the enrolled rows, holding that row lock until the durable \
            commit (WAL flush) of a transaction that also wrote the enrolment, the attendance and the audit entry: the 5,000 \
            enrolments queued one after another on one row, so the rate could not pass one commit at a time and the 2,500 \
            scans of the first 10 s waited seconds in the queue. Now the \
            slots are rows (`activity_slots`, migration V15_10): a scan claims the first free one with `FOR UPDATE SKIP LOCKED`, \
            so concurrent scans take different rows and their commits share WAL flushes; the enrolment row is inserted first, \
            so two scans of one volunteer still wait for each other (one attendance row).

            """;

    private void recompute(StringBuilder section) throws Exception {
        String county = "610599"; // a county of its own, so the demo's and the storm's rows do not count
        long present = jdbc.sql("select count(*) from volunteering.hours_ledger where county_code = :c").param("c", county)
                .query(Long.class).single();
        double loadSeconds = -1;
        if (present < LEDGER_ROWS) {
            long t = System.nanoTime();
            boolean volunteersThere = jdbc.sql("select exists (select 1 from volunteering.volunteers where county_code = :c)")
                    .param("c", county).query(Boolean.class).single();
            tx.executeWithoutResult(s -> {
                if (volunteersThere) {
                    return;
                }
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < VOLUNTEERS; i++) {
                    UUID id = new UUID(0xbe0c_0000L, i);
                    CopyIn.row(lines, county, id, county + "001001", "压测", "x", "bidx" + i, "RESIDENT_ID", 1980, "DEMO",
                            Instant.now());
                }
                copy.copy("volunteering.volunteers (county_code, id, community_code, real_name, id_number_enc, id_number_bidx, "
                        + "id_type, birth_year, source, created_at)", lines);
            });
            Random random = new Random(7);
            UUID activity = UUID.randomUUID();
            int written = (int) present;
            while (written < LEDGER_ROWS) {
                int chunk = Math.min(200_000, LEDGER_ROWS - written);
                StringBuilder lines = new StringBuilder();
                Instant base = Instant.parse("2026-01-01T00:00:00Z");
                for (int i = 0; i < chunk; i++) {
                    Instant from = base.plusSeconds(random.nextInt(30_000_000));
                    CopyIn.row(lines, county, UUID.randomUUID(), new UUID(0xbe0c_0000L, random.nextInt(VOLUNTEERS)), activity,
                            county + "001001", activity, from, from.plusSeconds(7200), 60 + random.nextInt(120), "CONFIRMED",
                            activity, from);
                }
                tx.executeWithoutResult(s -> copy.copy("volunteering.hours_ledger (county_code, id, volunteer_id, activity_id, "
                        + "region_code, organizer_unit_id, period_start, period_end, minutes, kind, recorded_by, recorded_at)", lines));
                written += chunk;
            }
            // as autovacuum does to an append-only table some time after a load: statistics and the visibility map
            jdbc.sql("vacuum analyze volunteering.hours_ledger").update();
            loadSeconds = (System.nanoTime() - t) / 1e9;
        }
        jdbc.sql("update volunteering.volunteers set star_level = 0 where county_code = :c").param("c", county).update();
        long t = System.nanoTime();
        int changed = ledger.recomputeStars(county);
        double recomputeSeconds = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        int groups;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sum = connection.prepareStatement(
                        "select volunteer_id, sum(minutes) from volunteering.hours_ledger where county_code = ? group by volunteer_id")) {
            sum.setString(1, county);
            groups = 0;
            try (var rs = sum.executeQuery()) {
                while (rs.next()) {
                    groups++;
                }
            }
        }
        double plainSeconds = (System.nanoTime() - t) / 1e9;
        section.append("### Recomputing totals and star levels\n\n").append(String.format("%,d volunteers, %,d ledger rows", VOLUNTEERS, LEDGER_ROWS))
                .append(loadSeconds < 0 ? " (loaded by an earlier run)" : String.format(" (loaded by COPY in %.0f s)", loadSeconds))
                .append(String.format("; %,d star levels changed.%n%n", changed))
                .append("| run | seconds | ratio | goal ≤ 3× |\n|---|---|---|---|\n")
                .append(String.format("| `HoursLedger.recomputeStars` (sum per volunteer, level, update of the changed, their `star_changes` rows, one statement) | %.2f | %.1f× | %s |%n",
                        recomputeSeconds, recomputeSeconds / plainSeconds, recomputeSeconds / plainSeconds <= 3 ? "met" : "not met"))
                .append(String.format("| plain `select volunteer_id, sum(minutes) … group by` over JDBC, all %,d groups read | %.2f | 1.0× | — |%n%n", groups, plainSeconds))
                .append("Load average after: ").append(load()).append(".\n\n");
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
