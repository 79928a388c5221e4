package cn.wushe.projects.internal;

import cn.wushe.identity.AccountDirectory;
import cn.wushe.organizations.OrganizationSummary;
import cn.wushe.organizations.Organizations;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: the expert pool (six generated experts and the demo reviewer), last year's 公益创投
 * round of 白水县 with 50 applications scored by five experts each, ranked and cut at the budget —
 * 13 funded, some accepted with evaluations and in the library — and this year's 社区微项目 round
 * open for applications. Generated history is written in bulk, as the registry's bulk load does:
 * the audit log records only what users do. Runs once (fixed ids), in about a second.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoProjects implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);
    private static final List<String> FIELDS = List.of("为老服务", "儿童关爱", "社区治理", "助残服务");
    private static final List<String> TITLES = List.of("银龄守护", "童心护航", "邻里议事厅", "阳光助残", "幸福食堂", "四点半课堂",
            "红白事简办", "康复驿站", "心理关爱", "睦邻节");
    private static final List<Round.Criterion> CRITERIA = List.of(new Round.Criterion("需求分析", 30),
            new Round.Criterion("项目设计", 40), new Round.Criterion("预算合理", 30));

    /** The words of {@link DemoProjectExtras}: bundle targets and report, the provincial project, brands, the nomination. */
    static final Map<String, String> EXTRAS = Map.ofEntries(Map.entry("log", "演示：街道打包项目、省级项目、一站一品和 {} 年优秀项目评选（公示中）"),
            Map.entry("target0", "独居老人每月探访两次，建立健康档案"), Map.entry("target1", "日间照料点每周三次助餐"),
            Map.entry("report0", "已探访 38 户，建档 38 份"), Map.entry("funder", "陕西省民政厅"),
            Map.entry("fundTitle", "省级社会工作服务示范项目"), Map.entry("elderly", "为老服务"), Map.entry("governance", "社区治理"),
            Map.entry("brand0", "银龄守护"), Map.entry("brand1", "邻里一家亲"), Map.entry("summary", "服务对象满意度高，形成可复制的做法"),
            Map.entry("members", "张委员,王委员,李委员,赵委员,刘委员"));

    private final ProjectStore store;
    private final Organizations organizations;
    private final AccountDirectory accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String county;

    DemoProjects(ProjectStore store, Organizations organizations, AccountDirectory accounts, TransactionTemplate transaction,
            Clock clock, @Value("${wushe.home-county:610527}") String county) {
        this.store = store;
        this.organizations = organizations;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
        this.county = county;
    }

    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("wushe-demo-project:" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.round(id("round:2025"), cn.wushe.platform.ScopeFilter.unscoped("demo seed check")).isPresent()) {
            return;
        }
        List<OrganizationSummary> orgs = organizations.activeIn(county);
        if (orgs.size() < 50) {
            return;
        }
        Integer funded = transaction.execute(status -> seed(orgs));
        log.info("演示资助项目：2025 年公益创投 50 项申报，立项 {} 项；2026 年社区微项目申报中", funded);
    }

    private int seed(List<OrganizationSummary> orgs) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, RoundManagement.CHINA);
        List<UUID> experts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            experts.add(id("expert:" + i));
            expert(id("expert:" + i), List.of("王教授", "李老师", "张主任", "刘会计", "陈督导", "杨律师").get(i),
                    FIELDS.get(i % FIELDS.size()), List.of("渭南师范学院", "西北大学", "县社工总站", "秦信会计师事务所", "县社工协会",
                            "白水县律师事务所").get(i), now);
        }
        accounts.idOfUsername("reviewer").ifPresent(reviewer -> expert(reviewer, "评审专家（演示）", "为老服务", "县社工协会", now));
        List<Round.Standard> standards = List.of(new Round.Standard("为老服务", new BigDecimal("50000")),
                new Round.Standard("儿童关爱", new BigDecimal("40000")), new Round.Standard("社区治理", new BigDecimal("30000")),
                new Round.Standard("助残服务", new BigDecimal("40000")));
        UUID last = id("round:2025");
        BigDecimal budget = new BigDecimal("500000");
        store.insertRound(new Round(last, county, county, Round.Kind.VENTURE, "2025年白水县公益创投大赛", "白水县民政局", budget,
                budget, date(2025, 3, 1), date(2025, 5, 1), date(2025, 6, 1), 5, 5, true, 0,
                List.of("SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "COMMUNITY"), CRITERIA, standards, List.of(50, 30, 20),
                12, Round.Status.OPEN, 0), date(2025, 2, 20));
        Random random = new Random(2025);
        List<ScoreAggregation.Candidate> candidates = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            OrganizationSummary org = orgs.get(i);
            UUID app = id("application:2025:" + i);
            String field = FIELDS.get(i % FIELDS.size());
            BigDecimal ceiling = standards.get(i % FIELDS.size()).ceiling();
            BigDecimal requested = BigDecimal.valueOf((ceiling.intValue() / 1000 - random.nextInt(12)) * 1000L);
            String lines = ProjectStore.json(List.of(new Application.BudgetLine("人员经费", "人员", requested.multiply(new BigDecimal("0.4"))),
                    new Application.BudgetLine("活动经费", "活动", requested.multiply(new BigDecimal("0.5"))),
                    new Application.BudgetLine("管理费用", "管理", requested.multiply(new BigDecimal("0.1")))));
            store.jdbc().sql("""
                    insert into projects.applications (county_code, id, round_id, owner_unit_id, owner_name, region_code, title,
                        field, need, goals, target_group, beneficiaries, budget_lines, requested, status, submitted_version,
                        version, created_at, updated_at)
                    values (:county, :id, :round, :owner, :name, :region, :title, :field, '摸底发现服务缺口', '按季度开展服务',
                        '社区居民', :beneficiaries, cast(:lines as jsonb), :requested, 'ELIGIBLE', 1, 0, :at, :at)
                    """).param("county", county).param("id", app).param("round", last).param("owner", org.id().value())
                    .param("name", org.name()).param("region", org.regionCode())
                    .param("title", TITLES.get(i % TITLES.size()) + "计划（" + (i + 1) + "）").param("field", field)
                    .param("beneficiaries", 40 + random.nextInt(200)).param("lines", lines).param("requested", requested)
                    .param("at", ProjectStore.ts(date(2025, 4, 1))).update();
            List<BigDecimal> totals = new ArrayList<>();
            int quality = 55 + random.nextInt(35);
            for (int e = 0; e < 5; e++) {
                UUID expert = experts.get((i + e) % experts.size());
                int total = Math.max(0, Math.min(100, quality + random.nextInt(11) - 5 + (e == 4 && i % 7 == 0 ? -25 : 0)));
                int[] parts = {total * 30 / 100, total * 40 / 100, 0};
                parts[2] = total - parts[0] - parts[1];
                store.jdbc().sql("insert into projects.assignments (application_id, expert_id, county_code, status, declared_at, "
                                + "submitted_at, total) values (:a, :e, :c, 'SUBMITTED', :at, :at, :t)")
                        .param("a", app).param("e", expert).param("c", county).param("at", ProjectStore.ts(date(2025, 5, 20)))
                        .param("t", total).update();
                for (int c = 0; c < 3; c++) {
                    store.jdbc().sql("insert into projects.scores (application_id, expert_id, criterion, county_code, points) "
                            + "values (:a, :e, :c, :county, :p)").param("a", app).param("e", expert).param("c", c)
                            .param("county", county).param("p", parts[c]).update();
                }
                totals.add(BigDecimal.valueOf(total));
            }
            ScoreAggregation.Result result = ScoreAggregation.aggregate(totals);
            store.jdbc().sql("update projects.applications set mean_score = :m, outlier_experts = :o where id = :a")
                    .param("m", result.mean()).param("o", (int) result.outliers().stream().filter(Boolean::booleanValue).count())
                    .param("a", app).update();
            candidates.add(new ScoreAggregation.Candidate(app, result.mean(), requested));
            ids.add(app);
        }
        int funded = 0;
        BigDecimal remaining = budget;
        for (ScoreAggregation.Ranked r : ScoreAggregation.rank(candidates, budget)) {
            String status = r.funded() ? (funded % 3 == 0 ? "ACCEPTED" : "CONFIRMED") : "NOT_RECOMMENDED";
            String evaluation = status.equals("ACCEPTED") ? (funded % 2 == 0 ? "EXCELLENT" : "GOOD") : null;
            store.jdbc().sql("update projects.applications set status = :s, rank = :rank, awarded = :awarded, evaluation = :e, "
                            + "satisfaction = :sat, in_library = :lib where id = :a")
                    .param("s", status).param("rank", r.rank()).param("awarded", r.funded() ? r.requested() : null)
                    .param("e", evaluation).param("sat", evaluation == null ? null : 92).param("lib", evaluation != null)
                    .param("a", r.id()).update();
            if (r.funded()) {
                remaining = remaining.subtract(r.requested());
                instalments(r.id(), r.requested(), status.equals("ACCEPTED"));
                funded++;
            }
        }
        store.jdbc().sql("update projects.rounds set status = 'DECIDED', budget_remaining = :r where id = :id")
                .param("r", remaining).param("id", last).update();
        BigDecimal micro = new BigDecimal("200000");
        store.insertRound(new Round(id("round:2026-micro"), county, county, Round.Kind.MICRO, today.getYear() + "年白水县社区微项目",
                "白水县民政局", micro, micro, today.minusDays(5).atStartOfDay(RoundManagement.CHINA).toInstant(),
                today.plusDays(25).atStartOfDay(RoundManagement.CHINA).toInstant(),
                today.plusDays(40).atStartOfDay(RoundManagement.CHINA).toInstant(), 5, 1, true, 0,
                List.of("SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "COMMUNITY"), CRITERIA,
                List.of(new Round.Standard("为老服务", new BigDecimal("20000")), new Round.Standard("儿童关爱", new BigDecimal("20000"))),
                List.of(50, 30, 20), 6, Round.Status.OPEN, 0), now);
        return funded;
    }

    private void expert(UUID user, String name, String field, String employer, Instant now) {
        store.jdbc().sql("""
                insert into projects.experts (user_id, county_code, name, fields, employer, active, created_at)
                values (:u, :c, :n, cast(:f as text[]), :e, true, :at) on conflict (user_id) do nothing
                """).param("u", user).param("c", county).param("n", name).param("f", new String[] {field, "社区治理"})
                .param("e", employer).param("at", ProjectStore.ts(now)).update();
    }

    private void instalments(UUID app, BigDecimal amount, boolean accepted) {
        int[] shares = {50, 30, 20};
        BigDecimal paid = BigDecimal.ZERO;
        for (int n = 0; n < 3; n++) {
            BigDecimal part = n == 2 ? amount.subtract(paid) : amount.multiply(BigDecimal.valueOf(shares[n])).divide(BigDecimal.valueOf(100));
            paid = paid.add(part);
            boolean isPaid = accepted || n == 0;
            store.jdbc().sql("insert into projects.instalments (application_id, number, county_code, amount, due_on, final, status, "
                            + "paid_at) values (:a, :n, :c, :amount, :due, :final, :s, :paidAt)")
                    .param("a", app).param("n", n + 1).param("c", county).param("amount", part)
                    .param("due", java.sql.Date.valueOf(LocalDate.of(2025, 7, 1).plusMonths(6L * n))).param("final", n == 2)
                    .param("s", isPaid ? "PAID" : "PENDING").param("paidAt", isPaid ? ProjectStore.ts(date(2025, 7, 1)) : null)
                    .update();
        }
        for (int n = 1; n <= 2; n++) {
            store.jdbc().sql("insert into projects.reports (application_id, number, county_code, kind, due_at, submitted_at, summary, "
                            + "spent) values (:a, :n, :c, :k, :due, :sub, :s, :spent)")
                    .param("a", app).param("n", n).param("c", county).param("k", n == 1 ? "PROGRESS" : "FINAL")
                    .param("due", ProjectStore.ts(date(2026, n == 1 ? 1 : 7, 1)))
                    .param("sub", accepted || n == 1 ? ProjectStore.ts(date(2025, 12, 20)) : null)
                    .param("s", accepted || n == 1 ? "按计划完成" : null)
                    .param("spent", accepted || n == 1 ? amount.multiply(new BigDecimal(n == 1 ? "0.5" : "0.98")) : null).update();
        }
    }

    private static Instant date(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(RoundManagement.CHINA).toInstant();
    }
}
