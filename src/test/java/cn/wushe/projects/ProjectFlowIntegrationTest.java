package cn.wushe.projects;

import static cn.wushe.projects.ProjectFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.wushe.identity.MutableClock;
import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.projects.internal.ExpertPool;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One 公益创投 round through the API, committed step by step as users would take it: open, apply
 * (unbalanced, over-standard and second applications refused), correction, close with eligibility
 * and expert assignment (a detected conflict never drawn, a declared one substituted), blind view,
 * scores in range, a late score refused, trimmed means and outliers on a hand-computed fixture,
 * ranking, confirmation from the budget, the agreement PDF, reports, instalments, evaluation,
 * audit and acceptance. Every out-of-scope caller meets 404 (another organization's staff, a
 * reviewer outside the assignment or the window, another county's manager).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class ProjectFlowIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    OrganizationRegister register;

    @Autowired
    ExpertPool pool;

    @Autowired
    TransactionTemplate tx;

    final TestActor manager = ProjectFixtures.manager();

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TestActor as, Object body) throws Exception {
        request.with(authentication(as.authentication())).with(csrf());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString().isEmpty() ? null : json.readTree(response.getContentAsString());
    }

    private long version(String application) {
        return jdbc.sql("select version from projects.applications where id = :id").param("id", UUID.fromString(application))
                .query(Long.class).single();
    }

    private Map<String, Object> draft(String title, String need, BigDecimal requested, BigDecimal... lines) {
        List<Map<String, Object>> budget = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            budget.add(Map.of("item", "活动" + (i + 1), "category", "活动", "amount", lines[i]));
        }
        return Map.of("title", title, "field", "为老服务", "need", need, "goals", "每月上门探访独居老人两次",
                "targetGroup", "独居老人", "beneficiaries", 80, "budgetLines", budget, "requested", requested,
                "indicators", List.of(Map.of("type", "OUTPUT", "name", "探访人次", "target", "960")),
                "team", List.of(Map.of("name", "王芳", "role", "项目主管", "certificate", "中级")));
    }

    private long audited(String action, String objectId) {
        return jdbc.sql("select count(*) from audit.entries where action = :a and object_id = :o").param("a", action)
                .param("o", objectId).query(Long.class).single();
    }

    @Test
    void aRoundRunsFromApplicationToAcceptance() throws Exception {
        Duration moved = Duration.ZERO;
        try {
            moved = run();
        } finally {
            clock.advance(moved.negated());
        }
    }

    private Duration run() throws Exception {
        jdbc.sql("update projects.experts set active = false where county_code = :c").param("c", COUNTY).update();
        String nameA = ProjectFixtures.unique("流程测试甲社工中心");
        UnitId orgA = tx.execute(s -> ProjectFixtures.organization(register, manager, nameA));
        UnitId orgB = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("流程测试乙社工中心")));
        TestActor staffA = ProjectFixtures.staff(orgA);
        TestActor staffB = ProjectFixtures.staff(orgB);
        List<TestActor> experts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TestActor e = ProjectFixtures.actor("expert" + i, COUNTY, Permission.APPLICATION_SCORE);
            experts.add(e);
            UUID employer = i == 5 ? orgA.value() : null;
            tx.executeWithoutResult(s -> pool.enter(manager, COUNTY, e.id(), e.username(), List.of("为老服务"), "高校",
                    employer, null, null, "13800138000", "6222020200112233445"));
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        Map<String, Object> round = Map.ofEntries(Map.entry("kind", "VENTURE"), Map.entry("title", "2026年公益创投大赛"),
                Map.entry("funder", "白水县民政局"), Map.entry("budget", 100000), Map.entry("opensOn", today.toString()),
                Map.entry("closesOn", today.plusDays(10).toString()), Map.entry("scoringDeadline", today.plusDays(20).toString()),
                Map.entry("expertsPerApplication", 5), Map.entry("blind", true),
                Map.entry("criteria", List.of(Map.of("name", "需求分析", "max", 30), Map.of("name", "项目设计", "max", 40),
                        Map.of("name", "预算合理", "max", 30))),
                Map.entry("standards", List.of(Map.of("field", "为老服务", "ceiling", 50000))),
                Map.entry("instalments", List.of(50, 30, 20)), Map.entry("projectMonths", 12), Map.entry("regionCode", COUNTY));
        TestActor otherCounty = ProjectFixtures.actor("pucheng_manager", "610526", Permission.ROUND_MANAGE);
        assertThat(call(post("/api/v1/rounds"), otherCounty, round).getStatus()).isEqualTo(403);
        String roundId = ok(call(post("/api/v1/rounds"), manager, round), 201).get("id").asString();
        assertThat(call(get("/api/v1/rounds/" + roundId), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/api/v1/rounds/" + roundId + "/close"), otherCounty, null).getStatus()).isEqualTo(404);

        // applying: one per organization; unbalanced and over-standard budgets refused in Chinese
        String a = ok(call(post("/api/v1/rounds/" + roundId + "/applications"), staffA, null), 201).get("id").asString();
        assertThat(ok(call(post("/api/v1/rounds/" + roundId + "/applications"), staffA, null), 409).get("type").asString())
                .endsWith("/application-exists");
        assertThat(call(get("/api/v1/projects/" + a), staffB, null).getStatus()).isEqualTo(404);
        assertThat(call(put("/api/v1/projects/" + a + "/draft").header("If-Match", "\"" + version(a) + "\""), staffB,
                draft("偷改", "x", BigDecimal.ONE, BigDecimal.ONE)).getStatus()).isEqualTo(404);
        ok(call(put("/api/v1/projects/" + a + "/draft").header("If-Match", "\"" + version(a) + "\""), staffA,
                draft("银龄守护探访计划", "本项目由" + nameA + "实施", new BigDecimal("45000"), new BigDecimal("20000"),
                        new BigDecimal("20000"))), 200);
        JsonNode unbalanced = ok(call(post("/api/v1/projects/" + a + "/submit"), staffA, null), 400);
        assertThat(unbalanced.get("errors").get(0).get("message").asString())
                .isEqualTo("预算明细合计 40000 元与申请金额 45000 元不一致");
        ok(call(put("/api/v1/projects/" + a + "/draft").header("If-Match", "\"" + version(a) + "\""), staffA,
                draft("银龄守护探访计划", "本项目由" + nameA + "实施", new BigDecimal("60000"), new BigDecimal("30000"),
                        new BigDecimal("30000"))), 200);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/submit"), staffA, null), 400).get("errors").get(0)
                .get("message").asString()).isEqualTo("申请金额 60000 元超过“为老服务”领域的项目上限 50000 元");
        ok(call(put("/api/v1/projects/" + a + "/draft").header("If-Match", "\"" + version(a) + "\""), staffA,
                draft("银龄守护探访计划", "本项目由" + nameA + "实施", new BigDecimal("40000"), new BigDecimal("20000"),
                        new BigDecimal("20000"))), 200);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/submit"), staffA, null), 200).get("application")
                .get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ok(call(put("/api/v1/projects/" + a + "/draft").header("If-Match", "\"" + version(a) + "\""), staffA,
                draft("改", "x", BigDecimal.ONE, BigDecimal.ONE)), 409).get("type").asString()).endsWith("/application-status");

        String b = ok(call(post("/api/v1/rounds/" + roundId + "/applications"), staffB, null), 201).get("id").asString();
        ok(call(put("/api/v1/projects/" + b + "/draft").header("If-Match", "\"" + version(b) + "\""), staffB,
                draft("童心护航课堂", "留守儿童课后无人照看", new BigDecimal("30000"), new BigDecimal("30000"))), 200);
        ok(call(post("/api/v1/projects/" + b + "/submit"), staffB, null), 200);
        ok(call(post("/api/v1/projects/" + b + "/correction"), manager, Map.of("note", "请补充团队证书")), 200);
        ok(call(put("/api/v1/projects/" + b + "/draft").header("If-Match", "\"" + version(b) + "\""), staffB,
                draft("童心护航课堂", "留守儿童课后无人照看", new BigDecimal("30000"), new BigDecimal("30000"))), 200);
        assertThat(ok(call(post("/api/v1/projects/" + b + "/submit"), staffB, null), 200).get("application")
                .get("submittedVersion").asInt()).isEqualTo(2);
        String blindB = jdbc.sql("select blind_snapshot::text from projects.application_versions where application_id = :a "
                + "and number = 2").param("a", UUID.fromString(b)).query(String.class).single();
        String nameB = jdbc.sql("select owner_name from projects.applications where id = :a").param("a", UUID.fromString(b))
                .query(String.class).single();
        assertThat(blindB).contains("童心护航课堂").doesNotContain(nameB).doesNotContain(orgB.toString()).doesNotContain("王芳");

        // close: eligibility and five experts each; the expert employed by A is never drawn for A
        ok(call(post("/api/v1/rounds/" + roundId + "/close"), manager, null), 200);
        List<UUID> assignedA = jdbc.sql("select expert_id from projects.assignments where application_id = :a")
                .param("a", UUID.fromString(a)).query(UUID.class).list();
        assertThat(assignedA).hasSize(5).doesNotContain(experts.get(5).id());
        TestActor unassigned = experts.stream().filter(e -> !assignedA.contains(e.id()) && e != experts.get(5)).findFirst()
                .orElseThrow();
        assertThat(call(get("/api/v1/projects/" + a + "/review"), unassigned, null).getStatus()).isEqualTo(404);

        // A: one expert declares a conflict and is substituted; the others declare, read blind, score
        TestActor conflicted = experts.stream().filter(e -> e.id().equals(assignedA.getFirst())).findFirst().orElseThrow();
        TestActor first = experts.stream().filter(e -> e.id().equals(assignedA.get(1))).findFirst().orElseThrow();
        assertThat(ok(call(post("/api/v1/projects/" + a + "/scores"), first, Map.of("points", List.of(24, 32, 24))), 409)
                .get("type").asString()).endsWith("/conflict-undeclared");
        assertThat(call(get("/api/v1/projects/" + a + "/review"), first, null).getContentAsString()).doesNotContain("银龄守护");
        ok(call(post("/api/v1/projects/" + a + "/declaration"), conflicted, Map.of("conflict", true, "reason", "亲属任职")), 204);
        List<UUID> scoringA = jdbc.sql("select expert_id from projects.assignments where application_id = :a and status = "
                + "'ASSIGNED' order by expert_id").param("a", UUID.fromString(a)).query(UUID.class).list();
        assertThat(scoringA).hasSize(5).contains(unassigned.id()).doesNotContain(conflicted.id());
        int[][] pointsA = {{24, 32, 24}, {25, 32, 25}, {25, 34, 25}, {26, 34, 26}, {18, 24, 18}};
        for (int i = 0; i < 5; i++) {
            TestActor e = byId(experts, scoringA.get(i));
            ok(call(post("/api/v1/projects/" + a + "/declaration"), e, Map.of("conflict", false)), 204);
            JsonNode view = ok(call(get("/api/v1/projects/" + a + "/review"), e, null), 200);
            assertThat(view.get("blind").asBoolean()).isTrue();
            assertThat(view.get("namesApplicant").asBoolean()).as("the need text names A").isTrue();
            assertThat(view.get("content").has("ownerName")).isFalse();
            if (i == 0) {
                assertThat(ok(call(post("/api/v1/projects/" + a + "/scores"), e, Map.of("points", List.of(31, 32, 24))), 400)
                        .get("errors").get(0).get("message").asString()).isEqualTo("“需求分析”的分数须在 0 至 30 分之间");
            }
            ok(call(post("/api/v1/projects/" + a + "/scores"), e,
                    Map.of("points", List.of(pointsA[i][0], pointsA[i][1], pointsA[i][2]))), 204);
        }
        // B: four experts score in time, the fifth is late
        List<UUID> scoringB = jdbc.sql("select expert_id from projects.assignments where application_id = :a order by expert_id")
                .param("a", UUID.fromString(b)).query(UUID.class).list();
        int[][] pointsB = {{22, 28, 22}, {22, 30, 22}, {23, 30, 23}, {24, 30, 24}};
        for (int i = 0; i < 4; i++) {
            TestActor e = byId(experts, scoringB.get(i));
            ok(call(post("/api/v1/projects/" + b + "/declaration"), e, Map.of("conflict", false)), 204);
            ok(call(post("/api/v1/projects/" + b + "/scores"), e,
                    Map.of("points", List.of(pointsB[i][0], pointsB[i][1], pointsB[i][2]))), 204);
        }
        TestActor late = byId(experts, scoringB.get(4));
        ok(call(post("/api/v1/projects/" + b + "/declaration"), late, Map.of("conflict", false)), 204);
        assertThat(ok(call(post("/api/v1/rounds/" + roundId + "/decide"), manager, null), 409).get("type").asString())
                .endsWith("/window-closed");
        Duration moved = Duration.ofDays(21);
        clock.advance(moved);
        assertThat(ok(call(post("/api/v1/projects/" + b + "/scores"), late, Map.of("points", List.of(20, 20, 20))), 409)
                .get("detail").asString()).isEqualTo("评分截止时间已过，不能再评分");
        assertThat(call(get("/api/v1/projects/" + b + "/review"), late, null).getStatus()).isEqualTo(404);

        // decision: A (80 82 84 86 60) → 82.00 with one outlier; B (72 74 76 78) → 75.00; both fit 100000
        JsonNode ranked = ok(call(post("/api/v1/rounds/" + roundId + "/decide"), manager, null), 200);
        assertThat(ranked.get(0).get("id").asString()).isEqualTo(a);
        assertThat(ranked.get(0).get("mean").decimalValue()).isEqualByComparingTo("82.00");
        assertThat(ranked.get(1).get("mean").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(jdbc.sql("select outlier_experts from projects.applications where id = :a").param("a", UUID.fromString(a))
                .query(Integer.class).single()).isEqualTo(1);
        // the decision goes under publicity (公示) for seven days, open to objections
        assertThat(jdbc.sql("select publicity_until from projects.rounds where id = :r").param("r", UUID.fromString(roundId))
                .query(LocalDate.class).single()).isEqualTo(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).plusDays(7));

        // no confirmation during the whole publicity, even without objection; the refusal names its end
        LocalDate publicityEnds = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).plusDays(7);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/confirm"), manager, null), 409).get("detail").asString())
                .isEqualTo("公示期至 " + publicityEnds + " 结束，公示期内不能确认立项，请于 " + publicityEnds.plusDays(1) + " 起确认");
        clock.advance(Duration.ofDays(7));
        moved = moved.plusDays(7);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/confirm"), manager, null), 409).get("detail").asString())
                .startsWith("公示期至 " + publicityEnds);
        clock.advance(Duration.ofDays(1));
        moved = moved.plusDays(1);

        // confirmation takes the award from the budget; the agreement names the project, no person
        assertThat(call(post("/api/v1/projects/" + a + "/confirm"), otherCounty, null).getStatus()).isEqualTo(404);
        JsonNode confirmed = ok(call(post("/api/v1/projects/" + a + "/confirm"), manager, null), 200);
        assertThat(confirmed.get("application").get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("instalments")).hasSize(3);
        assertThat(jdbc.sql("select budget_remaining from projects.rounds where id = :r").param("r", UUID.fromString(roundId))
                .query(BigDecimal.class).single()).isEqualByComparingTo("60000");
        MockHttpServletResponse pdf = call(get("/api/v1/projects/" + a + "/agreement"), staffA, null);
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("银龄守护探访计划").contains("40000").doesNotContain("610527198003150010");
        }
        assertThat(call(get("/api/v1/projects/" + a + "/agreement"), staffB, null).getStatus()).isEqualTo(404);

        // implementation and acceptance
        ok(call(post("/api/v1/projects/" + a + "/instalments/1/pay"), manager, null), 200);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/instalments/3/pay"), manager, null), 409).get("detail").asString())
                .isEqualTo("最后一期须在结项验收合格后拨付");
        assertThat(call(post("/api/v1/projects/" + a + "/reports/1"), staffB,
                Map.of("summary", "x", "spent", 1)).getStatus()).isEqualTo(404);
        ok(call(post("/api/v1/projects/" + a + "/reports/1"), staffA, Map.of("summary", "完成探访 480 人次", "spent", 18000,
                "beneficiaries", 80)), 200);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/accept"), manager, null), 409).get("detail").asString())
                .isEqualTo("尚未提交结项报告，不能验收");
        ok(call(post("/api/v1/projects/" + a + "/reports/2"), staffA, Map.of("summary", "全年探访 960 人次", "spent", 39500,
                "beneficiaries", 82)), 200);
        assertThat(ok(call(post("/api/v1/projects/" + a + "/accept"), manager, null), 409).get("detail").asString())
                .isEqualTo("尚未录入财务审计，不能验收");
        TestActor evaluator = ProjectFixtures.actor("evaluator", COUNTY, Permission.PROJECT_EVALUATE);
        TestActor otherEvaluator = ProjectFixtures.actor("evaluator2", COUNTY, Permission.PROJECT_EVALUATE);
        ok(call(post("/api/v1/projects/" + a + "/evaluator"), manager, Map.of("evaluatorId", evaluator.id())), 200);
        assertThat(call(post("/api/v1/projects/" + a + "/evaluation"), otherEvaluator,
                Map.of("evaluation", "GOOD", "satisfaction", 95)).getStatus()).isEqualTo(404);
        ok(call(post("/api/v1/projects/" + a + "/evaluation"), evaluator, Map.of("evaluation", "GOOD", "satisfaction", 95)), 204);
        ok(call(post("/api/v1/projects/" + a + "/financial-audit"), manager,
                Map.of("auditor", "秦信会计师事务所", "conclusion", "支出合规", "questioned", 0)), 200);
        JsonNode accepted = ok(call(post("/api/v1/projects/" + a + "/accept"), manager, null), 200);
        assertThat(accepted.get("application").get("status").asString()).isEqualTo("ACCEPTED");
        ok(call(post("/api/v1/projects/" + a + "/instalments/3/pay"), manager, null), 200);

        // every transition of A audited exactly once: submitted, eligible, recommended, confirmed, accepted
        assertThat(audited("APPLICATION_STATUS", a)).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'APPLICATION_STATUS' and object_id = :o "
                + "and detail = 'CONFIRMED->ACCEPTED'").param("o", a).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select in_library from projects.applications where id = :a").param("a", UUID.fromString(a))
                .query(Boolean.class).single()).isTrue();
        String publicPage = mvc.perform(get("/public/projects").param("county", COUNTY)).andReturn().getResponse()
                .getContentAsString();
        assertThat(publicPage).contains("银龄守护探访计划").doesNotContain("李建华").doesNotContain("王芳");
        return moved;
    }

    private static TestActor byId(List<TestActor> experts, UUID id) {
        return experts.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
