package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.WusheApplication;
import cn.wushe.identity.LoginSupport;
import cn.wushe.identity.internal.SignedInUser;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Demo mode (design §6): one account per role in 白水县, grid worker on her demo grid, not forced to
 * change the published password; and outside demo mode the same database refuses to start
 * (security.md check 6). Runs on a database of its own, so the shared test database never holds
 * accounts with the demo password.
 */
@SpringBootTest(properties = {"wushe.demo.enabled=true", "wushe.data-dir=target/test-data-demo"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoAccountsIntegrationTest {

    static final String DATA_DIR = "target/test-data-demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoAccounts demoAccounts;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SignedInUsers signedInUsers;

    private UsernamePasswordAuthenticationToken as(String username) {
        SignedInUser user = signedInUsers.of(accounts.findByUsername(username).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Test
    void everyRoleHasADemoAccountInsideBaishui() {
        List<String> held = jdbc.sql("""
                select u.username || ' ' || a.role || '@' || a.scope_code from identity.users u
                join identity.role_assignments a on a.user_id = u.id
                where u.username = any(:names) order by u.username
                """).param("names", DemoAccounts.SEEDS.stream().map(DemoAccounts.Seed::username).toArray(String[]::new))
                .query(String.class).list();
        assertThat(held).containsExactlyInAnyOrder(
                "county_admin COUNTY_ADMIN@610527", "county_station COUNTY_STATION@610527",
                "town_station TOWN_STATION@610527001", "community_worker COMMUNITY_WORKER@610527001001",
                "community_worker2 COMMUNITY_WORKER@610527001002", "grid_worker GRID_WORKER@610527001001001",
                "resident RESIDENT@610527001001", "org_staff ORG_STAFF@610527", "volunteer VOLUNTEER@610527",
                "charity_staff CHARITY_STAFF@610527", "reviewer REVIEWER@610527", "sysadmin SYSTEM_ADMIN@610527",
                "secadmin SECURITY_ADMIN@610527", "auditor AUDIT_ADMIN@610527", "team_leader TEAM_LEADER@610527",
                "store_keeper STORE_KEEPER@610527001001",
                "town_office TOWN_OFFICE@610527001", "evaluator EVALUATOR@610527",
                "street_staff UNIT_STAFF@610527", "street_lead UNIT_LEAD@610527",
                "dept_staff UNIT_STAFF@610527", "dept_lead UNIT_LEAD@610527");
    }

    @Test
    void demoAccountsSignInWithThePublishedPasswordAndAreNotForcedToChangeIt() throws Exception {
        LoginSupport login = new LoginSupport(mvc);
        for (DemoAccounts.Seed seed : DemoAccounts.SEEDS) {
            // the three administrators are asked for their second factor (the published demo secret) next
            String next = SecondFactors.ADMINISTRATORS.contains(seed.role().name()) ? "/login/second-factor" : "/";
            assertThat(login.submit(seed.username(), DemoAccounts.PASSWORD).getResponse().getRedirectedUrl())
                    .as(seed.username()).isEqualTo(next);
        }
    }

    @Test
    void gridWorkerIsAssignedToHerDemoGrid() throws Exception {
        UUID worker = accounts.findByUsername("grid_worker").orElseThrow().id();
        mvc.perform(get("/api/v1/grids/610527001001001").with(authentication(as("county_admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workers[*].userId").value(org.hamcrest.Matchers.hasItem(worker.toString())));
    }

    @Test
    void seedingTwiceChangesNothing() throws Exception {
        int before = jdbc.sql("select count(*) from identity.users").query(Integer.class).single();
        demoAccounts.run(null);
        assertThat(jdbc.sql("select count(*) from identity.users").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void accountsOpenedInDemoModeMustStillChangeTheirInitialPassword() throws Exception {
        String name = "demo" + UUID.randomUUID().toString().substring(0, 8);
        String body = mvc.perform(post("/api/v1/users").with(csrf()).with(authentication(as("sysadmin")))
                        .contentType("application/json")
                        .content("{\"username\":\"" + name + "\",\"displayName\":\"新同事\",\"homeRegionCode\":\"610527001\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String initial = JsonPath.read(body, "$.initialPassword");
        assertThat(new LoginSupport(mvc).submit(name, initial).getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");
    }

    @Test
    void outsideDemoModeTheApplicationRefusesToStartOnThisDatabase() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WusheApplication.class)
                .profiles("test")
                .run("--wushe.data-dir=" + DATA_DIR, "--wushe.demo.enabled=false", "--server.port=0",
                        "--wushe.regions.import-on-start=false")
                .close())
                .hasStackTraceContaining("拒绝启动：非演示模式下，以下账号仍使用公开的演示密码")
                .hasStackTraceContaining("sysadmin");
    }
}
