package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.identity.internal.RememberedDevices;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 保持登录 30 天 (issue 14 item 6) through the real filter chain: the cookie only for volunteer-only
 * accounts, a new session from it once the session is gone, a new token at every use, a replayed
 * old token ends the series, and the holder, logout and any change of password, status or role end
 * series.
 */
@IdentityIntegrationTest
class RememberedDevicesIntegrationTest extends AccountTestBase {

    static final String COOKIE = "wushe_remember";
    static final String WECHAT_ANDROID = "Mozilla/5.0 (Linux; Android 14; V2302A) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.50";

    @Autowired
    RememberedDevices devices;

    TestAccounts.Account volunteer;

    @BeforeEach
    void setUp() {
        volunteer = accounts.create("610527001001", "VOLUNTEER@610527");
    }

    @Test
    void aVolunteerTickingTheBoxGetsAnHttpOnlyLaxCookieAndOnlyItsHashIsStored() throws Exception {
        MvcResult login = login(volunteer, true);

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        String header = setCookie(login);
        assertThat(header).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=2592000").doesNotContain("Secure");
        String value = cookieValue(login);
        String token = value.substring(value.indexOf('.') + 1);
        List<String> stored = jdbc.sql("select token_hash || ' ' || series || ' ' || user_agent from identity.remembered_devices where user_id = :u")
                .param("u", volunteer.id()).query(String.class).list();
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row).startsWith(sha256(token)).doesNotContain(token).endsWith("微信 · Android");
        });
        assertThat(AuditFixture.entriesIn(jdbc).withAction("REMEMBER_ME_ISSUE").stream()
                .filter(e -> volunteer.username().equals(e.actorName()))).hasSize(1);

        MvcResult overHttps = mvc.perform(loginRequest(volunteer, true).secure(true)).andReturn();
        assertThat(setCookie(overHttps)).contains("Secure", "HttpOnly");
    }

    @Test
    void withoutTheBoxOrForAnyOtherAccountThereIsNoCookie() throws Exception {
        assertThat(cookieOrNull(login(volunteer, false))).isNull();

        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        MvcResult staff = login(worker, true);
        assertThat(staff.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(cookieOrNull(staff)).isNull();

        TestAccounts.Account volunteerAndResident = accounts.create("610527001001", "VOLUNTEER@610527", "RESIDENT@610527001001");
        assertThat(cookieOrNull(login(volunteerAndResident, true))).isNull();

        // an administrator stops at the second factor: never remembered, before or after it
        TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        MvcResult secondFactorDue = login(admin, true);
        assertThat(secondFactorDue.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        assertThat(cookieOrNull(secondFactorDue)).isNull();

        assertThat(jdbc.sql("select count(*) from identity.remembered_devices where user_id in (:a, :b, :c, :d)")
                .param("a", worker.id()).param("b", volunteerAndResident.id()).param("c", admin.id())
                .param("d", volunteer.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theCookieStartsANewSessionOnceTheOldOneIsGoneAndEveryUseReplacesTheToken() throws Exception {
        MvcResult login = login(volunteer, true);
        MockHttpSession first = (MockHttpSession) login.getRequest().getSession(false);
        String firstValue = cookieValue(login);

        // the browser was closed: no session cookie, only the remembered one
        MvcResult resumed = mvc.perform(page("/", firstValue)).andExpect(status().isOk()).andReturn();
        String secondValue = cookieValue(resumed);
        assertThat(secondValue).isNotEqualTo(firstValue).startsWith(firstValue.substring(0, firstValue.indexOf('.')));
        assertThat(setCookie(resumed)).contains("HttpOnly", "SameSite=Lax");
        assertThat(rememberedLogins()).hasSize(1);
        MockHttpSession second = (MockHttpSession) resumed.getRequest().getSession(false);
        assertThat(second).isNotNull();

        // the new session is an ordinary one: used as such, the cookie is not touched
        MvcResult inSession = mvc.perform(get("/").with(LoginSupport.browser(second)).cookie(new Cookie(COOKIE, secondValue)))
                .andExpect(status().isOk()).andReturn();
        assertThat(cookieOrNull(inSession)).isNull();

        // the idle timeout still ends it; the next page starts another from the cookie
        clock.advance(Duration.ofMinutes(31));
        MvcResult afterIdle = mvc.perform(get("/").with(LoginSupport.browser(second)).cookie(new Cookie(COOKIE, secondValue)))
                .andExpect(status().isOk()).andReturn();
        assertThat(second.isInvalid()).isTrue();
        String thirdValue = cookieValue(afterIdle);
        assertThat(thirdValue).isNotIn(firstValue, secondValue);

        // a session cookie the server no longer knows (restart, container timeout) is no obstacle either
        MvcResult afterStale = mvc.perform(get("/").with(SessionLifecycleIntegrationTest.staleCookie(first.getId()))
                .cookie(new Cookie(COOKIE, thirdValue))).andExpect(status().isOk()).andReturn();
        assertThat(cookieValue(afterStale)).isNotIn(firstValue, secondValue, thirdValue);
        assertThat(rememberedLogins()).hasSize(3);
    }

    @Test
    void aReplacedTokenPresentedAgainEndsTheWholeSeriesAndIsAudited() throws Exception {
        String stolen = cookieValue(login(volunteer, true));
        String current = cookieValue(mvc.perform(page("/", stolen)).andExpect(status().isOk()).andReturn());

        clock.advance(Duration.ofMinutes(5));
        MvcResult replay = mvc.perform(page("/", stolen)).andExpect(redirectedUrl("/login")).andReturn();
        assertThat(setCookie(replay)).contains(COOKIE + "=;", "Max-Age=0");
        assertThat(AuditFixture.entriesIn(jdbc).withAction("REMEMBER_ME_THEFT").stream()
                .filter(e -> volunteer.username().equals(e.actorName()))).hasSize(1);

        // the holder's own (newer) cookie is worthless now too: whoever copied it cannot outlast the owner
        mvc.perform(page("/", current)).andExpect(redirectedUrl("/login"));
        assertThat(revokedReasons(volunteer.id())).containsExactly("THEFT");
    }

    @Test
    void tabsRestoredTogetherMayShowTheJustReplacedTokenForAFewSeconds() throws Exception {
        String old = cookieValue(login(volunteer, true));
        String fresh = cookieValue(mvc.perform(page("/", old)).andReturn());

        MvcResult parallelTab = mvc.perform(page("/", old)).andExpect(status().isOk()).andReturn();
        assertThat(cookieOrNull(parallelTab)).as("the browser keeps the fresh one").isNull();
        MvcResult firstTab = mvc.perform(page("/", fresh)).andExpect(status().isOk()).andReturn();
        assertThat(revokedReasons(volunteer.id())).isEmpty();

        // signed out from elsewhere, the device loses every session it started, one per tab
        MockHttpSession desk = login.signIn(volunteer.username(), volunteer.password());
        mvc.perform(post("/account/devices/{id}/sign-out", deviceId(old)).with(LoginSupport.browser(desk)).with(csrf()))
                .andExpect(redirectedUrl("/account/devices?signed-out"));
        for (MvcResult tab : List.of(parallelTab, firstTab)) {
            MockHttpSession session = (MockHttpSession) tab.getRequest().getSession(false);
            mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(redirectedUrl("/login?expired"));
        }
        mvc.perform(get("/").with(LoginSupport.browser(desk))).andExpect(status().isOk());
    }

    @Test
    void theSeriesEndsThirtyDaysAfterThePasswordLoginHoweverOftenItIsUsed() throws Exception {
        String value = cookieValue(login(volunteer, true));
        for (int week = 0; week < 4; week++) {
            clock.advance(Duration.ofDays(7));
            value = cookieValue(mvc.perform(page("/", value)).andExpect(status().isOk()).andReturn());
        }
        clock.advance(Duration.ofDays(2));
        mvc.perform(page("/", value)).andExpect(redirectedUrl("/login"));
        assertThat(revokedReasons(volunteer.id())).containsExactly("EXPIRED");

        // the daily clean-up removes what can sign nobody in any more
        assertThat(devices.deleteExpired()).isPositive();
        assertThat(jdbc.sql("select count(*) from identity.remembered_devices where user_id = :u")
                .param("u", volunteer.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theHolderSignsDevicesOutOneByOneOrAllFromTheDevicePage() throws Exception {
        MvcResult phoneLogin = login(volunteer, true);
        String phone = cookieValue(phoneLogin);
        MvcResult deskLogin = login(volunteer, true);
        MockHttpSession desk = (MockHttpSession) deskLogin.getRequest().getSession(false);
        String deskCookie = cookieValue(deskLogin);
        String third = cookieValue(login(volunteer, true));

        String html = mvc.perform(get("/account/devices").with(LoginSupport.browser(desk)).cookie(new Cookie(COOKIE, deskCookie)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("微信 · Android", "本机");
        UUID phoneId = deviceId(phone);

        // someone else cannot sign my phone out
        TestAccounts.Account other = accounts.create("610527001001", "VOLUNTEER@610527");
        MockHttpSession otherSession = login.signIn(other.username(), other.password());
        mvc.perform(post("/account/devices/{id}/sign-out", phoneId).with(LoginSupport.browser(otherSession)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/account/devices/{id}/sign-out", phoneId).with(LoginSupport.browser(desk)).with(csrf())
                        .cookie(new Cookie(COOKIE, deskCookie)))
                .andExpect(redirectedUrl("/account/devices?signed-out"));
        mvc.perform(page("/", phone)).andExpect(redirectedUrl("/login"));
        third = cookieValue(mvc.perform(page("/", third)).andExpect(status().isOk()).andReturn());
        assertThat(AuditFixture.entriesIn(jdbc).about("REMEMBER_ME_REVOKE", phoneId.toString())).hasSize(1);

        MvcResult all = mvc.perform(post("/account/devices/sign-out-all").with(LoginSupport.browser(desk)).with(csrf())
                        .cookie(new Cookie(COOKIE, deskCookie)))
                .andExpect(redirectedUrl("/account/devices?signed-out")).andReturn();
        assertThat(setCookie(all)).contains("Max-Age=0");
        mvc.perform(page("/", third)).andExpect(redirectedUrl("/login"));
        mvc.perform(page("/", deskCookie)).andExpect(redirectedUrl("/login"));
        assertThat(AuditFixture.entriesIn(jdbc).about("REMEMBER_ME_REVOKE_ALL", volunteer.id().toString())).hasSize(1);
    }

    @Test
    void logoutForgetsThisDeviceOnly() throws Exception {
        MvcResult here = login(volunteer, true);
        String elsewhere = cookieValue(login(volunteer, true));
        MockHttpSession session = (MockHttpSession) here.getRequest().getSession(false);

        MvcResult logout = mvc.perform(post("/logout").with(LoginSupport.browser(session)).with(csrf())
                .cookie(new Cookie(COOKIE, cookieValue(here)))).andExpect(redirectedUrl("/login?logout")).andReturn();
        assertThat(setCookie(logout)).contains(COOKIE + "=;", "Max-Age=0");

        mvc.perform(page("/", cookieValue(here))).andExpect(redirectedUrl("/login"));
        mvc.perform(page("/", elsewhere)).andExpect(status().isOk());
        assertThat(revokedReasons(volunteer.id())).containsExactly("LOGOUT");
    }

    @Test
    void aPasswordChangeEndsEveryRememberedDevice() throws Exception {
        String phone = cookieValue(login(volunteer, true));
        MockHttpSession desk = login.signIn(volunteer.username(), volunteer.password());

        mvc.perform(post("/account/password").with(LoginSupport.browser(desk)).with(csrf())
                        .param("currentPassword", volunteer.password())
                        .param("newPassword", "Zt9!kQw4vB").param("repeatPassword", "Zt9!kQw4vB"))
                .andExpect(redirectedUrl("/account/password?changed"));

        mvc.perform(page("/", phone)).andExpect(redirectedUrl("/login"));
        assertThat(revokedReasons(volunteer.id())).containsExactly("ACCOUNT_CHANGED");
        assertThat(AuditFixture.entriesIn(jdbc).about("REMEMBER_ME_REVOKE_ALL", volunteer.id().toString())).hasSize(1);
    }

    @Test
    void aRoleBeyondVolunteerOrDisablingEndsTheRememberedDevices() throws Exception {
        String phone = cookieValue(login(volunteer, true));
        TestAccounts.Account secadmin = accounts.create("610527", "SECURITY_ADMIN@610527");
        new AdminSupport(mvc, accounts, jdbc).grant(secadmin, volunteer.id(), "COMMUNITY_WORKER", "610527001001")
                .andExpect(status().isCreated());
        mvc.perform(page("/", phone)).andExpect(redirectedUrl("/login"));

        TestAccounts.Account other = accounts.create("610527001001", "VOLUNTEER@610527");
        String otherPhone = cookieValue(login(other, true));
        TestAccounts.Account sysadmin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        mvc.perform(post("/api/v1/users/{id}/disable", other.id()).with(csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(accounts.authentication(sysadmin.id()))))
                .andExpect(status().isOk());
        mvc.perform(page("/", otherPhone)).andExpect(redirectedUrl("/login"));
        assertThat(revokedReasons(other.id())).containsExactly("ACCOUNT_CHANGED");
    }

    @Test
    void aRememberedLoginNeverStandsInForASecondFactor() throws Exception {
        String county = "610526";
        List<Map<String, Object>> before = jdbc.sql("""
                select second_factor_required as required, array_to_string(second_factor_roles, ',') as roles
                from identity.county_policies where county_code = :c
                """).param("c", county).query().listOfRows();
        setPolicy(county, false, "{}");
        try {
            TestAccounts.Account elsewhere = accounts.create(county + "001001", "VOLUNTEER@" + county);
            String phone = cookieValue(login(elsewhere, true));
            // the county now asks volunteers for a second factor: the phone must sign in with it
            setPolicy(county, false, "{VOLUNTEER}");
            mvc.perform(page("/", phone)).andExpect(redirectedUrl("/login"));
            assertThat(revokedReasons(elsewhere.id())).containsExactly("INELIGIBLE");
        } finally {
            setPolicy(county, before.isEmpty() ? false : (Boolean) before.get(0).get("required"),
                    before.isEmpty() ? "{}" : "{" + before.get(0).get("roles") + "}");
        }
    }

    private void setPolicy(String county, boolean everyone, String roles) {
        jdbc.sql("""
                insert into identity.county_policies (county_code, second_factor_required, updated_at, second_factor_roles)
                values (:c, :everyone, now(), cast(:roles as text[]))
                on conflict (county_code) do update set second_factor_required = excluded.second_factor_required,
                    second_factor_roles = excluded.second_factor_roles
                """).param("c", county).param("everyone", everyone).param("roles", roles).update();
    }

    @Test
    void aFormPostedFromAnEndedSessionMeetsTheExpiryAndTheLoginPageThenSignsTheDeviceIn() throws Exception {
        MvcResult login = login(volunteer, true);
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        String value = cookieValue(login);
        clock.advance(Duration.ofMinutes(31));

        mvc.perform(post("/account/devices/sign-out-all").with(LoginSupport.browser(session)).with(csrf())
                .cookie(new Cookie(COOKIE, value))).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", "").cookie(new Cookie(COOKIE, value)))
                .andExpect(redirectedUrl("/"));
        assertThat(revokedReasons(volunteer.id())).isEmpty();
    }

    private MvcResult login(TestAccounts.Account account, boolean remember) throws Exception {
        return mvc.perform(loginRequest(account, remember)).andReturn();
    }

    private static MockHttpServletRequestBuilder loginRequest(TestAccounts.Account account, boolean remember) {
        MockHttpServletRequestBuilder request = post("/login").with(LoginSupport.browser(new MockHttpSession())).with(csrf())
                .header(HttpHeaders.USER_AGENT, WECHAT_ANDROID)
                .param("username", account.username()).param("password", account.password());
        return remember ? request.param("remember-me", "on") : request;
    }

    /** A page opened by a browser holding only the remembered cookie (no session). */
    private static MockHttpServletRequestBuilder page(String path, String cookie) {
        return get(path).header(HttpHeaders.USER_AGENT, WECHAT_ANDROID).accept(MediaType.TEXT_HTML)
                .cookie(new Cookie(COOKIE, cookie));
    }

    private static String setCookie(MvcResult result) {
        return result.getResponse().getHeaders(HttpHeaders.SET_COOKIE).stream().filter(h -> h.startsWith(COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + COOKIE + " cookie set"));
    }

    private static String cookieValue(MvcResult result) {
        String value = cookieOrNull(result);
        if (value == null) {
            throw new AssertionError("no " + COOKIE + " cookie set");
        }
        return value;
    }

    private static @Nullable String cookieOrNull(MvcResult result) {
        return result.getResponse().getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(h -> h.startsWith(COOKIE + "=") && !h.startsWith(COOKIE + "=;"))
                .map(h -> h.substring(COOKIE.length() + 1, h.indexOf(';'))).findFirst().orElse(null);
    }

    /** Sign-ins by the remembered device, recorded as logins whose detail says so. */
    private List<AuditFixture.Entry> rememberedLogins() {
        return AuditFixture.entriesIn(jdbc).about("LOGIN_SUCCESS", volunteer.id().toString()).stream()
                .filter(e -> e.detail() != null && e.detail().contains("保持登录")).toList();
    }

    private UUID deviceId(String cookie) {
        return jdbc.sql("select id from identity.remembered_devices where series = :s")
                .param("s", cookie.substring(0, cookie.indexOf('.'))).query(UUID.class).single();
    }

    private List<String> revokedReasons(UUID userId) {
        return jdbc.sql("select revoked_reason from identity.remembered_devices where user_id = :u and revoked_at is not null")
                .param("u", userId).query(String.class).list();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
