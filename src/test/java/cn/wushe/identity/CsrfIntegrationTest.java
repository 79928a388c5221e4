package cn.wushe.identity;

import static cn.wushe.identity.LoginSupport.browser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** security.md check 15: a state change authenticated by the session cookie needs the CSRF token. */
@IdentityIntegrationTest
class CsrfIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    MockHttpSession session;

    TestAccounts.Account user;

    @BeforeEach
    void signIn() throws Exception {
        user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        session = new LoginSupport(mvc).signIn(user.username(), user.password());
        mvc.perform(get("/account/tokens").with(browser(session))).andExpect(status().isOk());
    }

    @Test
    void pagePostWithoutTokenIsRefused() throws Exception {
        mvc.perform(post("/account/tokens").with(browser(session)).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").with(browser(session)).with(csrf().useInvalidToken()).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").with(browser(session)).with(csrf()).param("name", "x")
                        .param("currentPassword", user.password()))
                .andExpect(status().isOk());
    }

    @Test
    void apiCallsWithTheSessionCookieNeedTheTokenToo() throws Exception {
        mvc.perform(post("/api/v1/account/tokens").with(browser(session))
                        .contentType("application/json").content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/csrf"));
        mvc.perform(delete("/api/v1/account/tokens/{id}", UUID.randomUUID()).with(browser(session)))
                .andExpect(status().isForbidden());
    }

    @Test
    void logoutNeedsTheTokenSoNoOtherSiteCanSignSomeoneOut() throws Exception {
        mvc.perform(post("/logout").with(browser(session))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(browser(session))).andExpect(status().isOk());
    }
}
