package cn.wushe.projects;

import static cn.wushe.projects.ProjectFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * 公示 with objections through the API and the page: anyone signed in objects to a recommendation
 * under publicity (404 when it is not under publicity), an unanswered objection holds the
 * confirmation, the county answers (another county 404, a station 403), an upheld objection stops
 * the award with one audited transition, a dismissed one lets the confirmation through.
 * The round's earlier stages are set up in the database ({@link ProjectFlowIntegrationTest} runs them).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectObjectionsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    final TestActor manager = ProjectFixtures.manager();
    final TestActor otherCounty = ProjectFixtures.actor("pucheng", "610526", Permission.ROUND_MANAGE, Permission.PROJECT_VIEW);
    final TestActor townStation = ProjectFixtures.actor("town_station", "610527001", Permission.PROJECT_VIEW);
    final TestActor resident = ProjectFixtures.actor("resident", "610527001001");
    UUID round;
    UUID kept;
    UUID stopped;
    UUID unpublished;
    /** The page test's own recommendation, so the two tests run in either order. */
    UUID onPage;
    String stoppedTitle;

    @BeforeAll
    void fixture(@Autowired TransactionTemplate tx, @Autowired OrganizationRegister register,
            @Autowired RoundManagement rounds, @Autowired Applying applying) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        round = tx.execute(s -> rounds.open(manager, new RoundManagement.NewRound("VENTURE", "公示异议测试轮次", "民政局",
                new BigDecimal("200000"), today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", new BigDecimal("100000"))),
                null, 6, COUNTY))).id();
        UUID[] ids = new UUID[4];
        for (int i = 0; i < 4; i++) {
            UnitId org = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("公示组织")));
            ids[i] = tx.execute(s -> applying.start(ProjectFixtures.staff(org), round)).id();
            jdbc.sql("update projects.applications set status = :s, requested = 50000, rank = :r, mean_score = 80, title = :t "
                            + "where id = :a")
                    .param("s", i == 2 ? "NOT_RECOMMENDED" : "RECOMMENDED").param("r", i + 1)
                    .param("t", ProjectFixtures.unique("公示项目")).param("a", ids[i]).update();
        }
        kept = ids[0];
        stopped = ids[1];
        unpublished = ids[2];
        onPage = ids[3];
        stoppedTitle = jdbc.sql("select title from projects.applications where id = :a").param("a", stopped).query(String.class).single();
        jdbc.sql("update projects.rounds set status = 'DECIDED', publicity_until = :u where id = :r")
                .param("u", today.plusDays(7)).param("r", round).update();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TestActor as, Object body) throws Exception {
        request.with(authentication(as.authentication())).with(csrf());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString().isEmpty() ? null : json.readTree(response.getContentAsString());
    }

    private long audited(String action, String objectId) {
        return jdbc.sql("select count(*) from audit.entries where action = :a and object_id = :o").param("a", action)
                .param("o", objectId).query(Long.class).single();
    }

    @Test
    void anUpheldObjectionStopsTheAwardAndADismissedOneLetsItThrough() throws Exception {
        assertThat(ok(call(get("/api/v1/publicity"), resident, null), 200).findValuesAsString("id"))
                .contains(kept.toString(), stopped.toString()).doesNotContain(unpublished.toString());
        // not under publicity: 404 whoever asks; a reason too short is refused in Chinese
        assertThat(call(post("/api/v1/projects/" + unpublished + "/objections"), resident, Map.of("reason", "评分不公正的理由"))
                .getStatus()).isEqualTo(404);
        assertThat(ok(call(post("/api/v1/projects/" + stopped + "/objections"), resident, Map.of("reason", "不")), 400)
                .toString()).contains("4 至 500");
        JsonNode objection = ok(call(post("/api/v1/projects/" + stopped + "/objections"), resident,
                Map.of("reason", "该组织去年同类项目未按期结项")), 201);
        String objectionId = objection.get("id").asString();
        assertThat(ok(call(post("/api/v1/projects/" + stopped + "/objections"), resident,
                Map.of("reason", "再次提出同一异议")), 400).toString()).contains("尚未答复");
        JsonNode other = ok(call(post("/api/v1/projects/" + kept + "/objections"), townStation,
                Map.of("reason", "服务对象与其他项目重复")), 201);

        // nothing is confirmed while the publicity runs; after it, the open objection still holds the confirmation
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(ok(call(post("/api/v1/projects/" + kept + "/confirm"), manager, null), 409).get("detail").asString())
                .startsWith("公示期至 " + today.plusDays(7) + " 结束");
        publicityUntil(today.minusDays(1));
        assertThat(ok(call(post("/api/v1/projects/" + stopped + "/confirm"), manager, null), 409).toString())
                .contains("尚未答复的公示异议");
        publicityUntil(today.plusDays(7));

        // reading and answering are the county's: another county sees nothing and meets 404, a station may not answer
        assertThat(ok(call(get("/api/v1/objections"), manager, null), 200).findValuesAsString("id")).contains(objectionId);
        assertThat(ok(call(get("/api/v1/objections"), otherCounty, null), 200).findValuesAsString("id")).doesNotContain(objectionId);
        // the applications are the county's own (region 610527): a town station below it does not read their objections
        assertThat(ok(call(get("/api/v1/objections"), townStation, null), 200).findValuesAsString("id")).doesNotContain(objectionId);
        Map<String, Object> uphold = Map.of("upheld", true, "answer", "经核实，该组织上一周期项目未结项");
        assertThat(call(post("/api/v1/objections/" + objectionId + "/answer"), otherCounty, uphold).getStatus()).isEqualTo(404);
        assertThat(call(post("/api/v1/objections/" + objectionId + "/answer"), townStation, uphold).getStatus()).isEqualTo(403);
        assertThat(call(post("/api/v1/objections/" + UUID.randomUUID() + "/answer"), manager, uphold).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select status from projects.objections where id = :o").param("o", UUID.fromString(objectionId))
                .query(String.class).single()).isEqualTo("OPEN");

        JsonNode answered = ok(call(post("/api/v1/objections/" + objectionId + "/answer"), manager, uphold), 200);
        assertThat(answered.get("status").asString()).isEqualTo("UPHELD");
        assertThat(ok(call(post("/api/v1/objections/" + objectionId + "/answer"), manager, uphold), 409).toString())
                .contains("已经答复");
        assertThat(jdbc.sql("select status from projects.applications where id = :a").param("a", stopped)
                .query(String.class).single()).isEqualTo("NOT_RECOMMENDED");
        assertThat(audited("APPLICATION_STATUS", stopped.toString())).isEqualTo(1);
        assertThat(audited("OBJECTION_UPHOLD", stopped.toString())).isEqualTo(1);
        assertThat(call(post("/api/v1/projects/" + stopped + "/confirm"), manager, null).getStatus()).isEqualTo(409);
        assertThat(ok(call(get("/api/v1/publicity"), resident, null), 200).findValuesAsString("id"))
                .doesNotContain(stopped.toString());

        ok(call(post("/api/v1/objections/" + other.get("id").asString() + "/answer"), manager,
                Map.of("upheld", false, "answer", "服务对象不重复，维持")), 200);
        assertThat(audited("OBJECTION_DISMISS", kept.toString())).isEqualTo(1);
        assertThat(ok(call(post("/api/v1/projects/" + kept + "/confirm"), manager, null), 409).toString()).contains("公示期至");
        publicityUntil(today.minusDays(1));
        try {
            assertThat(ok(call(post("/api/v1/projects/" + kept + "/confirm"), manager, null), 200)
                    .get("application").get("status").asString()).isEqualTo("CONFIRMED");
        } finally {
            publicityUntil(today.plusDays(7));
        }
    }

    /** Moves the round's publicity end; the page test needs it running again afterwards. */
    private void publicityUntil(LocalDate until) {
        jdbc.sql("update projects.rounds set publicity_until = :u where id = :r").param("u", until).param("r", round).update();
    }

    @Test
    void thePageOffersTheFormAndTheAnswersOnlyInScope() throws Exception {
        String page = call(get("/publicity"), resident, null).getContentAsString();
        assertThat(page).contains("项目公示").contains("提交异议");
        assertThat(call(post("/publicity/" + unpublished + "/objections").param("reason", "页面提出的异议"), resident, null)
                .getStatus()).isEqualTo(404);
        MockHttpServletResponse filed = call(post("/publicity/" + onPage + "/objections").param("reason", "页面提出的异议理由"),
                otherCounty, null);
        assertThat(filed.getStatus()).isEqualTo(302);
        UUID objection = jdbc.sql("select id from projects.objections where application_id = :a and reason = '页面提出的异议理由'")
                .param("a", onPage).query(UUID.class).single();
        assertThat(call(get("/publicity"), manager, null).getContentAsString()).contains("页面提出的异议理由").contains("异议成立，不予资助");
        assertThat(call(get("/publicity"), otherCounty, null).getContentAsString()).doesNotContain("页面提出的异议理由");
        assertThat(call(post("/publicity/objections/" + objection + "/answer").param("upheld", "false").param("answer", "不成立"),
                otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/publicity/objections/" + objection + "/answer").param("upheld", "false").param("answer", "不成立"),
                manager, null).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status from projects.objections where id = :o").param("o", objection)
                .query(String.class).single()).isEqualTo("DISMISSED");
    }
}
