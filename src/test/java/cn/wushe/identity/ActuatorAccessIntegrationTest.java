package cn.wushe.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * security.md item 10 (actuator): health, liveness and readiness answer probes without signing in
 * and without details; metrics and info only the system administrator.
 */
@IdentityIntegrationTest
class ActuatorAccessIntegrationTest extends AccountTestBase {

    @Test
    void probesNeedNoSignInAndSeeNoDetails() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void metricsAndInfoAreForTheSystemAdministratorOnly() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        TestAccounts.Account secadmin = accounts.create("610527", "SECURITY_ADMIN@610527");
        TestAccounts.Account sysadmin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        mvc.perform(get("/actuator/metrics")).andExpect(status().is4xxClientError());
        mvc.perform(get("/actuator/metrics").with(authentication(accounts.authentication(worker.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").with(authentication(accounts.authentication(secadmin.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(authentication(accounts.authentication(sysadmin.id()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.names").isArray());
        mvc.perform(get("/actuator/info").with(authentication(accounts.authentication(sysadmin.id()))))
                .andExpect(status().isOk());
    }
}
