package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.internal.AccountFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * security.md item 8: an account hammering a limited endpoint (here token management) gets 429
 * with Retry-After — problem+json in Chinese on the API, the Chinese 429 page in the browser —
 * with the production burst per account (60 at once; the refill slowed to an hour so that the
 * outcome does not depend on how fast the machine sends them). Same context as
 * {@link SessionsAcrossNodesIntegrationTest}: real HTTP, sessions in PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", "server.forward-headers-strategy=native",
            "wushe.security.limits.account-burst=60", "wushe.security.limits.account-refill=1h"})
@ActiveProfiles("test")
@Import({TestAccounts.class, AccountFixture.class})
class RequestBudgetsHttpIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String signIn(TestAccounts.Account account) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String body = "username=" + account.username() + "&password=" + URLEncoder.encode(account.password(), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", "JSESSIONID=" + cookie(form)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login);
    }

    private static String cookie(HttpResponse<?> response) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        return header.substring("JSESSIONID=".length(), header.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAccountHammeringTheTokenEndpointsGets429InChineseWithRetryAfter() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        String session = signIn(worker);
        HttpResponse<String> last = null;
        for (int i = 0; i < 61 && (last == null || last.statusCode() != 429); i++) {
            last = get("/api/v1/account/tokens", session);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(last.body()).contains("/problems/too-many-requests", "操作过于频繁", "后再试");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);

        HttpResponse<String> page = get("/account/tokens", session);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("请稍后再试", "操作过于频繁");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
    }
}
