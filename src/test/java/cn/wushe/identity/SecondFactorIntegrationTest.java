package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.identity.internal.Totp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * security.md item 7: the three administrators sign in only with a TOTP second factor (enrolled
 * at their first sign-in from a QR code, recovery codes shown once and kept hashed); other roles
 * only when they turned it on or their county requires it. Codes are computed from the secret with
 * the test clock, as the phone's app does.
 */
@IdentityIntegrationTest
class SecondFactorIntegrationTest extends AccountTestBase {

    private static final Pattern CODES = Pattern.compile(">([a-z2-9]{5}-[a-z2-9]{5})<");

    private MvcResult code(MockHttpSession session, String code) throws Exception {
        return mvc.perform(post("/login/second-factor").with(LoginSupport.browser(session)).with(csrf()).param("code", code))
                .andReturn();
    }

    private String totp(String secretBase32) {
        return Totp.code(Totp.fromBase32(secretBase32), Totp.stepAt(clock.instant()));
    }

    /** Signs in with the password, enrols at the prompt; answers the secret and the recovery codes shown. */
    private Enrolled enrolAtFirstSignIn(TestAccounts.Account admin) throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(login.submit(session, admin.username(), admin.password()).getResponse().getRedirectedUrl())
                .isEqualTo("/login/second-factor");
        String page = mvc.perform(get("/login/second-factor").with(LoginSupport.browser(session))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("设置两步验证", "data:image/png;base64,");
        String secret = (String) session.getAttribute("wushe.second-factor.enrolment");
        MvcResult codes = mvc.perform(post("/login/second-factor/enrol").with(LoginSupport.browser(session)).with(csrf())
                .param("code", totp(secret))).andExpect(status().isOk()).andReturn();
        List<String> recovery = new ArrayList<>();
        Matcher m = CODES.matcher(codes.getResponse().getContentAsString());
        while (m.find()) {
            recovery.add(m.group(1));
        }
        return new Enrolled(session, secret, recovery);
    }

    record Enrolled(MockHttpSession session, String secret, List<String> recoveryCodes) {
    }

    @Test
    void anAdministratorMustEnrolAtFirstSignInAndIsSignedInOnlyAfterIt() throws Exception {
        TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        MockHttpSession pending = new MockHttpSession();
        login.submit(pending, admin.username(), admin.password());
        // between password and second factor nothing else is open
        mvc.perform(get("/admin/users").with(LoginSupport.browser(pending))).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/api/v1/users").with(LoginSupport.browser(pending))).andExpect(status().isUnauthorized());

        Enrolled enrolled = enrolAtFirstSignIn(admin);
        assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        mvc.perform(get("/admin/users").with(LoginSupport.browser(enrolled.session()))).andExpect(status().isOk());
        // kept encrypted and hashed only
        String stored = jdbc.sql("select secret_encrypted from identity.second_factors where user_id = :u")
                .param("u", admin.id()).query(String.class).single();
        assertThat(stored).doesNotContain(enrolled.secret()).startsWith("v");
        assertThat(jdbc.sql("select string_agg(code_hash, ',') from identity.recovery_codes where user_id = :u")
                .param("u", admin.id()).query(String.class).single()).doesNotContain(enrolled.recoveryCodes().get(0));
    }

    @Test
    void anEnrolledAdministratorNeedsTheCurrentCodeWhichWorksOnlyOnce() throws Exception {
        TestAccounts.Account admin = accounts.create("610527", "AUDIT_ADMIN@610527");
        Enrolled enrolled = enrolAtFirstSignIn(admin);
        clock.advance(Duration.ofSeconds(90));

        MockHttpSession session = new MockHttpSession();
        assertThat(login.submit(session, admin.username(), admin.password()).getResponse().getRedirectedUrl())
                .isEqualTo("/login/second-factor");
        MvcResult wrong = code(session, "000000".equals(totp(enrolled.secret())) ? "111111" : "000000");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("验证码不正确");
        String current = totp(enrolled.secret());
        assertThat(code(session, current).getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/audit").with(LoginSupport.browser(session))).andExpect(status().isOk());

        // the same code, replayed by someone who saw it, is refused
        MockHttpSession replay = new MockHttpSession();
        login.submit(replay, admin.username(), admin.password());
        assertThat(code(replay, current).getResponse().getStatus()).isEqualTo(400);
        // a recovery code works once
        String recovery = enrolled.recoveryCodes().get(3);
        assertThat(code(replay, recovery).getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession again = new MockHttpSession();
        login.submit(again, admin.username(), admin.password());
        assertThat(code(again, recovery).getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void fiveWrongCodesLockLikeFiveWrongPasswords() throws Exception {
        TestAccounts.Account admin = accounts.create("610527", "SECURITY_ADMIN@610527");
        Enrolled enrolled = enrolAtFirstSignIn(admin);
        MockHttpSession session = new MockHttpSession();
        login.submit(session, admin.username(), admin.password());
        String right = totp(enrolled.secret());
        String wrong = "123456".equals(right) ? "654321" : "123456";
        for (int i = 0; i < 4; i++) {
            code(session, wrong);
        }
        clock.advance(Duration.ofSeconds(30));
        MvcResult locked = code(session, wrong);
        assertThat(locked.getResponse().getContentAsString()).contains("账号已锁定");
        assertThat(code(session, totp(enrolled.secret())).getResponse().getContentAsString()).contains("账号已锁定");
    }

    @Test
    void otherRolesSignInWithThePasswordAloneUnlessTheirCountyRequiresTheSecondFactor() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        TestAccounts.Account secadmin = accounts.create("610527", "SECURITY_ADMIN@610527");
        login.signIn(worker.username(), worker.password());
        mvc.perform(post("/api/v1/security/second-factor-policy/610527").with(csrf())
                        .with(authentication(accounts.authentication(worker.id())))
                        .contentType("application/json").content("{\"required\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/security/second-factor-policy/610527").with(csrf())
                        .with(authentication(accounts.authentication(secadmin.id())))
                        .contentType("application/json").content("{\"required\":true}"))
                .andExpect(status().isOk());
        try {
            assertThat(login.submit(worker.username(), worker.password()).getResponse().getRedirectedUrl())
                    .isEqualTo("/login/second-factor");
            // a neighbouring county's security admin cannot change this county's policy
            TestAccounts.Account neighbour = accounts.create("610526", "SECURITY_ADMIN@610526");
            mvc.perform(post("/api/v1/security/second-factor-policy/610527").with(csrf())
                            .with(authentication(accounts.authentication(neighbour.id())))
                            .contentType("application/json").content("{\"required\":false}"))
                    .andExpect(status().isForbidden());
        } finally {
            jdbc.sql("update identity.county_policies set second_factor_required = false where county_code = '610527'").update();
        }
    }
}
