package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** security.md check 3: new session id at login, idle and absolute timeouts, logout and password change end sessions. */
@IdentityIntegrationTest
class SessionLifecycleIntegrationTest extends AccountTestBase {

    TestAccounts.Account user;

    @BeforeEach
    void setUp() {
        user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
    }

    /** What the container sees when a browser sends the cookie of a session that no longer exists. */
    static RequestPostProcessor staleCookie(String sessionId) {
        return request -> {
            request.setRequestedSessionId(sessionId);
            request.setRequestedSessionIdValid(false);
            return request;
        };
    }

    @Test
    void issuesANewSessionIdAtLogin() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        login.submit(session, user.username(), user.password());
        assertThat(session.getId()).isNotEqualTo(before);
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(status().isOk());
    }

    @Test
    void logoutEndsTheSessionAndReplayingItsCookieLeadsToLogin() throws Exception {
        MockHttpSession session = login.signIn(user.username(), user.password());
        String id = session.getId();
        mvc.perform(post("/logout").with(LoginSupport.browser(session)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(AuditFixture.entriesIn(jdbc).about("LOGOUT", user.id().toString())).hasSize(1);

        mvc.perform(get("/").with(staleCookie(id))).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/account/tokens").with(staleCookie(id)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void loginPageSaysTheSessionTimedOut() throws Exception {
        mvc.perform(get("/login").param("expired", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("登录已超时，请重新登录")));
    }

    @Test
    void idleSessionEndsAfterThirtyMinutes() throws Exception {
        MockHttpSession session = login.signIn(user.username(), user.password());
        clock.advance(Duration.ofMinutes(20));
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(20));
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(30));
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void idleApiSessionGets401() throws Exception {
        MockHttpSession session = login.signIn(user.username(), user.password());
        clock.advance(Duration.ofMinutes(31));
        mvc.perform(get("/api/v1/account/tokens").with(LoginSupport.browser(session)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/session-expired"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void busySessionEndsAfterItsAbsoluteLifetime() throws Exception {
        MockHttpSession session = login.signIn(user.username(), user.password());
        for (int i = 0; i < 28; i++) {
            clock.advance(Duration.ofMinutes(25));
            mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(status().isOk());
        }
        clock.advance(Duration.ofMinutes(25));
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsOnly() throws Exception {
        MockHttpSession phone = login.signIn(user.username(), user.password());
        MockHttpSession desk = login.signIn(user.username(), user.password());
        TestAccounts.Account other = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        MockHttpSession someoneElse = login.signIn(other.username(), other.password());

        mvc.perform(post("/account/password").with(LoginSupport.browser(desk)).with(csrf())
                        .param("currentPassword", user.password())
                        .param("newPassword", "Zt9!kQw4vB")
                        .param("repeatPassword", "Zt9!kQw4vB"))
                .andExpect(redirectedUrl("/account/password?changed"));

        mvc.perform(get("/").with(LoginSupport.browser(desk))).andExpect(status().isOk());
        mvc.perform(get("/").with(LoginSupport.browser(phone))).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").with(LoginSupport.browser(someoneElse))).andExpect(status().isOk());
        login.signIn(user.username(), "Zt9!kQw4vB");
    }

    @Test
    void disablingAnAccountEndsItsSessions() throws Exception {
        MockHttpSession session = login.signIn(user.username(), user.password());
        TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        mvc.perform(post("/api/v1/users/{id}/disable", user.id()).with(csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(accounts.authentication(admin.id()))))
                .andExpect(status().isOk());
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(redirectedUrl("/login?expired"));
    }
}
