package cn.wushe.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import cn.wushe.units.CreditCodeCivilAffairsUnitTest;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * Organizations and their communities: 报到 (the organization reports itself, its community confirms
 * and then sees its projects; a sibling community, another county and another organization meet 404),
 * the county's residents per community and the per-10,000 counts (a town office and another county
 * 404), and a deregistration revoked (撤销注销) with both steps in the history.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationCommunityIntegrationTest {

    static final String COMMUNITY = "610527001003";
    static final String SIBLING = "610527001004";
    /** A town no other test files community organizations in: its figures are this test's. */
    static final String[] QUIET = {"610527104001", "610527104200"};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    static TestActor actor(String name, String scope, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        for (Permission p : permissions) {
            grants.put(p, List.of(new RegionScope(scope)));
        }
        return new TestActor(UUID.nameUUIDFromBytes((name + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), name, name,
                Set.of("TEST"), grants);
    }

    final TestActor admin = actor("county_admin", "610527", Permission.ORG_VIEW, Permission.ORG_MANAGE, Permission.ROUND_MANAGE,
            Permission.PROJECT_VIEW);
    final TestActor townOffice = actor("town_office", "610527001", Permission.ORG_VIEW, Permission.ORG_MANAGE);
    final TestActor otherCounty = actor("pucheng", "610526", Permission.ORG_VIEW, Permission.ORG_MANAGE,
            Permission.ORG_CHECKIN_CONFIRM);
    final TestActor community = actor("community", COMMUNITY, Permission.ORG_CHECKIN_CONFIRM);
    final TestActor sibling = actor("sibling", SIBLING, Permission.ORG_CHECKIN_CONFIRM);
    UnitId reporting;
    UnitId other;
    TestActor staff;
    TestActor otherStaff;
    String projectTitle;

    @BeforeAll
    void fixture(@Autowired TransactionTemplate tx, @Autowired OrganizationRegister register,
            @Autowired RoundManagement rounds, @Autowired Applying applying) {
        reporting = tx.execute(s -> registered(register, "52", "SOCIAL_SERVICE", "报到测试社工中心"));
        other = tx.execute(s -> registered(register, "51", "SOCIAL_GROUP", "报到测试协会"));
        staff = actor("staff", "610527", Permission.ORG_OWN).inUnits(reporting.value());
        otherStaff = actor("other_staff", "610527", Permission.ORG_OWN).inUnits(other.value());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        UUID round = tx.execute(s -> rounds.open(admin, new RoundManagement.NewRound("MICRO", "报到测试微项目", "民政局",
                new BigDecimal("100000"), today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", new BigDecimal("80000"))),
                null, 6, "610527"))).id();
        UUID project = tx.execute(s -> applying.start(staff, round)).id();
        projectTitle = "报到社区助老" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("update projects.applications set status = 'CONFIRMED', awarded = 30000, requested = 30000, title = :t where id = :a")
                .param("t", projectTitle).param("a", project).update();
        for (String code : QUIET) {
            tx.executeWithoutResult(s -> register.register(admin, UnitId.random(), new OrganizationRegister.NewOrganization(
                    "COMMUNITY", "人口测试文体队" + UUID.randomUUID().toString().substring(0, 6), code, null, "王秀兰", null, null,
                    "NONE", "文体", "CULTURE_SPORTS_TEAM", 12, "章程"), null));
        }
    }

    private static UnitId registered(OrganizationRegister register, String category, String kind, String name) {
        UnitId id = UnitId.random();
        String org8 = "MC" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        register.register(actorFor(), id, new OrganizationRegister.NewOrganization(kind,
                name + UUID.randomUUID().toString().substring(0, 6), "610527",
                CreditCodeCivilAffairsUnitTest.valid(category, "610527", org8), "李建华", "610527198003150010", null, "NONE",
                "为老服务", null, null, null), null);
        return id;
    }

    private static TestActor actorFor() {
        return actor("registrar", "610527", Permission.ORG_VIEW, Permission.ORG_MANAGE);
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

    @Test
    void aCommunityConfirmsAReportAndThenSeesTheProjects() throws Exception {
        String checkins = "/api/v1/organizations/" + reporting + "/checkins";
        Map<String, String> body = Map.of("communityCode", COMMUNITY, "services", "独居老人探访、助餐");
        assertThat(call(post(checkins), otherStaff, body).getStatus()).isEqualTo(404);
        assertThat(ok(call(post(checkins), staff, Map.of("communityCode", "610526001001", "services", "探访")), 400).toString())
                .contains("本县");
        assertThat(ok(call(post(checkins), staff, body), 201).get("status").asString()).isEqualTo("REPORTED");
        assertThat(ok(call(post(checkins), staff, body), 400).toString()).contains("不能重复报到");

        String name = jdbc.sql("select name from organizations.organizations where id = :id").param("id", reporting.value())
                .query(String.class).single();
        assertThat(ok(call(get("/api/v1/organizations/checkins"), community, null), 200).findValuesAsString("organizationName"))
                .contains(name);
        assertThat(ok(call(get("/api/v1/organizations/checkins"), sibling, null), 200).findValuesAsString("organizationName"))
                .doesNotContain(name);
        assertThat(ok(call(get("/api/v1/organizations/checkins"), otherCounty, null), 200)
                .findValuesAsString("organizationName")).doesNotContain(name);
        assertThat(call(get("/organizations/checkins"), community, null).getContentAsString()).contains(name).contains("确认报到");
        assertThat(call(get("/organizations/checkins"), sibling, null).getContentAsString()).doesNotContain(name);

        // before confirmation the community sees no project of the organization
        assertThat(call(get("/api/v1/projects/checked-in"), community, null).getContentAsString()).doesNotContain(projectTitle);
        String decision = checkins + "/" + COMMUNITY + "/decision";
        assertThat(call(post(decision), sibling, Map.of("confirm", true)).getStatus()).isEqualTo(404);
        assertThat(call(post(decision), otherCounty, Map.of("confirm", true)).getStatus()).isEqualTo(404);
        assertThat(call(post("/organizations/" + reporting + "/checkins/" + COMMUNITY + "/decision").param("confirm", "true"),
                sibling, null).getStatus()).isEqualTo(404);
        assertThat(ok(call(post(decision), community, Map.of("confirm", false)), 400).toString()).contains("理由");
        assertThat(ok(call(post(decision), community, Map.of("confirm", true)), 200).get("status").asString())
                .isEqualTo("CONFIRMED");
        assertThat(ok(call(post(decision), community, Map.of("confirm", true)), 409).toString()).contains("处理过");
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'ORGANIZATION_CHECKIN_CONFIRM' and object_id = :o")
                .param("o", reporting.toString()).query(Long.class).single()).isEqualTo(1);

        assertThat(ok(call(get("/api/v1/projects/checked-in"), community, null), 200).findValuesAsString("title"))
                .contains(projectTitle);
        assertThat(ok(call(get("/api/v1/projects/checked-in"), sibling, null), 200).findValuesAsString("title"))
                .doesNotContain(projectTitle);
        assertThat(ok(call(get("/api/v1/projects/checked-in"), otherCounty, null), 200).findValuesAsString("title"))
                .doesNotContain(projectTitle);
        assertThat(call(get("/community/projects"), community, null).getContentAsString()).contains(projectTitle);
        assertThat(call(get("/community/projects"), sibling, null).getContentAsString()).doesNotContain(projectTitle);

        // the page form: another organization's staff 404, the own staff back to its page
        assertThat(call(post("/organizations/" + reporting + "/checkins").param("communityCode", SIBLING)
                .param("services", "助餐"), otherStaff, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/organizations/" + reporting + "/checkins").param("communityCode", SIBLING)
                .param("services", "助餐"), staff, null).getRedirectedUrl()).isEqualTo("/organizations/" + reporting);
        assertThat(call(get("/organizations/" + reporting), staff, null).getContentAsString()).contains("待社区确认");
    }

    @Test
    void theCountyKeepsResidentsAndTheCountsPerTenThousandFollow() throws Exception {
        String[] paths = {"/api/v1/organizations/population/" + QUIET[0], "/api/v1/organizations/population/" + QUIET[1]};
        Map<String, Integer> figure = Map.of("residents", 3000, "year", 2025);
        assertThat(call(put(paths[0]), townOffice, figure).getStatus()).isEqualTo(404);
        assertThat(call(put(paths[0]), otherCounty, figure).getStatus()).isEqualTo(404);
        assertThat(ok(call(put(paths[0]), admin, Map.of("residents", 0, "year", 2025)), 400).toString()).contains("常住人口");
        ok(call(put(paths[0]), admin, figure), 200);
        ok(call(put(paths[1]), admin, Map.of("residents", 1000, "year", 2025)), 200);
        assertThat(call(get("/api/v1/organizations/population"), townOffice, null).getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/organizations/population"), otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(ok(call(get("/api/v1/organizations/population"), admin, null), 200).toString()).contains(QUIET[0]);
        assertThat(call(get("/organizations/population"), townOffice, null).getStatus()).isEqualTo(404);
        assertThat(call(get("/organizations/population"), admin, null).getContentAsString()).contains("每万人社区社会组织数");
        assertThat(call(post("/organizations/population/" + QUIET[0]).param("residents", "3000").param("year", "2025"),
                otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(post("/organizations/population/" + QUIET[0]).param("residents", "3000").param("year", "2025"),
                admin, null).getStatus()).isEqualTo(302);

        // hand-computed: the organizations filed in the two communities over their 4,000 residents
        long counted = jdbc.sql("select count(*) from organizations.organizations where kind = 'COMMUNITY' and status = 'ACTIVE' "
                + "and region_code in ('" + QUIET[0] + "', '" + QUIET[1] + "')").query(Long.class).single();
        long inTown = jdbc.sql("select count(*) from organizations.community_population where community_code like '610527104%'")
                .query(Long.class).single();
        JsonNode town = null;
        for (JsonNode row : ok(call(get("/api/v1/organizations/density"), admin, null), 200)) {
            if (row.get("code").asString().equals("610527104")) {
                town = row;
            }
        }
        assertThat(town).isNotNull();
        if (inTown == 2) {
            assertThat(town.get("residents").asLong()).isEqualTo(4000);
            assertThat(town.get("per10k").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(counted * 10_000)
                    .divide(BigDecimal.valueOf(4000), 2, RoundingMode.HALF_UP));
        }
        assertThat(town.get("counted").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ok(call(get("/api/v1/organizations/density"), otherCounty, null), 200).findValuesAsString("code"))
                .doesNotContain("610527104", "610527");
    }

    @Test
    void aMistakenDeregistrationIsRevokedWithItsHistory() throws Exception {
        String api = "/api/v1/organizations/" + other;
        ok(call(post(api + "/deregister"), admin, Map.of("reason", "误以为已停止活动")), 200);
        assertThat(call(post(api + "/reinstate"), otherCounty, Map.of("reason", "办错了")).getStatus()).isEqualTo(404);
        assertThat(call(post(api + "/reinstate"), otherStaff, Map.of("reason", "办错了")).getStatus()).isEqualTo(403);
        assertThat(call(post("/organizations/" + other + "/reinstate").param("reason", "办错了"), otherCounty, null).getStatus())
                .isEqualTo(404);
        assertThat(ok(call(post(api + "/reinstate"), admin, Map.of("reason", "")), 400).toString()).contains("撤销注销的理由");
        JsonNode back = ok(call(post(api + "/reinstate"), admin, Map.of("reason", "注销办错了，组织仍在活动")), 200);
        assertThat(back.get("active").asBoolean()).isTrue();
        assertThat(back.findValuesAsString("after")).contains("注销：误以为已停止活动", "撤销注销：注销办错了，组织仍在活动");
        assertThat(jdbc.sql("select active from units.units where id = :id").param("id", other.value()).query(Boolean.class)
                .single()).isTrue();
        assertThat(ok(call(post(api + "/reinstate"), admin, Map.of("reason", "再来一次")), 409).toString()).contains("未注销");
        // the page: deregister and revoke again, back to the organization with the notice
        ok(call(post(api + "/deregister"), admin, Map.of("reason", "第二次误注销")), 200);
        assertThat(call(post("/organizations/" + other + "/reinstate").param("reason", "第二次也办错了"), admin, null)
                .getRedirectedUrl()).isEqualTo("/organizations/" + other);
        assertThat(call(get("/organizations/" + other), admin, null).getContentAsString()).contains("撤销注销：第二次也办错了");
    }

    @Test
    void theBureauKeepsGradesReportsAndIncubationFromThePage() throws Exception {
        String page = "/organizations/" + reporting;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(call(post(page + "/grade").param("grade", "4").param("validUntil", today.plusYears(3).toString()),
                otherCounty, null).getStatus()).isEqualTo(404);
        assertThat(call(post(page + "/grade").param("grade", "4").param("validUntil", today.plusYears(3).toString()),
                townOffice, null).getStatus()).isEqualTo(404);
        assertThat(call(post(page + "/grade").param("grade", "4").param("validUntil", today.plusYears(3).toString()),
                admin, null).getRedirectedUrl()).isEqualTo(page);
        assertThat(jdbc.sql("select grade from organizations.organizations where id = :id").param("id", reporting.value())
                .query(Integer.class).single()).isEqualTo(4);

        int year = 2000 + ThreadLocalRandom.current().nextInt(20);
        assertThat(call(post(page + "/annual-reports").param("year", String.valueOf(year)).param("result", "UNQUALIFIED"),
                otherCounty, null).getStatus()).isEqualTo(404);
        call(post(page + "/annual-reports").param("year", String.valueOf(year)).param("result", "UNQUALIFIED"), admin, null);
        String name = jdbc.sql("select name from organizations.organizations where id = :id").param("id", reporting.value())
                .query(String.class).single();
        assertThat(call(get("/organizations/abnormal"), admin, null).getContentAsString()).contains(name).contains("在名录中");
        assertThat(call(get("/organizations/abnormal"), otherCounty, null).getContentAsString()).doesNotContain(name);
        assertThat(call(get(page), admin, null).getContentAsString()).contains(year + " 年：不合格").contains("登记进驻申请");

        String step = page + "/incubation/";
        assertThat(call(post(step + "apply"), otherCounty, null).getStatus()).isEqualTo(404);
        if (jdbc.sql("select count(*) from organizations.incubations where organization_id = :id and stage in "
                + "('APPLIED', 'INCUBATING', 'EVALUATED')").param("id", reporting.value()).query(Long.class).single() == 0) {
            call(post(step + "apply"), admin, null);
            call(post(step + "admit").param("termUntil", today.plusMonths(6).toString()).param("place", "孵化基地 201 室"), admin, null);
            call(post(step + "service").param("kind", "CAPACITY_BUILDING").param("note", "财务制度培训"), admin, null);
            MockHttpServletResponse evaluated = call(post(step + "evaluate").param("check_GOVERNANCE", "true")
                    .param("check_FINANCE", "true").param("check_STAFF", "true").param("check_PROJECT", "true")
                    .param("check_REGISTRATION", "true"), admin, null);
            assertThat(evaluated.getRedirectedUrl()).isEqualTo(page);
            var graduated = mvc.perform(post(step + "graduate").with(authentication(admin.authentication())).with(csrf()))
                    .andReturn().getFlashMap();
            assertThat(String.valueOf(graduated.get("notice"))).contains("出壳证书编号");
            assertThat(jdbc.sql("select stage from organizations.incubations where organization_id = :id order by applied_at desc "
                    + "limit 1").param("id", reporting.value()).query(String.class).single()).isEqualTo("GRADUATED");
        }
    }
}
