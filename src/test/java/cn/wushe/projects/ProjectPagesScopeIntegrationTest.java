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
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages of rounds and projects against callers outside the scope: another county's manager,
 * another organization's staff, a reviewer without the assignment, an evaluator not assigned. Each
 * meets 404 on the round or application it may not see, and nothing changes; the owner and the
 * manager reach the same pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectPagesScopeIntegrationTest {

    @Autowired
    MockMvc mvc;

    final TestActor manager = ProjectFixtures.manager();
    final TestActor otherCounty = ProjectFixtures.actor("pucheng", "610526", Permission.ROUND_MANAGE, Permission.PROJECT_VIEW,
            Permission.ORG_OWN);
    final TestActor reviewer = ProjectFixtures.actor("reviewer", COUNTY, Permission.APPLICATION_SCORE);
    final TestActor evaluator = ProjectFixtures.actor("evaluator", COUNTY, Permission.PROJECT_EVALUATE);
    TestActor owner;
    TestActor otherStaff;
    UUID round;
    UUID application;

    @BeforeAll
    void fixture(@Autowired TransactionTemplate tx, @Autowired OrganizationRegister register,
            @Autowired RoundManagement rounds, @Autowired Applying applying) {
        UnitId a = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("页面范围甲")));
        UnitId b = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("页面范围乙")));
        owner = ProjectFixtures.staff(a);
        otherStaff = ProjectFixtures.staff(b);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        round = tx.execute(s -> rounds.open(manager, new RoundManagement.NewRound("MICRO", "页面范围测试微项目", "民政局",
                new BigDecimal("50000"), today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", new BigDecimal("20000"))),
                null, 6, COUNTY))).id();
        application = tx.execute(s -> applying.start(owner, round)).id();
        tx.executeWithoutResult(s -> pool.enter(manager, COUNTY, expert, "页面范围专家", List.of("为老服务"), "高校", null, null,
                null, null, null));
    }

    @Autowired
    cn.wushe.projects.internal.ExpertPool pool;

    final UUID expert = UUID.randomUUID();

    @Test
    void theExpertPoolIsTheManagersCountyOnly() throws Exception {
        var other = authentication(otherCounty.authentication());
        assertThat(mvc.perform(get("/experts").with(other)).andReturn().getResponse().getContentAsString())
                .doesNotContain("页面范围专家");
        assertThat(mvc.perform(get("/experts").with(authentication(manager.authentication()))).andReturn().getResponse()
                .getContentAsString()).contains("页面范围专家");
        assertThat(mvc.perform(post("/experts/" + expert + "/exit").with(csrf()).with(other).param("reason", "越权"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post("/experts").with(csrf()).with(other).param("username", "nobody").param("name", "外县专家")
                .param("fields", "为老服务").param("employer", "x").param("countyCode", COUNTY));
        assertThat(mvc.perform(get("/experts").with(authentication(manager.authentication()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("外县专家").contains("页面范围专家");
    }

    private TestActor who(String name) {
        return switch (name) {
            case "otherCounty" -> otherCounty;
            case "otherStaff" -> otherStaff;
            case "reviewer" -> reviewer;
            case "evaluator" -> evaluator;
            case "owner" -> owner;
            default -> manager;
        };
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "otherCounty,GET,/rounds/R,404", "otherCounty,POST,/rounds/R/close,404", "otherCounty,POST,/rounds/R/decide,404",
            "otherCounty,POST,/rounds/R/apply,404",
            "otherCounty,GET,/projects/A,404", "otherStaff,GET,/projects/A,404", "reviewer,GET,/reviews/A,404",
            "evaluator,GET,/projects/A,404", "otherStaff,POST,/projects/A/draft,404", "otherStaff,POST,/projects/A/submit,404",
            "otherCounty,POST,/projects/A/correction,404", "otherCounty,POST,/projects/A/confirm,404",
            "otherStaff,POST,/projects/A/reports/1,404", "otherCounty,POST,/projects/A/instalments/1/pay,404",
            "otherCounty,POST,/projects/A/evaluator,404", "evaluator,POST,/projects/A/evaluation,404",
            "otherCounty,POST,/projects/A/financial-audit,404", "otherCounty,POST,/projects/A/accept,404",
            "reviewer,POST,/reviews/A/declaration,404", "reviewer,POST,/reviews/A/scores,404",
            "owner,GET,/projects/A,200", "manager,GET,/projects/A,200", "owner,GET,/rounds/R,200", "manager,GET,/rounds/R,200"})
    void outsideTheScopeNothingExists(String actor, String method, String path, int expected) throws Exception {
        String resolved = path.replace("/R", "/" + round).replace("/A", "/" + application);
        var request = (method.equals("GET") ? get(resolved) : post(resolved).with(csrf()).param("evaluatorId",
                UUID.randomUUID().toString()).param("version", "0"))
                .with(authentication(who(actor).authentication()));
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(expected);
    }

    @Test
    void listsShowOnlyWhatIsInScope() throws Exception {
        String other = mvc.perform(get("/rounds").with(authentication(otherCounty.authentication()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(other).doesNotContain("页面范围测试微项目");
        String mine = mvc.perform(get("/rounds").with(authentication(owner.authentication()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("页面范围测试微项目");
        assertThat(mvc.perform(get("/reviews").with(authentication(reviewer.authentication()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(application.toString());
        assertThat(mvc.perform(get("/evaluations").with(authentication(evaluator.authentication()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(application.toString());
        assertThat(mvc.perform(get("/rounds/new").with(authentication(manager.authentication()))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        int refused = mvc.perform(post("/rounds").with(csrf()).with(authentication(otherCounty.authentication()))
                .param("kind", "VENTURE").param("title", "外县越权轮次").param("funder", "民政局").param("budget", "1000")
                .param("opensOn", "2026-12-01").param("closesOn", "2026-12-30").param("scoringDeadline", "2027-01-10")
                .param("field", "为老服务").param("ceiling", "500").param("regionCode", COUNTY)).andReturn().getResponse().getStatus();
        assertThat(refused).isEqualTo(403);
    }
}
