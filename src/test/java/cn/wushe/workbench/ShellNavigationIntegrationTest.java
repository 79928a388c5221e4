package cn.wushe.workbench;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The shell shows each actor the tiles and top-bar entries the modules contribute for their permissions, and nothing else. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ShellNavigationIntegrationTest {

    @Autowired
    MockMvc mvc;

    /** A later module (care visits) reporting its due items through the platform's extension point. */
    @TestConfiguration(proxyBeanMethods = false)
    static class LaterModule {

        @Bean
        PendingWorkContributor visitsDue() {
            return (Actor actor) -> actor.can(Permission.PERSON_EDIT)
                    ? List.of(new PendingWork(300, "走访到期", 2, 1, "/care/visits?due=true"), PendingWork.of(310, "无事可做", 0, "/x"))
                    : List.of();
        }
    }

    @Test
    void theWorkbenchOpensWithAPendingPanelThatLaterModulesExtend() throws Exception {
        TestActor worker = TestActor.of("nav-pending", "GRID_WORKER", "610527102201001",
                Permission.PERSON_EDIT, Permission.PERSON_VIEW, Permission.PERSON_SEARCH);
        mvc.perform(get("/").with(authentication(worker.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("待办"), containsString("走访到期"),
                        containsString("2 项"), containsString("其中 1 项已超期"), containsString("href=\"/care/visits?due=true\""),
                        not(containsString("无事可做")))));
        TestActor auditor = TestActor.of("nav-pending-audit", "AUDIT_ADMIN", "610527", Permission.AUDIT_READ);
        mvc.perform(get("/").with(authentication(auditor.authentication())))
                .andExpect(content().string(allOf(containsString("暂无待办事项"), not(containsString("走访到期")))));
    }

    @Test
    void apiTokensAreInTheAccountMenuOfRolesThatIntegrateNotATileAndNotForResidents() throws Exception {
        TestActor worker = TestActor.of("nav-tokens", "COMMUNITY_WORKER", "610527102201", Permission.PERSON_VIEW);
        mvc.perform(get("/").with(authentication(worker.authentication())))
                .andExpect(content().string(allOf(containsString("class=\"dropdown-item\" href=\"/account/tokens\""),
                        not(containsString("为对接系统创建")))));
        TestActor resident = TestActor.of("nav-resident", "RESIDENT", "610527102201", Permission.SELF_SERVICE);
        mvc.perform(get("/").with(authentication(resident.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("待办"), not(containsString("/account/tokens")))));
    }

    @Test
    void aGridWorkerSeesPeopleAndTheirGridButNoAdministration() throws Exception {
        TestActor worker = TestActor.of("nav-grid", "GRID_WORKER", "610527102201001",
                Permission.PERSON_EDIT, Permission.PERSON_VIEW, Permission.GRID_VIEW, Permission.PERSON_SEARCH);

        mvc.perform(get("/").with(authentication(worker.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/people\""), containsString("我的网格"), containsString("区划查询"),
                        containsString("API 访问令牌"),
                        not(containsString("网格管理")), not(containsString("href=\"/admin/users\"")),
                        not(containsString("href=\"/audit\"")), not(containsString("href=\"/people/imports\"")))));
    }

    @Test
    void theAuditAdministratorSeesTheAuditLogOnly() throws Exception {
        TestActor auditor = TestActor.of("nav-audit", "AUDIT_ADMIN", "610527", Permission.AUDIT_READ);

        mvc.perform(get("/").with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<a class=\"nav-link\" href=\"/audit\">审计日志</a>"), containsString("查询操作记录"),
                        not(containsString("href=\"/people\"")), not(containsString("href=\"/grids\"")),
                        not(containsString("href=\"/admin/roles\"")))));
    }

    @Test
    void aGridEditorSeesGridManagementUnderTheShortMenuName() throws Exception {
        TestActor town = TestActor.of("nav-town", "TOWN_STATION", "610527102",
                Permission.GRID_VIEW, Permission.GRID_EDIT, Permission.PERSON_VIEW, Permission.PERSON_IMPORT);

        mvc.perform(get("/").with(authentication(town.authentication())))
                .andExpect(content().string(allOf(
                        containsString("网格管理"), not(containsString("我的网格")),
                        containsString("<a class=\"dropdown-item\" href=\"/grids\">网格</a>"),
                        containsString("href=\"/people/imports\""))));
    }

    @Test
    void aModulesSeveralPagesShareOneDropDown() throws Exception {
        TestActor county = TestActor.of("nav-county", "COUNTY_ADMIN", "610527", Permission.VOLUNTEER_VIEW,
                Permission.ACTIVITY_MANAGE, Permission.HONOUR_AWARD, Permission.AUDIT_READ);

        String page = mvc.perform(get("/").with(authentication(county.authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(page).as("volunteering's pages in one drop-down")
                .containsPattern("<a class=\"nav-link dropdown-toggle\"[^>]*\\s+id=\"menu-\\d+\">活动组织</a>")
                .contains("<a class=\"dropdown-item\" href=\"/volunteering/manage\">", "<a class=\"dropdown-item\" href=\"/volunteering/honours\">")
                .doesNotContain("<a class=\"nav-link\" href=\"/volunteering")
                .contains("<a class=\"nav-link\" href=\"/audit\">");
    }
}
