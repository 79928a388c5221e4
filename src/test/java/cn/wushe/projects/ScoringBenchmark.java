package cn.wushe.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.projects.internal.ScoreAggregation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scoring benchmark: 500 applications × 7 experts × 10 criteria (35,000 score rows).
 * The application's way — one JDBC read of the rows, totals per expert, {@link ScoreAggregation}
 * (trimmed mean, outliers) and the ranking in Java — against one SQL query with window functions
 * computing the same trimmed means over the same rows, in the same run. Medians of 15 runs after 5
 * warm-ups; the means must agree. Tagged "benchmark": not part of the default run.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"wushe.data-dir=target/bench-data", "spring.flyway.out-of-order=true",
        "logging.level.root=WARN"})
@ActiveProfiles("test")
class ScoringBenchmark {

    static final int APPLICATIONS = 500;
    static final int EXPERTS = 7;
    static final int CRITERIA = 10;

    @Autowired
    JdbcClient jdbc;

    static final String SQL = """
            with totals as (
                select s.application_id, s.expert_id, sum(s.points) as total
                from projects.scores s join projects.applications a on a.id = s.application_id
                where a.round_id = :round group by s.application_id, s.expert_id),
            ordered as (
                select application_id, total, row_number() over (partition by application_id order by total) as rn,
                    count(*) over (partition by application_id) as n
                from totals)
            select application_id, round(avg(total) filter (where n < 5 or (rn > 1 and rn < n)), 2) as mean
            from ordered group by application_id order by mean desc, application_id
            """;

    @Test
    void javaAggregationAgainstOneWindowQuery() {
        UUID round = load();
        Map<UUID, BigDecimal> javaMeans = new HashMap<>();
        Map<UUID, BigDecimal> sqlMeans = new HashMap<>();
        long[] java = new long[15];
        long[] sql = new long[15];
        for (int run = -5; run < 15; run++) {
            long t0 = System.nanoTime();
            javaMeans = viaJava(round);
            long t1 = System.nanoTime();
            sqlMeans = viaSql(round);
            long t2 = System.nanoTime();
            if (run >= 0) {
                java[run] = t1 - t0;
                sql[run] = t2 - t1;
            }
        }
        assertThat(javaMeans).hasSize(APPLICATIONS);
        Map<UUID, BigDecimal> expected = sqlMeans;
        javaMeans.forEach((id, mean) -> assertThat(mean).isEqualByComparingTo(expected.get(id)));
        double javaMs = median(java) / 1e6;
        double sqlMs = median(sql) / 1e6;
        System.out.printf("SCORING-BENCHMARK java %.1f ms, sql %.1f ms, ratio %.2f%n", javaMs, sqlMs, javaMs / sqlMs);
        assertThat(javaMs).isLessThan(1000);
        assertThat(javaMs / sqlMs).isLessThanOrEqualTo(3.0);
    }

    private Map<UUID, BigDecimal> viaJava(UUID round) {
        Map<UUID, Map<UUID, BigDecimal>> totals = new LinkedHashMap<>();
        jdbc.sql("select s.application_id, s.expert_id, s.points from projects.scores s join projects.applications a "
                        + "on a.id = s.application_id where a.round_id = :round")
                .param("round", round).query(rs -> {
                    totals.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .merge(rs.getObject(2, UUID.class), rs.getBigDecimal(3), BigDecimal::add);
                });
        Map<UUID, BigDecimal> means = new HashMap<>();
        List<ScoreAggregation.Candidate> candidates = new ArrayList<>();
        totals.forEach((app, byExpert) -> {
            BigDecimal mean = ScoreAggregation.aggregate(new ArrayList<>(byExpert.values())).mean();
            means.put(app, mean);
            candidates.add(new ScoreAggregation.Candidate(app, mean, BigDecimal.TEN));
        });
        ScoreAggregation.rank(candidates, BigDecimal.valueOf(1000));
        return means;
    }

    private Map<UUID, BigDecimal> viaSql(UUID round) {
        Map<UUID, BigDecimal> means = new HashMap<>();
        jdbc.sql(SQL).param("round", round).query(rs -> {
            means.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
        });
        return means;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The round, its applications, experts, assignments and score rows, written once with plain inserts. */
    private UUID load() {
        UUID round = UUID.nameUUIDFromBytes("scoring-benchmark".getBytes());
        if (jdbc.sql("select count(*) from projects.rounds where id = :r").param("r", round).query(Integer.class).single() > 0) {
            return round;
        }
        jdbc.sql("""
                insert into projects.rounds (county_code, id, region_code, kind, title, funder, budget_total, budget_remaining,
                    opens_at, closes_at, scoring_deadline, correction_days, experts_per_application, blind, min_grade,
                    eligible_kinds, criteria, standards, instalments, project_months, status, version, created_at)
                values ('610527', :r, '610527', 'VENTURE', 'benchmark round', 'bench', 1000, 1000, now() - interval '30 days',
                    now() - interval '20 days', now() - interval '10 days', 5, 7, true, 0, '{SOCIAL_SERVICE}', '[]', '[]',
                    '{50,30,20}', 12, 'SCORING', 0, now())
                """).param("r", round).update();
        List<UUID> experts = new ArrayList<>();
        for (int e = 0; e < EXPERTS; e++) {
            UUID id = UUID.randomUUID();
            experts.add(id);
            jdbc.sql("insert into projects.experts (user_id, county_code, name, fields, employer, active, created_at) "
                    + "values (:u, '999999', 'bench', '{}', 'bench', false, now())").param("u", id).update();
        }
        Random random = new Random(7);
        for (int i = 0; i < APPLICATIONS; i++) {
            UUID app = UUID.randomUUID();
            jdbc.sql("""
                    insert into projects.applications (county_code, id, round_id, owner_unit_id, owner_name, region_code, title,
                        field, status, version, created_at, updated_at)
                    values ('610527', :a, :r, :o, 'bench', '610527', 'bench', 'bench', 'ELIGIBLE', 0, now(), now())
                    """).param("a", app).param("r", round).param("o", UUID.randomUUID()).update();
            for (UUID expert : experts) {
                jdbc.sql("insert into projects.assignments (application_id, expert_id, county_code, status) "
                        + "values (:a, :e, '610527', 'SUBMITTED')").param("a", app).param("e", expert).update();
                StringBuilder values = new StringBuilder();
                for (int c = 0; c < CRITERIA; c++) {
                    values.append(c == 0 ? "" : ",").append("('").append(app).append("','").append(expert).append("',")
                            .append(c).append(",'610527',").append(random.nextInt(11)).append(")");
                }
                jdbc.sql("insert into projects.scores (application_id, expert_id, criterion, county_code, points) values "
                        + values).update();
            }
        }
        return round;
    }
}
