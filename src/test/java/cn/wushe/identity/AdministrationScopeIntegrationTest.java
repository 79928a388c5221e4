package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * security.md checks 7 and 11: every administration endpoint, pages and API, answers 404 for an
 * account of the neighbouring county (蒲城县 610526), and 403 to anyone without the administrator's
 * permission. Adding an endpoint means adding a row here.
 */
@IdentityIntegrationTest
class AdministrationScopeIntegrationTest {

    /** Who may call it: the system administrator (accounts) or the security administrator (roles). */
    enum Duty {
        ACCOUNTS, ROLES
    }

    enum Endpoint {
        API_USER(Duty.ACCOUNTS, HttpMethod.GET, "/api/v1/users/{user}", null),
        API_DISABLE(Duty.ACCOUNTS, HttpMethod.POST, "/api/v1/users/{user}/disable", null),
        API_ENABLE(Duty.ACCOUNTS, HttpMethod.POST, "/api/v1/users/{user}/enable", null),
        API_UNLOCK(Duty.ACCOUNTS, HttpMethod.POST, "/api/v1/users/{user}/unlock", null),
        API_RESET(Duty.ACCOUNTS, HttpMethod.POST, "/api/v1/users/{user}/reset-password", null),
        API_ROLES(Duty.ROLES, HttpMethod.GET, "/api/v1/users/{user}/roles", null),
        API_GRANT(Duty.ROLES, HttpMethod.POST, "/api/v1/users/{user}/roles", "{\"role\":\"RESIDENT\",\"scopeCode\":\"610527001001\"}"),
        API_REVOKE(Duty.ROLES, HttpMethod.DELETE, "/api/v1/users/{user}/roles/{assignment}", null),
        PAGE_USER(Duty.ACCOUNTS, HttpMethod.GET, "/admin/users/{user}", null),
        PAGE_DISABLE(Duty.ACCOUNTS, HttpMethod.POST, "/admin/users/{user}/disable", null),
        PAGE_ENABLE(Duty.ACCOUNTS, HttpMethod.POST, "/admin/users/{user}/enable", null),
        PAGE_UNLOCK(Duty.ACCOUNTS, HttpMethod.POST, "/admin/users/{user}/unlock", null),
        PAGE_RESET(Duty.ACCOUNTS, HttpMethod.POST, "/admin/users/{user}/reset-password", null),
        PAGE_ROLES(Duty.ROLES, HttpMethod.GET, "/admin/roles/{user}", null),
        PAGE_GRANT(Duty.ROLES, HttpMethod.POST, "/admin/roles/{user}?role=RESIDENT&scopeCode=610527001001", null),
        PAGE_REVOKE(Duty.ROLES, HttpMethod.POST, "/admin/roles/{user}/revoke/{assignment}", null);

        final Duty duty;
        final HttpMethod method;
        final String path;
        final String json;

        Endpoint(Duty duty, HttpMethod method, String path, String json) {
            this.duty = duty;
            this.method = method;
            this.path = path;
            this.json = json;
        }

        MockHttpServletRequestBuilder on(TestAccounts.Account user, UUID assignment) {
            MockHttpServletRequestBuilder builder = request(method,
                    path.replace("{user}", user.id().toString()).replace("{assignment}", assignment.toString()));
            return json == null ? builder : builder.contentType("application/json").content(json);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    AdminSupport admin;

    @BeforeEach
    void setUp() {
        admin = new AdminSupport(mvc, accounts, jdbc);
    }

    private TestAccounts.Account administratorFor(Duty duty) {
        return duty == Duty.ACCOUNTS ? accounts.create("610527", "SYSTEM_ADMIN@610527")
                : accounts.create("610527", "SECURITY_ADMIN@610527");
    }

    private int call(Endpoint endpoint, TestAccounts.Account caller, TestAccounts.Account target) throws Exception {
        UUID assignment = accounts.principal(target.id()).assignments().getFirst().id();
        return mvc.perform(endpoint.on(target, assignment).with(csrf()).with(admin.as(caller)))
                .andReturn().getResponse().getStatus();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void accountOfTheNeighbouringCountyIsNotFound(Endpoint endpoint) throws Exception {
        TestAccounts.Account neighbour = accounts.create("610526001001", "COMMUNITY_WORKER@610526001001");
        TestAccounts.Account own = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        TestAccounts.Account caller = administratorFor(endpoint.duty);
        assertThat(call(endpoint, caller, neighbour)).isEqualTo(404);
        assertThat(call(endpoint, caller, own)).isNotIn(403, 404);
        assertThat(accounts.principal(neighbour.id()).roles()).containsExactly("COMMUNITY_WORKER");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void callersWithoutTheAdministratorsPermissionAreRefused(Endpoint endpoint) throws Exception {
        TestAccounts.Account own = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        TestAccounts.Account wrongAdministrator = administratorFor(endpoint.duty == Duty.ACCOUNTS ? Duty.ROLES : Duty.ACCOUNTS);
        for (TestAccounts.Account caller : new TestAccounts.Account[] {
                accounts.create("610527", "COUNTY_ADMIN@610527"), accounts.create("610527", "AUDIT_ADMIN@610527"),
                wrongAdministrator}) {
            boolean readAsSecurityAdministrator = endpoint == Endpoint.API_USER && caller == wrongAdministrator;
            assertThat(call(endpoint, caller, own)).isEqualTo(readAsSecurityAdministrator ? 200 : 403);
        }
    }

    @Test
    void theAdministratorsListPagesLeaveOutTheNeighbouringCountysAccounts() throws Exception {
        TestAccounts.Account neighbour = accounts.create("610526001001", "COMMUNITY_WORKER@610526001001");
        TestAccounts.Account own = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        for (Duty duty : Duty.values()) {
            String page = duty == Duty.ACCOUNTS ? "/admin/users" : "/admin/roles";
            TestAccounts.Account caller = administratorFor(duty);
            assertThat(listed(page, caller, own)).as(page).isTrue();
            assertThat(listed(page, caller, neighbour)).as(page).isFalse();
        }
    }

    @Test
    void theAccountFormRefusesAUnitOfTheNeighbouringCounty() throws Exception {
        String username = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        mvc.perform(post("/admin/users").with(csrf()).with(admin.as(administratorFor(Duty.ACCOUNTS)))
                        .param("username", username).param("displayName", "乙").param("homeRegionCode", "610526001"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from identity.users where username = :u").param("u", username)
                .query(Long.class).single()).isZero();
    }

    private boolean listed(String page, TestAccounts.Account caller, TestAccounts.Account account) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(page).param("q", account.username()).with(admin.as(caller)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString().contains(page + "/" + account.id()); // the search box echoes the username
    }
}
