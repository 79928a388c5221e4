package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The system administrator's account work (security.md checks 1, 6, 12, 14): create, disable, reset, within scope. */
@IdentityIntegrationTest
class AccountAdministrationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    AdminSupport admin;
    TestAccounts.Account sysadmin;
    LoginSupport login;

    @BeforeEach
    void setUp() {
        admin = new AdminSupport(mvc, accounts, jdbc);
        sysadmin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        login = new LoginSupport(mvc);
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/users").with(csrf()).with(admin.as(sysadmin))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void createdAccountGetsAnInitialPasswordThatMustBeChangedAtFirstLogin() throws Exception {
        String name = unique();
        String body = create("{\"username\":\"" + name + "\",\"displayName\":\"王丽\",\"phone\":\"13812345678\","
                + "\"homeRegionCode\":\"610527001001\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.mustChangePassword").value(true))
                .andExpect(jsonPath("$.user.phone").value("138****5678"))
                .andReturn().getResponse().getContentAsString();
        String initial = JsonPath.read(body, "$.initialPassword");
        assertThat(login.submit(name, initial).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        String id = JsonPath.read(body, "$.user.id");
        assertThat(admin.audited("USER_CREATE", UUID.fromString(id))).singleElement().asString()
                .startsWith("SUCCESS|").doesNotContain("13812345678");
    }

    @Test
    void usernamesDifferingOnlyInCaseAreOneLogin() throws Exception {
        String name = unique();
        create("{\"username\":\"" + name.toUpperCase() + "\",\"displayName\":\"甲\",\"homeRegionCode\":\"610527\"}")
                .andExpect(status().isCreated());
        create("{\"username\":\"" + name + "\",\"displayName\":\"乙\",\"homeRegionCode\":\"610527\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].message").value("用户名已被使用（不区分大小写）"));
    }

    @ParameterizedTest(name = "{0} / {1} / {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ab         | 张三 | 610527001001 | 400 | username       | 用户名须为 3–32 位字母、数字或 . _ -，以字母或数字开头
            张三abc     | 张三 | 610527001001 | 400 | username       | 用户名须为 3–32 位字母、数字或 . _ -，以字母或数字开头
            VALID      |      | 610527001001 | 400 | displayName    | 姓名应为 1–50 个字符
            VALID      | 张三 | 6105270010   | 400 | homeRegionCode | 所属单位应为县（6 位）、乡镇街道（9 位）或村社区（12 位）区划代码
            VALID      | 张三 | 610527999    | 400 | homeRegionCode | 所属单位的区划代码不存在
            VALID      | 张三 | 610526001    | 403 | homeRegionCode | 所属单位不在您的管辖范围内
            """)
    void refusesBadInputWithChineseFieldMessages(String username, String displayName, String unit, int status,
            String field, String message) throws Exception {
        String name = "VALID".equals(username) ? unique() : username;
        create("{\"username\":\"" + name + "\",\"displayName\":\"" + (displayName == null ? "" : displayName)
                + "\",\"homeRegionCode\":\"" + unit + "\"}")
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    @Test
    void fieldsThatAreNotPartOfTheRequestAreRejected() throws Exception {
        String name = unique();
        create("{\"username\":\"" + name + "\",\"displayName\":\"张三\",\"homeRegionCode\":\"610527\","
                + "\"enabled\":false,\"mustChangePassword\":false,\"roles\":[\"SYSTEM_ADMIN\"]}")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from identity.users where lower(username) = :n").param("n", name)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void resetGivesANewInitialPasswordAndEndsTheHoldersSessions() throws Exception {
        TestAccounts.Account user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        MockHttpSession session = login.signIn(user.username(), user.password());
        String body = mvc.perform(post("/api/v1/users/{id}/reset-password", user.id()).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.mustChangePassword").value(true))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/").with(LoginSupport.browser(session))).andExpect(redirectedUrl("/login?expired"));
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo("用户名或密码错误");
        String initial = JsonPath.read(body, "$.initialPassword");
        assertThat(login.submit(user.username(), initial).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(admin.audited("PASSWORD_RESET", user.id())).singleElement().asString().startsWith("SUCCESS|")
                .doesNotContain(initial);
    }

    @Test
    void disableEnableAndOptimisticLocking() throws Exception {
        TestAccounts.Account user = accounts.create("610527001001");
        String etag = mvc.perform(get("/api/v1/users/{id}", user.id()).with(admin.as(sysadmin)))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(post("/api/v1/users/{id}/disable", user.id()).with(csrf()).with(admin.as(sysadmin))
                        .header("If-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(header().exists("ETag"));
        mvc.perform(post("/api/v1/users/{id}/enable", user.id()).with(csrf()).with(admin.as(sysadmin))
                        .header("If-Match", etag))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/users/{id}/disable", user.id()).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该账号已停用"));
        mvc.perform(post("/api/v1/users/{id}/enable", user.id()).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isOk());
        login.signIn(user.username(), user.password());
        assertThat(admin.audited("USER_DISABLE", user.id())).hasSize(1);
        assertThat(admin.audited("USER_ENABLE", user.id())).hasSize(1);
    }

    @Test
    void administratorCannotDisableOrResetHimself() throws Exception {
        mvc.perform(post("/api/v1/users/{id}/disable", sysadmin.id()).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/{id}/reset-password", sysadmin.id()).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isForbidden());
        assertThat(admin.audited("USER_DISABLE", sysadmin.id())).singleElement().asString().startsWith("DENIED|");
    }

    @Test
    void listsOnlyAccountsInsideTheAdministratorsScopeAndCountsThemInSql() throws Exception {
        String tag = "s" + UUID.randomUUID().toString().substring(0, 6);
        for (String unit : new String[] {"610527", "610527001", "610527001001"}) {
            create("{\"username\":\"" + tag + unit + "\",\"displayName\":\"甲\",\"homeRegionCode\":\"" + unit + "\"}")
                    .andExpect(status().isCreated());
        }
        create("{\"username\":\"" + tag + "x\",\"displayName\":\"甲\",\"homeRegionCode\":\"610526001\"}")
                .andExpect(status().isForbidden());
        TestAccounts.Account neighbourAdmin = accounts.create("610526", "SYSTEM_ADMIN@610526");
        for (String unit : new String[] {"610526", "610526001", "610526001002"}) {
            mvc.perform(post("/api/v1/users").with(csrf()).with(admin.as(neighbourAdmin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + tag + "n" + unit + "\",\"displayName\":\"乙\",\"homeRegionCode\":\"" + unit + "\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/users").param("q", tag).with(admin.as(sysadmin)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].homeRegionCode", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.startsWith("610527"))));
        mvc.perform(get("/api/v1/users").param("q", tag).with(admin.as(neighbourAdmin)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].homeRegionCode", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.startsWith("610526"))));
    }

    @Test
    void usersPageCreatesAnAccountAndShowsItsPasswordOnce() throws Exception {
        String name = unique();
        String html = mvc.perform(post("/admin/users").with(csrf()).with(admin.as(sysadmin))
                        .param("username", name).param("displayName", "李明").param("phone", "")
                        .param("homeRegionCode", "610527001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("仅显示这一次")))
                .andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("value=\"([^\"]+)\" aria-label=\"初始密码\"").matcher(html);
        assertThat(shown.find()).isTrue();
        assertThat(login.submit(name, shown.group(1)).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(html).contains("城关街道");
        String id = jdbc.sql("select id::text from identity.users where username = :n").param("n", name)
                .query(String.class).single();
        mvc.perform(get("/admin/users/{id}", id).with(admin.as(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("仅显示这一次"))));
        mvc.perform(post("/admin/users").with(csrf()).with(admin.as(sysadmin))
                        .param("username", name).param("displayName", "李明").param("homeRegionCode", "610527001"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("用户名已被使用（不区分大小写）")));
    }
}
