package cn.wushe.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.BenchmarkReport;
import cn.wushe.platform.LoopbackHttp;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;

/**
 * The library benchmark: scoped search (text, field, region, cost per beneficiary) over
 * {@code bench.library} entries (default 100,000) through {@code GET /api/v1/library} from 20
 * {@link LoopbackHttp} clients, against the same SQL from 20 JDBC threads in the same run. Half the
 * requests come from the county's manager, half from a town station (PROJECT_VIEW over its town).
 * Goal: p99 ≤ 100 ms and at most 5× the reference. Tagged "benchmark": not part of the default run.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wushe.data-dir=target/bench-data-library", "spring.datasource.hikari.maximum-pool-size=24",
        "logging.level.root=WARN"})
@ActiveProfiles("test")
@Import(LibraryBenchmark.BenchConfig.class)
class LibraryBenchmark {

    static final int CLIENTS = 20;
    static final int ENTRIES = Integer.getInteger("bench.library", 100_000);
    static final int SEARCHES = Integer.getInteger("bench.searches", 4_000);
    static final String COUNTY = ProjectFixtures.COUNTY;
    static final String TOWN = "610527001";
    static final List<String> FIELDS = List.of("为老服务", "儿童关爱", "残疾人服务", "社区治理", "社会救助", "志愿服务");
    static final List<String> WORDS = List.of("老人", "儿童", "助餐", "探访", "课堂", "康复", "议事", "邻里");

    static final Map<String, TestActor> ACTORS = Map.of(
            "county", ProjectFixtures.actor("bench-county", COUNTY, Permission.ROUND_MANAGE, Permission.PROJECT_VIEW),
            "town", ProjectFixtures.actor("bench-town", TOWN, Permission.PROJECT_VIEW));

    @TestConfiguration(proxyBeanMethods = false)
    static class BenchConfig {

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
    JdbcTemplate template;

    /** One search: who asks and the criteria; the region is the town for the station, sometimes for the county. */
    record Query(String actor, String word, String field, String region, int maxCost) {

        static Query of(int i) {
            boolean town = i % 2 == 1;
            return new Query(town ? "town" : "county", WORDS.get(i % WORDS.size()), FIELDS.get((i / 3) % FIELDS.size()),
                    town || i % 4 == 0 ? TOWN : COUNTY, 200 + (i % 7) * 150);
        }

        String path() {
            return "/api/v1/library?limit=20&q=" + enc(word) + "&field=" + enc(field) + "&region=" + region + "&maxCost=" + maxCost;
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** The statement the service runs for these criteria, with the scope inlined as the actor's region. */
    static final String REFERENCE = """
            select a.id, a.owner_name, a.region_code, a.title, a.field, a.target_group, coalesce(a.awarded, a.requested) as amount,
                a.beneficiaries, a.evaluation, a.library_since, a.library_checked_on
            from projects.applications a
            where a.in_library and a.county_code = ? and a.region_code like ?
              and (a.title || ' ' || a.owner_name || ' ' || coalesce(a.target_group, '')) like ? and a.field = ?
              and a.region_code like ? and a.beneficiaries > 0 and coalesce(a.awarded, a.requested) <= ? * a.beneficiaries
            order by a.mean_score desc nulls last, a.id limit 20
            """;

    void fill() {
        long have = jdbc.sql("select count(*) from projects.applications where in_library and need_refs = 'bench'")
                .query(Long.class).single();
        if (have >= ENTRIES) {
            return;
        }
        UUID round = UUID.randomUUID();
        jdbc.sql("""
                insert into projects.rounds (county_code, id, region_code, kind, title, funder, budget_total, budget_remaining,
                    opens_at, closes_at, scoring_deadline, correction_days, experts_per_application, blind, min_grade,
                    eligible_kinds, criteria, standards, instalments, project_months, status, version, created_at)
                values (:c, :id, :c, 'VENTURE', '项目库基准轮次', '民政局', 1000000000, 1000000000, now() - interval '400 days',
                    now() - interval '390 days', now() - interval '380 days', 5, 5, true, 0, '{}', '[]', '[]', '{100}', 12,
                    'CLOSED', 0, now())
                """).param("c", COUNTY).param("id", round).update();
        for (long from = have; from < ENTRIES; from += 10_000) {
            jdbc.sql("""
                    insert into projects.applications (county_code, id, round_id, owner_unit_id, owner_name, region_code, title,
                        field, need_refs, target_group, beneficiaries, requested, awarded, status, mean_score, evaluation,
                        in_library, library_since, library_checked_on, version, created_at, updated_at)
                    select :c, gen_random_uuid(), :round, gen_random_uuid(), '社工服务中心' || (g % 997),
                        '610527' || lpad((1 + g % 12)::text, 3, '0') || case when g % 3 = 0 then '' else lpad((1 + g % 9)::text, 3, '0') end,
                        (array['老人','儿童','助餐','探访','课堂','康复','议事','邻里','家庭','青年'])[1 + g % 10]
                            || (array['关爱','守护','互助','陪伴','成长'])[1 + (g / 10) % 5] || '项目' || g,
                        (array['为老服务','儿童关爱','残疾人服务','社区治理','社会救助','志愿服务'])[1 + (g / 7) % 6], 'bench',
                        (array['独居老人','留守儿童','残疾人','低保家庭'])[1 + g % 4], 20 + g % 380, 20000 + (g % 80) * 1000,
                        20000 + (g % 80) * 1000, 'ACCEPTED', 60 + (g % 400) / 10.0, case when g % 2 = 0 then 'EXCELLENT' else 'GOOD' end,
                        true, current_date - (g % 900)::int, current_date - (g % 500)::int, 0, now(), now()
                    from generate_series(:from + 1, least(:from + 10000, :target)) g
                    """).param("c", COUNTY).param("round", round).param("from", from).param("target", (long) ENTRIES).update();
        }
        template.execute("analyze projects.applications");
    }

    interface Call {
        int run(int i) throws Exception;
    }

    /** @return {p50 ms, p99 ms, per second, errors} */
    double[] measure(int count, java.util.function.Function<Integer, Call> perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                int n = count / CLIENTS;
                long[] latencies = new long[n + 1];
                Call call = perClient.apply(offset);
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    int status = call.run(offset * n + i);
                    latencies[i] = System.nanoTime() - t;
                    if (status != 200) {
                        latencies[n]++;
                    }
                }
                return latencies;
            }));
        }
        return BenchmarkReport.summary(futures, start, pool);
    }

    double[] http(int count) throws Exception {
        List<LoopbackHttp> open = Collections.synchronizedList(new ArrayList<>());
        try {
            return measure(count, client -> {
                LoopbackHttp http = new LoopbackHttp(port);
                open.add(http);
                return i -> {
                    Query q = Query.of(i);
                    return http.get(q.path(), "X-Bench-Actor", q.actor()).status();
                };
            });
        } finally {
            for (LoopbackHttp h : open) {
                h.close();
            }
        }
    }

    double[] reference(int count) throws Exception {
        return measure(count, client -> i -> {
            Query q = Query.of(i);
            String scope = COUNTY + "%"; // the library is county-wide for every reader of the county
            template.query(REFERENCE, rs -> { }, COUNTY, scope, "%" + q.word() + "%", q.field(), q.region() + "%",
                    new java.math.BigDecimal(q.maxCost()));
            return 200;
        });
    }

    @Test
    void scopedLibrarySearchUnderTwentyClients() throws Exception {
        long t = System.nanoTime();
        fill();
        double fillSeconds = (System.nanoTime() - t) / 1e9;
        long entries = jdbc.sql("select count(*) from projects.applications where in_library").query(Long.class).single();
        LoopbackHttp probe = new LoopbackHttp(port);
        LoopbackHttp.Response first = probe.get(Query.of(0).path(), "X-Bench-Actor", "county");
        probe.close();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("title");
        http(400);
        reference(400);
        double[] ours = http(SEARCHES);
        double[] ref = reference(SEARCHES);
        assertThat(ours[3]).as("errors").isZero();
        StringBuilder s = new StringBuilder("## Projects: scoped library search\n\n");
        s.append("Measured ").append(LocalDateTime.now().withNano(0)).append(" by `LibraryBenchmark` (`mvn -B test -Dgroups=benchmark ")
                .append("-DexcludedGroups=none -Dtest=LibraryBenchmark`), ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared with other builds (load average at the end ")
                .append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]).append("), JDK ")
                .append(System.getProperty("java.version")).append(", embedded PostgreSQL 17; ")
                .append(String.format("%,d library entries (generated in %.0f s), %,d searches per side, %d clients. ", entries,
                        fillSeconds, SEARCHES, CLIENTS))
                .append("Each search: a word of the title, organization or target group, a field, a region prefix and a "
                        + "cost-per-beneficiary ceiling; half from the county manager, half from a town station.\n\n");
        s.append("| request | p50 (ms) | p99 (ms) | per second | errors |\n|---|---|---|---|---|\n");
        s.append(String.format("| GET /api/v1/library (20 LoopbackHttp clients) | %.1f | %.1f | %.0f | %.0f |%n", ours[0], ours[1], ours[2], ours[3]));
        s.append(String.format("| reference: the same SQL, 20 JDBC threads | %.1f | %.1f | %.0f | %.0f |%n", ref[0], ref[1], ref[2], ref[3]));
        s.append(String.format("%nRatio p99 ours ÷ reference: %.2f; goal p99 ≤ 100 ms and ≤ 5×: %s.%n%n", ours[1] / ref[1],
                ours[1] <= 100 && ours[1] / ref[1] <= 5 ? "met" : "not met"));
        System.out.println(s);
        BenchmarkReport.writeSection("library-search", s.toString());
    }
}
