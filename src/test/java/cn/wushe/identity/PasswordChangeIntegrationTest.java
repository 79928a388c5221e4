package cn.wushe.identity;

import static cn.wushe.identity.LoginSupport.browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** security.md checks 1 and 5: forced change of initial and expired passwords, policy messages, Argon2id at rest. */
@IdentityIntegrationTest
class PasswordChangeIntegrationTest extends AccountTestBase {

    static final String NEW = "Zt9!kQw4vB";


    private MvcResult change(MockHttpSession session, String current, String chosen, String repeated) throws Exception {
        return mvc.perform(post("/account/password").with(browser(session)).with(csrf())
                .param("currentPassword", current).param("newPassword", chosen).param("repeatPassword", repeated))
                .andReturn();
    }

    @Test
    void initialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        TestAccounts.Account fresh = accounts.createWithInitialPassword("610527001001", "COMMUNITY_WORKER@610527001001");
        MockHttpSession session = new MockHttpSession();
        assertThat(login.submit(session, fresh.username(), fresh.password()).getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");
        mvc.perform(get("/").with(browser(session))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/tokens").with(browser(session))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/account/tokens").with(browser(session)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/password-change-required"));
        mvc.perform(get("/account/password").with(browser(session)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请先修改初始密码")));

        assertThat(change(session, fresh.password(), NEW, NEW).getResponse().getRedirectedUrl())
                .isEqualTo("/account/password?changed");
        mvc.perform(get("/").with(browser(session))).andExpect(status().isOk());
        login.signIn(fresh.username(), NEW);
    }

    @Test
    void passwordOlderThanTheMaximumAgeMustBeChangedAtNextLogin() throws Exception {
        TestAccounts.Account user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        clock.advance(Duration.ofDays(89));
        assertThat(login.submit(user.username(), user.password()).getResponse().getRedirectedUrl()).isEqualTo("/");
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(login.submit(user.username(), user.password()).getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");
    }

    @Test
    void refusesAWrongCurrentPasswordAWeakOneAndAMismatchWithChineseMessages() throws Exception {
        TestAccounts.Account user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        MockHttpSession session = login.signIn(user.username(), user.password());
        MvcResult result = change(session, "Not-the#1-password", "short", "other");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains("当前密码不正确", "密码不能少于 8 位", "两次输入的新密码不一致");
        assertThat(change(session, user.password(), user.username() + "A1!", user.username() + "A1!")
                .getResponse().getContentAsString()).contains("密码不能包含用户名");
        assertThat(change(session, user.password(), "P@ssw0rd", "P@ssw0rd").getResponse().getContentAsString())
                .contains("该密码过于常见");
        assertThat(change(session, user.password(), user.password(), user.password()).getResponse()
                .getContentAsString()).contains("新密码不能与当前密码相同");
        login.signIn(user.username(), user.password());
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesOnly() throws Exception {
        TestAccounts.Account user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        MockHttpSession session = login.signIn(user.username(), user.password());
        change(session, user.password(), NEW, NEW);
        String stored = jdbc.sql("select password_hash from identity.users where id = :id")
                .param("id", user.id()).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$v=19$m=32768,t=2,p=1$").doesNotContain(NEW);
        assertThat(jdbc.sql("select count(*) from identity.users where password_hash not like '$argon2id$%'")
                .query(Integer.class).single()).isZero();
        assertThat(AuditFixture.entriesIn(jdbc).about("PASSWORD_CHANGE", user.id().toString())).hasSize(1);
    }

    @Test
    void passwordNeverTravelsInTheUrl() throws Exception {
        TestAccounts.Account user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        MvcResult refused = login.submit(user.username(), "Wrong#Pass99");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?error")
                .doesNotContain(user.username());
    }
}
