package cn.wushe.identity;

import static cn.wushe.identity.LoginSupport.browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import com.jayway.jsonpath.JsonPath;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Personal access tokens: created only from a session with the password re-entered, shown once, stored
 * as SHA-256; only a usable token of an enabled owner authenticates, within its scope, and never
 * manages tokens.
 */
@IdentityIntegrationTest
class AccessTokenIntegrationTest extends AccountTestBase {

    TestAccounts.Account owner;

    @BeforeEach
    void setUp() {
        owner = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
    }

    /** A GET any community worker may make. */
    private static final String SOME_READ = "/api/v1/people/counts";

    private String createToken(TestAccounts.Account account, int days) throws Exception {
        return createToken(account, days, "READ");
    }

    private String createToken(TestAccounts.Account account, int days, String scope) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/account/tokens").with(csrf())
                        .with(authentication(accounts.authentication(account.id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"对接测试\",\"expiresInDays\":" + days + ",\"scope\":\"" + scope
                                + "\",\"currentPassword\":\"" + account.password() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.details.scope").value(scope))
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.token");
    }

    private MvcResult callWith(String authorization) throws Exception {
        return mvc.perform(get(SOME_READ).header("Authorization", authorization)).andReturn();
    }

    private int tokensOf(TestAccounts.Account account) {
        return jdbc.sql("select count(*) from identity.api_tokens where user_id = :u").param("u", account.id())
                .query(Integer.class).single();
    }

    @Test
    void tokenHasTheAgreedFormAndOnlyItsDigestIsStored() throws Exception {
        String token = createToken(owner, 90);
        assertThat(token).matches("wst_[0-9A-Za-z]{32}");
        String digest = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("select count(*) from identity.api_tokens where user_id = :u and token_hash = :d")
                .param("u", owner.id()).param("d", digest).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from identity.api_tokens where token_hash = :t or prefix = :t or name = :t")
                .param("t", token).query(Integer.class).single()).isZero();
        assertThat(AuditFixture.entriesIn(jdbc).mentioning(token.substring(8))).isZero();
    }

    @Test
    void validTokenActsAsItsOwnerWithoutASessionOrCsrf() throws Exception {
        String token = createToken(owner, 30);
        MvcResult result = mvc.perform(get(SOME_READ).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        mvc.perform(get("/api/v1/account/tokens").with(authentication(accounts.authentication(owner.id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty());
    }

    /** The attack of issue [S]: a 2-day token minted a 365-day one. A token never manages tokens. */
    @ParameterizedTest
    @ValueSource(strings = {"READ", "WRITE"})
    void aTokenCannotCreateListOrRevokeTokens(String scope) throws Exception {
        String token = createToken(owner, 2, scope);
        UUID id = jdbc.sql("select id from identity.api_tokens where user_id = :u").param("u", owner.id())
                .query(UUID.class).single();
        for (var request : java.util.List.of(
                post("/api/v1/account/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"续命\",\"expiresInDays\":365,\"scope\":\"WRITE\",\"currentPassword\":\""
                                + owner.password() + "\"}"),
                get("/api/v1/account/tokens"),
                delete("/api/v1/account/tokens/{id}", id))) {
            mvc.perform(request.header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("/problems/token-management-needs-session"))
                    .andExpect(jsonPath("$.detail").value(containsString("访问令牌不能创建、查看或吊销令牌")));
        }
        assertThat(tokensOf(owner)).isEqualTo(1);
        assertThat(jdbc.sql("select revoked_at is null from identity.api_tokens where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aReadOnlyTokenMayOnlyRead() throws Exception {
        String token = createToken(owner, 30, "READ");
        mvc.perform(get(SOME_READ).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/people/lookup").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"13800138000\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/read-only-token"))
                .andExpect(jsonPath("$.detail").value(containsString("只读")));
        mvc.perform(put("/api/v1/people/{id}", UUID.randomUUID()).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/read-only-token"));
    }

    @Test
    void aReadWriteTokenMayWrite() throws Exception {
        String token = createToken(owner, 30, "WRITE");
        mvc.perform(post("/api/v1/people/lookup").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"13800138000\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aTokenIsReadOnlyUnlessWriteIsChosen() throws Exception {
        mvc.perform(post("/api/v1/account/tokens").with(csrf())
                        .with(authentication(accounts.authentication(owner.id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"默认\",\"currentPassword\":\"" + owner.password() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.details.scope").value("READ"))
                .andExpect(jsonPath("$.details.scopeLabel").value("只读"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            NONE       | 请输入当前密码
            ''         | 请输入当前密码
            wrong-Pw-1 | 当前密码不正确
            """)
    void creatingATokenNeedsTheCurrentPassword(String password, String message) throws Exception {
        String field = password == null ? "" : ",\"currentPassword\":\"" + password + "\"";
        mvc.perform(post("/api/v1/account/tokens").with(csrf())
                        .with(authentication(accounts.authentication(owner.id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"对接测试\",\"scope\":\"WRITE\"" + field + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
        assertThat(tokensOf(owner)).isZero();
        assertThat(AuditFixture.entriesIn(jdbc).about("TOKEN_CREATE_REAUTH_FAILURE", owner.id().toString()))
                .hasSize(password != null && !password.isEmpty() ? 1 : 0);
    }

    @Test
    void theTokensPageRefusesAWrongPasswordBesideTheField() throws Exception {
        MockHttpSession session = new LoginSupport(mvc).signIn(owner.username(), owner.password());
        String page = mvc.perform(post("/account/tokens").with(browser(session)).with(csrf())
                        .param("name", "民政系统").param("expiresInDays", "90").param("scope", "WRITE")
                        .param("currentPassword", "wrong-Pw-1"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("当前密码不正确").doesNotContain("wrong-Pw-1").doesNotContain("wst_");
        assertThat(tokensOf(owner)).isZero();
        assertThat(AuditFixture.entriesIn(jdbc).about("TOKEN_CREATE_REAUTH_FAILURE", owner.id().toString())).hasSize(1);
    }

    /** Why a presented token is refused; each must be a problem+json 401. */
    enum Refused {
        EXPIRED, REVOKED, WRONG, MALFORMED, OWNER_DISABLED, BASIC_AUTH
    }

    @ParameterizedTest
    @EnumSource(Refused.class)
    void unusableTokensGetProblemJson401(Refused why) throws Exception {
        String token = createToken(owner, 1);
        String header = switch (why) {
            case EXPIRED -> {
                clock.advance(Duration.ofDays(1).plusSeconds(1));
                yield "Bearer " + token;
            }
            case REVOKED -> {
                UUID id = jdbc.sql("select id from identity.api_tokens where user_id = :u").param("u", owner.id())
                        .query(UUID.class).single();
                mvc.perform(delete("/api/v1/account/tokens/{id}", id).with(csrf())
                                .with(authentication(accounts.authentication(owner.id()))))
                        .andExpect(status().isNoContent());
                assertThat(AuditFixture.entriesIn(jdbc).about("TOKEN_REVOKE", id.toString())).hasSize(1);
                yield "Bearer " + token;
            }
            case WRONG -> "Bearer wst_" + "A".repeat(32);
            case MALFORMED -> "Bearer " + token + "x";
            case OWNER_DISABLED -> {
                TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
                mvc.perform(post("/api/v1/users/{id}/disable", owner.id()).with(csrf())
                        .with(authentication(accounts.authentication(admin.id())))).andExpect(status().isOk());
                yield "Bearer " + token;
            }
            case BASIC_AUTH -> "Basic " + java.util.Base64.getEncoder().encodeToString((owner.username() + ":"
                    + owner.password()).getBytes(StandardCharsets.UTF_8));
        };
        MvcResult result = callWith(header);
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("\"status\":401");
    }

    @Test
    void aBadTokenIsRefusedEvenBesideALiveSessionCookie() throws Exception {
        MockHttpSession session = new LoginSupport(mvc).signIn(owner.username(), owner.password());
        mvc.perform(get("/api/v1/account/tokens").with(browser(session))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/account/tokens").with(browser(session)).header("Authorization", "Bearer nonsense"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() throws Exception {
        createToken(owner, 30);
        UUID id = jdbc.sql("select id from identity.api_tokens where user_id = :u").param("u", owner.id())
                .query(UUID.class).single();
        TestAccounts.Account other = accounts.create("610527001002", "COMMUNITY_WORKER@610527001002");
        mvc.perform(delete("/api/v1/account/tokens/{id}", id).with(csrf())
                        .with(authentication(accounts.authentication(other.id()))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select revoked_at is null from identity.api_tokens where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void lifetimeMustBeOneTo365Days() throws Exception {
        for (int days : new int[] {0, 366}) {
            mvc.perform(post("/api/v1/account/tokens").with(csrf())
                            .with(authentication(accounts.authentication(owner.id())))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"x\",\"expiresInDays\":" + days + ",\"currentPassword\":\""
                                    + owner.password() + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"))
                    .andExpect(jsonPath("$.errors[0].message").value("有效期应为 1–365 天"));
        }
    }

    @Test
    void tokensPageShowsTheNewTokenOnceAndListsItWithoutTheSecret() throws Exception {
        MockHttpSession session = new LoginSupport(mvc).signIn(owner.username(), owner.password());
        String created = mvc.perform(post("/account/tokens").with(browser(session)).with(csrf())
                        .param("name", "民政系统").param("expiresInDays", "90").param("scope", "WRITE")
                        .param("currentPassword", owner.password()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("value=\"(wst_[0-9A-Za-z]{32})\"").matcher(created);
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        mvc.perform(get("/account/tokens").with(browser(session)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(token.substring(0, 8) + "…")))
                .andExpect(content().string(containsString("<td>读写</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
        assertThat(callWith("Bearer " + token).getResponse().getStatus()).isEqualTo(200);
        assertThat(AuditFixture.entriesIn(jdbc).withAction("TOKEN_CREATE")).filteredOn(e -> owner.id().equals(e.actorId()))
                .hasSize(1);
    }

    @Test
    void tokenKeepsWorkingWhenThePasswordAgesButNotAfterAnAdministratorsReset() throws Exception {
        String token = createToken(owner, 365);
        clock.advance(Duration.ofDays(120));
        assertThat(callWith("Bearer " + token).getResponse().getStatus()).isEqualTo(200);
        TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        mvc.perform(post("/api/v1/users/{id}/reset-password", owner.id()).with(csrf())
                .with(authentication(accounts.authentication(admin.id())))).andExpect(status().isOk());
        mvc.perform(get(SOME_READ).header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/password-change-required"));
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() throws Exception {
        String token = createToken(owner, 30);
        callWith("Bearer " + token);
        String first = lastUsed();
        clock.advance(Duration.ofSeconds(30));
        callWith("Bearer " + token);
        assertThat(lastUsed()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(31));
        callWith("Bearer " + token);
        assertThat(lastUsed()).isNotEqualTo(first);
    }

    private String lastUsed() {
        return jdbc.sql("select last_used_at::text from identity.api_tokens where user_id = :u")
                .param("u", owner.id()).query(String.class).single();
    }
}
