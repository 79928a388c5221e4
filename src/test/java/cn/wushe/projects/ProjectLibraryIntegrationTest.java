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
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Street bundles, external funds, the project library (search, re-check, exit, 点单) and the yearly
 * awards through the API, as the county, the organizations and the stations use them; every
 * out-of-scope caller (another county's manager, another organization's staff, a station outside
 * the community) meets 404 and nothing changes. Earlier stages of a project are set up in the
 * database: the round flow itself is {@link ProjectFlowIntegrationTest}'s.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectLibraryIntegrationTest {

    static final String COMMUNITY = "610527001001";
    static final String OTHER_TOWN_COMMUNITY = "610527102200";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    cn.wushe.region.Regions regions;

    final TestActor manager = ProjectFixtures.manager();
    final TestActor otherCounty = ProjectFixtures.actor("pucheng", "610526", Permission.ROUND_MANAGE, Permission.PROJECT_VIEW,
            Permission.ORG_OWN);
    final TestActor townStation = ProjectFixtures.actor("town_station", "610527001", Permission.PROJECT_VIEW);
    TestActor owner;
    TestActor otherStaff;
    UnitId organization;
    UUID round;
    UUID project;
    UUID another;

    @BeforeAll
    void fixture(@Autowired TransactionTemplate tx, @Autowired OrganizationRegister register,
            @Autowired RoundManagement rounds, @Autowired Applying applying) {
        organization = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("打包项目组织")));
        UnitId other = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("别的组织")));
        owner = ProjectFixtures.staff(organization);
        otherStaff = ProjectFixtures.staff(other);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        round = tx.execute(s -> rounds.open(manager, new RoundManagement.NewRound("PURCHASE", "街道打包购买服务测试", "民政局",
                new BigDecimal("200000"), today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", new BigDecimal("100000"))),
                null, 6, COUNTY))).id();
        project = tx.execute(s -> applying.start(owner, round)).id();
        another = tx.execute(s -> rounds.open(manager, new RoundManagement.NewRound("MICRO", "点单测试微项目", "民政局",
                new BigDecimal("100000"), today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", new BigDecimal("80000"))),
                null, 6, COUNTY))).id();
        // the round flow is tested elsewhere: here the project is confirmed with a budget and beneficiaries
        jdbc.sql("""
                update projects.applications set status = 'CONFIRMED', awarded = 60000, requested = 60000, beneficiaries = 120,
                    title = :t, target_group = '独居老人', need = '独居老人无人探访', goals = '每月探访两次',
                    budget_lines = '[{"item":"探访","category":"活动","amount":60000}]'::jsonb
                where id = :a
                """).param("t", ProjectFixtures.unique("街道打包助老服务")).param("a", project).update();
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
    void aBundleIsAcceptedCommunityByCommunityBeforeTheProject() throws Exception {
        String sites = "/api/v1/projects/" + project + "/sites";
        Map<String, Object> first = Map.of("communityCode", COMMUNITY, "targets", "探访独居老人每月两次", "beneficiaries", 60);
        assertThat(call(post(sites), otherCounty, first).getStatus()).isEqualTo(404);
        assertThat(ok(call(post(sites), manager, Map.of("communityCode", "610526001001", "targets", "外县社区",
                "beneficiaries", 5)), 400).toString()).contains("12 位社区代码");
        ok(call(post(sites), manager, first), 200);
        ok(call(post(sites), manager, Map.of("communityCode", OTHER_TOWN_COMMUNITY, "targets", "助餐点送餐",
                "beneficiaries", 60)), 200);
        assertThat(ok(call(post(sites), manager, first), 400).toString()).contains("已在本项目");
        assertThat(call(get(sites), otherStaff, null).getStatus()).isEqualTo(404);
        assertThat(ok(call(get(sites), owner, null), 200)).hasSize(2);

        String report = sites + "/" + COMMUNITY + "/report";
        String accept = sites + "/" + COMMUNITY + "/accept";
        assertThat(call(post(report), otherStaff, Map.of("summary", "越权报告内容", "served", 1)).getStatus()).isEqualTo(404);
        assertThat(ok(call(post(accept), manager, Map.of("passed", true)), 409).toString()).contains("尚未提交服务报告");
        ok(call(post(report), owner, Map.of("summary", "本社区探访 58 户", "served", 58)), 200);
        ok(call(post(sites + "/" + OTHER_TOWN_COMMUNITY + "/report"), owner, Map.of("summary", "送餐 2400 份",
                "served", 61)), 200);
        assertThat(call(post(accept), otherCounty, Map.of("passed", true)).getStatus()).isEqualTo(404);
        ok(call(post(accept), manager, Map.of("passed", true)), 200);
        assertThat(ok(call(post(accept), manager, Map.of("passed", true)), 409).toString()).contains("已验收");

        // the project's own acceptance waits for the last community
        jdbc.sql("insert into projects.reports (application_id, number, county_code, kind, due_at, submitted_at, summary, spent) "
                + "values (:a, 9, :c, 'FINAL', now(), now(), '结项', 60000)").param("a", project).param("c", COUNTY).update();
        jdbc.sql("update projects.applications set evaluation = 'GOOD', satisfaction = 95, audit_record = "
                + "'{\"auditor\":\"会计所\",\"conclusion\":\"无问题\",\"questioned\":0}'::jsonb where id = :a")
                .param("a", project).update();
        String projectAccept = "/api/v1/projects/" + project + "/accept";
        assertThat(ok(call(post(projectAccept), manager, null), 409).toString()).contains("落地社区未验收");
        ok(call(post(sites + "/" + OTHER_TOWN_COMMUNITY + "/accept"), manager, Map.of("passed", true)), 200);
        ok(call(post(projectAccept), manager, null), 200);
        assertThat(audited("BUNDLE_SITE_ACCEPT", project.toString())).isEqualTo(2);
        assertThat(jdbc.sql("select library_since is not null and in_library from projects.applications where id = :a")
                .param("a", project).query(Boolean.class).single()).isTrue();
        libraryAfterAcceptance();
    }

    /** The accepted bundle entered the library as 良好: search, order, re-check and exit. */
    private void libraryAfterAcceptance() throws Exception {
        String title = jdbc.sql("select title from projects.applications where id = :a").param("a", project)
                .query(String.class).single();
        String search = "/api/v1/library?q=" + title.substring(0, 6) + "&field=为老服务&maxCost=600";
        assertThat(ok(call(get(search), manager, null), 200).findValuesAsString("title")).contains(title);
        assertThat(ok(call(get(search), otherCounty, null), 200).findValuesAsString("title")).doesNotContain(title);
        assertThat(ok(call(get("/api/v1/library?q=" + title.substring(0, 6) + "&maxCost=400"), manager, null), 200)
                .findValuesAsString("title")).doesNotContain(title);

        // 点单: a town station orders the entry for one of its communities into an open round
        UUID orderRound = round;
        String orders = "/api/v1/library/" + project + "/orders";
        assertThat(call(post(orders), otherCounty, Map.of("communityCode", COMMUNITY, "roundId", orderRound))
                .getStatus()).isEqualTo(404);
        assertThat(call(post(orders), townStation, Map.of("communityCode", OTHER_TOWN_COMMUNITY, "roundId", orderRound))
                .getStatus()).isEqualTo(404);
        // the organization has this round's application already: one per organization and round
        assertThat(call(post(orders), townStation, Map.of("communityCode", COMMUNITY, "roundId", orderRound)).getStatus())
                .isEqualTo(409);
        JsonNode order = ok(call(post(orders), townStation, Map.of("communityCode", COMMUNITY, "roundId", another,
                "note", "社区老人多")), 201);
        UUID draft = UUID.fromString(order.get("applicationId").asString());
        JsonNode prefilled = ok(call(get("/api/v1/projects/" + draft), owner, null), 200).get("application");
        assertThat(prefilled.get("title").asString()).isEqualTo(title);
        assertThat(prefilled.get("regionCode").asString()).isEqualTo(COMMUNITY);
        assertThat(prefilled.get("status").asString()).isEqualTo("DRAFT");
        assertThat(prefilled.get("budgetLines")).hasSize(1);
        assertThat(ok(call(get("/api/v1/library/orders"), townStation, null), 200).findValuesAsString("applicationId"))
                .contains(draft.toString());
        assertThat(ok(call(get("/api/v1/library/orders"), otherCounty, null), 200).findValuesAsString("applicationId"))
                .doesNotContain(draft.toString());

        String recheck = "/api/v1/library/" + project + "/recheck";
        assertThat(call(post(recheck), otherCounty, Map.of("keep", true)).getStatus()).isEqualTo(404);
        ok(call(post(recheck), manager, Map.of("keep", true)), 204);
        assertThat(ok(call(post(recheck), manager, Map.of("keep", false)), 400).toString()).contains("理由");
        ok(call(post(recheck), manager, Map.of("keep", false, "reason", "服务对象已变化")), 204);
        assertThat(ok(call(get(search), manager, null), 200).findValuesAsString("title")).doesNotContain(title);
        assertThat(audited("LIBRARY_EXIT", project.toString())).isEqualTo(1);
        String nominate = "/api/v1/library/" + project + "/nominate";
        assertThat(call(post(nominate), otherCounty, Map.of("reason", "越权推荐")).getStatus()).isEqualTo(404);
        ok(call(post(nominate), manager, Map.of("reason", "社区反响好，重新入库")), 204);
        assertThat(ok(call(get(search), manager, null), 200).findValuesAsString("title")).contains(title);
    }

    @Test
    void externalFundsFollowTheFundersSchedule() throws Exception {
        Map<String, Object> fund = Map.of("organizationId", organization.value(), "funderKind", "PROVINCE",
                "funder", "陕西省民政厅", "title", "省级社工站示范项目", "field", "为老服务", "amount", 300000,
                "startsOn", "2026-01-01", "endsOn", "2026-12-31", "reportMonths", 3);
        assertThat(call(post("/api/v1/external-funds"), otherCounty, fund).getStatus()).isEqualTo(404);
        Map<String, Object> wrong = new java.util.HashMap<>(fund);
        wrong.put("funderKind", "BANK");
        assertThat(ok(call(post("/api/v1/external-funds"), manager, wrong), 400).toString()).contains("资助方类型");
        JsonNode created = ok(call(post("/api/v1/external-funds"), manager, fund), 201);
        String id = created.get("fund").get("id").asString();
        assertThat(created.get("reports").findValuesAsString("dueOn"))
                .containsExactly("2026-04-01", "2026-07-01", "2026-10-01", "2026-12-31");
        assertThat(call(get("/api/v1/external-funds/" + id), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/external-funds/" + id), otherStaff, null).getStatus()).isEqualTo(404);
        ok(call(get("/api/v1/external-funds/" + id), owner, null), 200);
        assertThat(ok(call(get("/api/v1/external-funds"), otherStaff, null), 200).findValuesAsString("id")).doesNotContain(id);
        assertThat(ok(call(get("/api/v1/external-funds"), manager, null), 200).findValuesAsString("id")).contains(id);
        String report = "/api/v1/external-funds/" + id + "/reports/1";
        assertThat(call(post(report), otherStaff, Map.of("summary", "越权报告")).getStatus()).isEqualTo(404);
        ok(call(post(report), owner, Map.of("summary", "第一季度开展活动 12 场")), 200);
        assertThat(ok(call(post(report), owner, Map.of("summary", "再交一次")), 409).toString()).contains("已提交");
        assertThat(audited("EXTERNAL_FUND_REPORT", id)).isEqualTo(1);
    }

    /** A new selection of the county: a year and category not taken yet (one per county, year and category). */
    private JsonNode openSelection() throws Exception {
        JsonNode selection = null;
        for (int attempt = 0; selection == null && attempt < 20; attempt++) {
            int year = 2000 + ThreadLocalRandom.current().nextInt(100);
            MockHttpServletResponse r = call(post("/api/v1/awards"), manager, Map.of("countyCode", COUNTY, "year", year,
                    "category", List.of("ORGANIZATION", "CASE", "PROJECT").get(attempt % 3), "winners", 2));
            selection = r.getStatus() == 200 ? json.readTree(r.getContentAsString()).get("selection") : null;
        }
        assertThat(selection).isNotNull();
        return selection;
    }

    @Test
    void aSelectionEndsInCertificatesAndACompiledPdf() throws Exception {
        JsonNode selection = openSelection();
        assertThat(call(post("/api/v1/awards"), otherCounty, Map.of("countyCode", COUNTY, "year", 2030,
                "category", "CASE", "winners", 1)).getStatus()).isEqualTo(404);
        String awards = "/api/v1/awards/" + selection.get("id").asString();
        assertThat(call(get(awards), otherCounty, null).getStatus()).isEqualTo(404);
        String selectionId = selection.get("id").asString();
        assertThat(ok(call(get("/api/v1/awards"), otherCounty, null), 200).findValuesAsString("id")).doesNotContain(selectionId);
        assertThat(ok(call(get("/api/v1/awards"), manager, null), 200).findValuesAsString("id")).contains(selectionId);
        assertThat(call(post(awards + "/nominations"), otherCounty, Map.of("nominee", "越权提名", "ownerName", "某组织",
                "summary", "越权提名摘要")).getStatus()).isEqualTo(404);
        String[] names = {"夕阳红助老服务队", "邻里守望互助会", "四点半课堂"};
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = ok(call(post(awards + "/nominations"), manager, Map.of("nominee", names[i], "ownerName", "白水县阳光社工中心",
                    "summary", "服务社区老人和儿童，坚持三年")), 200).get("id").asString();
        }
        // nomination 0: 5 members, highest and lowest dropped (90, 88, 86 → 88.00), 40 is 48 from the median 88 (outlier),
        // 99 only 11; 1: 80 81 82; 2: 95 96 97
        int[][] totals = {{90, 88, 86, 99, 40}, {80, 81, 82}, {95, 96, 97}};
        String scores = awards + "/nominations/" + ids[0] + "/scores";
        assertThat(call(post(scores), otherCounty, Map.of("member", "委员甲", "total", 90)).getStatus()).isEqualTo(404);
        assertThat(ok(call(post(scores), manager, Map.of("member", "委员甲", "total", 101)), 400).toString()).contains("0 至 100");
        for (int i = 0; i < 3; i++) {
            for (int m = 0; m < totals[i].length - (i == 1 ? 1 : 0); m++) {
                ok(call(post(awards + "/nominations/" + ids[i] + "/scores"), manager, Map.of("member", "委员" + m,
                        "total", totals[i][m])), 204);
            }
        }
        assertThat(ok(call(post(awards + "/publicity"), manager, null), 409).toString()).contains("至少需要 3 位");
        ok(call(post(awards + "/nominations/" + ids[1] + "/scores"), manager, Map.of("member", "委员2", "total", 82)), 204);
        assertThat(call(post(awards + "/publicity"), otherCounty, null).getStatus()).isEqualTo(404);
        JsonNode published = ok(call(post(awards + "/publicity"), manager, null), 200);
        assertThat(published.get("nominations").findValuesAsString("nominee")).containsExactly(names[2], names[0], names[1]);
        assertThat(published.get("nominations").get(1).get("meanScore").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(published.get("nominations").get(1).get("outliers").asInt()).isEqualTo(1);

        String objection = awards + "/nominations/" + ids[0] + "/objection";
        assertThat(call(post(objection), otherCounty, Map.of("reason", "越权")).getStatus()).isEqualTo(404);
        ok(call(post(objection), manager, Map.of("reason", "材料不实")), 204);
        assertThat(ok(call(post(awards + "/close"), manager, null), 409).toString()).contains("公示期");
        jdbc.sql("update projects.award_selections set publicity_until = current_date - 1 where id = :s")
                .param("s", UUID.fromString(selection.get("id").asString())).update();
        assertThat(call(post(awards + "/close"), otherCounty, null).getStatus()).isEqualTo(404);
        JsonNode closed = ok(call(post(awards + "/close"), manager, null), 200);
        assertThat(closed.get("nominations").get(0).get("certificateSerial").asString()).isNotBlank();
        assertThat(closed.get("nominations").get(1).get("certificateSerial").isNull()).isTrue();

        assertThat(call(get(awards + "/compilation"), otherCounty, null).getStatus()).isEqualTo(404);
        MockHttpServletResponse pdf = call(get(awards + "/compilation"), manager, null);
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(names[2]).contains("白水县阳光社工中心").doesNotContain(names[0]).doesNotContain(names[1]);
        }
        assertThat(audited("AWARD_CLOSE", selection.get("id").asString())).isEqualTo(1);
    }

    @Test
    void oneBrandPerStation() throws Exception {
        List<String> named = jdbc.sql("select station_code from projects.brands").query(String.class).list();
        String station = regions.children("610527001").stream().map(cn.wushe.region.Region::code)
                .filter(c -> !named.contains(c)).findFirst().orElseThrow();
        Map<String, Object> brand = Map.of("stationCode", station, "name", "邻里一家亲", "field", "为老服务",
                "projectIds", List.of(project));
        assertThat(call(post("/api/v1/brands"), otherCounty, brand).getStatus()).isEqualTo(404);
        assertThat(ok(call(post("/api/v1/brands"), manager, brand), 200).get("name").asString()).isEqualTo("邻里一家亲");
        assertThat(ok(call(post("/api/v1/brands"), manager, brand), 400).toString()).contains("一站一品");
        assertThat(ok(call(get("/api/v1/brands"), manager, null), 200).findValuesAsString("stationCode")).contains(station);
        assertThat(ok(call(get("/api/v1/brands"), otherCounty, null), 200).findValuesAsString("stationCode"))
                .doesNotContain(station);
    }

    @Test
    void thePagesShowWhatTheScopeAllows() throws Exception {
        String site = "/projects/" + project + "/sites/" + COMMUNITY;
        assertThat(call(post(site + "/report"), otherStaff, null).getStatus()).isEqualTo(404);
        assertThat(call(post(site + "/accept"), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/library/" + project + "/orders").param("communityCode", COMMUNITY)
                .param("roundId", another.toString()), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/library/" + project + "/orders").param("communityCode", OTHER_TOWN_COMMUNITY)
                .param("roundId", another.toString()), townStation, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/library/" + project + "/recheck").param("keep", "true"), otherCounty, null).getStatus())
                .isEqualTo(404);
        String title = jdbc.sql("select title from projects.applications where id = :a").param("a", project)
                .query(String.class).single();
        jdbc.sql("update projects.applications set in_library = true, library_checked_on = current_date where id = :a")
                .param("a", project).update();
        assertThat(call(get("/library"), manager, null).getContentAsString()).contains(title).contains("社区点单");
        assertThat(call(get("/library"), otherCounty, null).getContentAsString()).doesNotContain(title);
        String selection = openSelection().get("id").asString();
        assertThat(call(get("/awards"), manager, null).getContentAsString()).contains(selection);
        assertThat(call(get("/awards"), otherCounty, null).getContentAsString()).doesNotContain(selection);
        assertThat(call(get("/awards/" + selection), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(get("/awards/" + selection), manager, null).getStatus()).isEqualTo(200);
        assertThat(call(get("/awards/" + UUID.randomUUID()), manager, null).getStatus()).isEqualTo(404);
    }
}
