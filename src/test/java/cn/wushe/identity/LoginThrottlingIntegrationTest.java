package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * security.md item 8: lockout per username and client address, a slowdown (never a lock) per
 * username across addresses (429 on the endpoints: RequestBudgetsHttpIntegrationTest).
 */
@IdentityIntegrationTest
class LoginThrottlingIntegrationTest extends AccountTestBase {

    static final String WRONG = "Wrong#Pass99";

    TestAccounts.Account user;

    @BeforeEach
    void setUp() {
        user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
    }

    private MvcResult from(String address, String username, String password) throws Exception {
        return mvc.perform(post("/login").with(LoginSupport.browser(new MockHttpSession())).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("username", username).param("password", password)).andReturn();
    }

    private String shown(MvcResult result) throws Exception {
        if (!"/login?error".equals(result.getResponse().getRedirectedUrl())) {
            return "SIGNED_IN";
        }
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
        return String.valueOf(session.getAttribute("wushe.login.message"));
    }

    @Test
    void anAttackersFiveWrongPasswordsFromOneAddressDoNotLockTheUserSigningInFromAnother() throws Exception {
        for (int i = 0; i < 5; i++) {
            from("203.0.113.7", user.username(), WRONG);
        }
        assertThat(shown(from("203.0.113.7", user.username(), user.password()))).startsWith("登录失败次数过多，账号已锁定");
        assertThat(shown(from("198.51.100.20", user.username(), user.password()))).isEqualTo("SIGNED_IN");
    }

    @Test
    void failuresFromManyAddressesSlowTheUsernameDownButNeverLockIt() throws Exception {
        for (int i = 1; i <= 10; i++) {
            assertThat(shown(from("192.0.2." + i, user.username(), WRONG))).isEqualTo("用户名或密码错误");
        }
        MvcResult slowed = from("198.51.100.20", user.username(), user.password());
        assertThat(shown(slowed)).isEqualTo("操作过于频繁，请 30 秒后再试");
        assertThat(slowed.getResponse().getHeader("Retry-After")).isEqualTo("30");
        clock.advance(Duration.ofSeconds(30));
        assertThat(shown(from("198.51.100.20", user.username(), user.password()))).isEqualTo("SIGNED_IN");
    }
}
