package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue [U] 7: the administrators' pages show units and scopes by name, and a scope is picked from
 * the region tree inside the administrator's own scope, never typed as a code.
 */
@IdentityIntegrationTest
class AdminPickersIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    @Test
    void usersShowTheirUnitByNameAndScopesArePickedFromTheAdminsOwnTree() throws Exception {
        TestAccounts.Account sysadmin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        TestAccounts.Account secadmin = accounts.create("610527", "SECURITY_ADMIN@610527");
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");

        String users = page(sysadmin, "/admin/users?q=" + worker.username());
        assertThat(users).contains("id=\"homeRegionCode\"", "<option value=\"610527001001\"", "title=\"610527001001\">道北社区")
                .doesNotContain(">610527001001</td>", "value=\"610526\"", "所属单位区划代码");

        String roles = page(secadmin, "/admin/roles/" + worker.id());
        assertThat(roles).contains("<select class=\"form-select\" id=\"scopeCode\"", "<option value=\"610527001\"", "城关街道")
                .doesNotContain("管辖范围代码", "value=\"610526001\"");
    }

    private String page(TestAccounts.Account admin, String path) throws Exception {
        return mvc.perform(get(path).with(authentication(accounts.authentication(admin.id()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
