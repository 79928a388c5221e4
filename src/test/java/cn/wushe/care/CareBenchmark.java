package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.care.internal.CarePeople;
import cn.wushe.monitoring.internal.FeedComparison;
import cn.wushe.monitoring.internal.FeedKind;
import cn.wushe.monitoring.internal.FeedRun;
import cn.wushe.platform.BenchmarkReport;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.LoopbackHttp;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.demo.BulkLoad;
import cn.wushe.registry.demo.GeneratedPeople;
import cn.wushe.registry.demo.GeneratedPeople.Household;
import cn.wushe.registry.demo.GeneratedPeople.Member;
import cn.wushe.registry.demo.GeneratedPeople.Place;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
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
 * The care benchmarks, scalable: (1) a hospital file of {@code bench.file-rows} rows against
 * {@code bench.people} people through {@link FeedComparison} (check, directory match in calls of
 * 10,000, rules, alerts, summary), against the same run's reference — the file blind-indexed on the
 * way into a temporary table by COPY and one SQL join of it with the people and their tiers; (2) the
 * due list and the dashboard over {@code bench.visits} visits under 20 {@link LoopbackHttp} clients,
 * against the registry's community list page in the same run. Tagged "benchmark".
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wushe.data-dir=target/bench-data-care",
        "wushe.db.durable=true",
        "spring.flyway.out-of-order=true",
        "spring.datasource.hikari.maximum-pool-size=${bench.pool:24}",
        "logging.level.root=WARN"})
@ActiveProfiles("test")
@Import(CareBenchmark.BenchSecurity.class)
class CareBenchmark {

    static final int PEOPLE = Integer.getInteger("bench.people", 100_000);
    static final int FILE_ROWS = Integer.getInteger("bench.file-rows", 1_000_000);
    static final int VISITS = Integer.getInteger("bench.visits", 10_000_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 4_000);
    static final int CLIENTS = 20;
    static final String COUNTY = "610527";
    static final String TOWN = "610527001";
    static final String COMMUNITY = "610527001001";

    static TestActor actor(String name, String role, String scope, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new LinkedHashMap<>();
        for (Permission p : permissions) {
            grants.put(p, List.of(new RegionScope(scope)));
        }
        return new TestActor(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, name, Set.of(role), grants);
    }

    static final Map<String, TestActor> ACTORS = Map.of(
            "community", actor("bench-care-community", "COMMUNITY_WORKER", COMMUNITY, Permission.CARE_VIEW, Permission.CARE_VISIT,
                    Permission.PERSON_VIEW, Permission.PERSON_SEARCH),
            "town", actor("bench-care-town", "TOWN_STATION", TOWN, Permission.CARE_VIEW),
            "admin", actor("bench-care-admin", "COUNTY_ADMIN", COUNTY, Permission.MONITORING_RUN, Permission.CARE_VIEW));

    @TestConfiguration(proxyBeanMethods = false)
    static class BenchSecurity {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain benchChain(HttpSecurity http) throws Exception {
            return cn.wushe.platform.BenchActorChain.build(http, "X-Bench-Actor", ACTORS::get);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulkLoad bulk;
    @Autowired
    CarePeople carePeople;
    @Autowired
    FeedComparison comparison;
    @Autowired
    BlindIndex blindIndex;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.core.env.Environment env;

    @Test
    void feedAgainstPeopleAndDueListUnderTwentyClients() throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        List<String> numbers = load();
        long people = jdbc.sql("select count(*) from care.subjects").query(Long.class).single();
        long visits = jdbc.sql("select count(*) from care.visits").query(Long.class).single();
        jdbc.sql("analyze").update();

        // (1) the file: matched people with stays of 1–20 days, every 50th row an invalid number
        // the header names the run, so a rerun on the same data is a new file (a file runs once), and the
        // file holds exactly FILE_ROWS rows: the limit itself must be accepted
        StringBuilder csv = new StringBuilder("身份证号,住院天数（" + UUID.randomUUID() + "）\n");
        for (int i = 0; i < FILE_ROWS; i++) {
            String number = numbers.get(i % numbers.size());
            if (i % 50 == 49) {
                number = number.substring(0, 17) + (number.charAt(17) == '1' ? '2' : '1');
            }
            csv.append(number).append(',').append(1 + i % 20).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        TestActor admin = ACTORS.get("admin");
        FeedRun run = CareIntegrationTestBase.as(admin, () -> comparison.run(admin, COUNTY, FeedKind.HOSPITAL_STAY,
                "bench-" + UUID.randomUUID() + ".csv", file));
        double feedSeconds = (System.nanoTime() - start) / 1e9;
        long refStart = System.nanoTime();
        long referenceHits = reference(file);
        double referenceSeconds = (System.nanoTime() - refStart) / 1e9;

        // (2) lists under 20 clients
        Map<String, double[]> results = new LinkedHashMap<>();
        Request due = (http, i) -> http.get("/api/v1/care/due?which=" + (i % 2 == 0 ? "OVERDUE" : "WEEK") + "&page=" + (i % 3)
                + "&size=20", "X-Bench-Actor", "community");
        Request dashboard = (http, i) -> http.get("/api/v1/care/dashboard", "X-Bench-Actor", "town");
        Request communityList = (http, i) -> http.get("/api/v1/people?region=" + COMMUNITY + "&category="
                + (i % 2 == 0 ? "DISABLED" : "ELDERLY_ALONE") + "&size=20", "X-Bench-Actor", "community");
        // the first request of a view counts its figures; later ones within a minute are served the same figures
        double countedMs;
        try (LoopbackHttp http = new LoopbackHttp(port)) {
            long t = System.nanoTime();
            assertThat(dashboard.send(http, 0).status()).isEqualTo(200);
            countedMs = (System.nanoTime() - t) / 1e6;
        }
        for (Request warmUp : List.of(due, dashboard, communityList)) {
            closedLoop(warmUp, 400);
        }
        results.put("Registry community list page (reference), community worker", closedLoop(communityList, REQUESTS));
        results.put("Due list (GET /api/v1/care/due, overdue or this week, pages 1–3 of 20), community worker", closedLoop(due, REQUESTS));
        results.put("Dashboard (GET /api/v1/care/dashboard), town station", closedLoop(dashboard, REQUESTS / 4));

        StringBuilder section = new StringBuilder("## Care: data comparison and due list\n\n");
        section.append("Measured ").append(LocalDateTime.now(clock).withNano(0)).append(" by `CareBenchmark` (`mvn -B test -Dgroups=benchmark -DexcludedGroups=none -Dtest=CareBenchmark")
                .append(" -Dbench.people=").append(PEOPLE).append(" -Dbench.file-rows=").append(FILE_ROWS).append(" -Dbench.visits=").append(VISITS)
                .append("`), ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ").append(System.getProperty("java.version"))
                .append(", embedded PostgreSQL 17 on the same machine, commits durable; load average before ").append(loadBefore)
                .append(" (the machine was shared with other builds). **Scale:** ").append(String.format("%,d", people)).append(" people under care, ")
                .append(String.format("%,d", FILE_ROWS)).append(" file rows, ").append(String.format("%,d", visits))
                .append(" visits").append(PEOPLE < 100_000 || FILE_ROWS < 1_000_000 || VISITS < 10_000_000
                        ? " — scaled down from the issue's 100,000 people, 1,000,000 rows and 10,000,000 visits to fit the session; the figures are not the issue's goal measured at full size.\n\n"
                        : ".\n\n");
        section.append(String.format("| data comparison | seconds | rows/s |%n|---|---|---|%n"));
        section.append(String.format("| `FeedComparison.run` (check, match, rules, %d alerts, %d rejected, summary) | %.1f | %.0f |%n",
                run.alerts(), run.rejected(), feedSeconds, FILE_ROWS / feedSeconds));
        section.append(String.format("| reference: COPY of the file blind-indexed on the way + one SQL join (%d hits) | %.1f | %.0f |%n",
                referenceHits, referenceSeconds, FILE_ROWS / referenceSeconds));
        section.append(String.format("%nRatio %.1f× (goal ≤ 3×).%n%n", feedSeconds / referenceSeconds));
        section.append("| request (20 clients) | p50 (ms) | p99 (ms) | requests/s |\n|---|---|---|---|\n");
        results.forEach((name, r) -> section.append(String.format("| %s | %.1f | %.1f | %.0f |%n", name, r[0], r[1], r[2])));
        double reference = results.values().iterator().next()[1];
        section.append(String.format("%nDue list p99 %.1f× and dashboard p99 %.1f× the community list page's (goal ≤ 2×).%n",
                results.get("Due list (GET /api/v1/care/due, overdue or this week, pages 1–3 of 20), community worker")[1] / reference,
                results.get("Dashboard (GET /api/v1/care/dashboard), town station")[1] / reference));
        section.append(String.format("The dashboard counts a view's figures at most once a minute (`RecentCounts.FRESH_FOR`); the first "
                + "request of the town's view, which counted them over %,d visits, took %.0f ms.%n", visits, countedMs));
        System.out.println(section);
        BenchmarkReport.writeSection("care-benchmark", section.toString());
        results.values().forEach(r -> assertThat(r[3]).as("errors").isZero());
    }

    /** The same work as plainly as PostgreSQL does it: COPY with the blind index computed on the way, one join (a person once). */
    private long reference(byte[] file) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password", ""))) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("create temporary table feed_ref (bidx text, days int) on commit drop");
            }
            StringBuilder lines = new StringBuilder();
            LocalDate today = LocalDate.now(clock);
            for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
                int comma = line.indexOf(',');
                String number = line.substring(0, comma);
                if (!Character.isDigit(number.charAt(0))
                        || IdentityNumber.problem(cn.wushe.platform.personal.IdDocumentType.RESIDENT_ID, number, today) != null) {
                    continue;
                }
                lines.append(blindIndex.of(IdentityNumber.BLIND_INDEX_PURPOSE, IdentityNumber.normalise(number))).append('\t')
                        .append(line.substring(comma + 1)).append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy feed_ref from stdin", new StringReader(lines.toString()));
            long hits;
            try (var st = c.createStatement(); var rs = st.executeQuery("""
                    select count(distinct p.id) from feed_ref f join registry.people p on p.county_code = '610527' and p.id_number_bidx = f.bidx
                    join care.subjects s on s.person_id = p.id where f.days > 7 and s.tier in ('RED', 'YELLOW')""")) {
                rs.next();
                hits = rs.getLong(1);
            }
            c.commit();
            return hits;
        }
    }

    /** Loads the people, their care subjects, tiers and visits once per data directory; returns identity numbers. */
    private List<String> load() throws Exception {
        GeneratedPeople generator = new GeneratedPeople(1_000_003, LocalDate.now(clock));
        List<String> numbers = new ArrayList<>();
        long present = jdbc.sql("select count(*) from care.subjects").query(Long.class).single();
        List<Place> places = List.of(new Place(COMMUNITY, false, List.of(COMMUNITY + "001", COMMUNITY + "002")),
                new Place("610527001002", false, List.of("610527001002001")), new Place("610527102001", true, List.of()));
        int written = 0;
        while (written < PEOPLE) {
            List<Household> chunk = generator.households(places, Math.min(10_000, PEOPLE - written));
            if (present == 0) {
                written += tx.execute(s -> bulk.write(chunk, GeneratedPeople.CREATED_BY, clock.instant(), true));
                List<PersonId> ids = chunk.stream().flatMap(h -> h.members().stream()).map(m -> new PersonId(m.id())).toList();
                carePeople.refresh(COUNTY, ids);
            } else {
                written += chunk.stream().mapToInt(h -> h.members().size()).sum();
            }
            chunk.stream().flatMap(h -> h.members().stream()).map(Member::idNumber).forEach(numbers::add);
        }
        if (present == 0) {
            jdbc.sql("""
                    update care.subjects set tier = (array['RED', 'YELLOW', 'BLUE', 'GREEN'])[1 + abs(hashtext(person_id::text)) % 4],
                        tier_since = now() - interval '90 days',
                        next_due_at = now() + ((abs(hashtext(person_id::text || 'd')) % 60) - 20) * interval '1 day'""").update();
            int perPerson = Math.max(1, VISITS / Math.max(1, PEOPLE));
            jdbc.sql("""
                    insert into care.visits (county_code, id, person_id, region_code, visited_at, received_at, recorded_by, visitors,
                        health, finances, support, home, needs, nothing_found)
                    select s.county_code, gen_random_uuid(), s.person_id, s.region_code, now() - g * interval '7 days',
                        now() - g * interval '7 days', s.person_id, array[]::uuid[], 'OK', 'OK', 'OK', 'OK', 'OK', true
                    from care.subjects s cross join generate_series(1, :n) g""").param("n", perPerson).update();
        }
        Collections.shuffle(numbers, new java.util.Random(7));
        return numbers;
    }

    interface Request {
        LoopbackHttp.Response send(LoopbackHttp http, int i);
    }

    /** {p50 ms, p99 ms, requests/s, errors}: 20 clients, each sends its next request when its answer came. */
    private double[] closedLoop(Request request, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            final int client = c;
            futures.add(pool.submit(() -> {
                int n = count / CLIENTS;
                long[] out = new long[n + 1];
                try (LoopbackHttp http = new LoopbackHttp(port)) {
                    for (int i = 0; i < n; i++) {
                        long t = System.nanoTime();
                        if (request.send(http, client * n + i).status() != 200) {
                            out[n]++;
                        }
                        out[i] = System.nanoTime() - t;
                    }
                }
                return out;
            }));
        }
        return BenchmarkReport.summary(futures, start, pool);
    }
}
