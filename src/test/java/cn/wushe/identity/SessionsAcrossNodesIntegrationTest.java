package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.WusheApplication;
import cn.wushe.identity.internal.AccountFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * security.md item 6: sessions live in PostgreSQL (Spring Session JDBC), so a second node accepts a
 * session signed in on the first, and a restarted node still does; behind a TLS proxy (forwarded
 * headers honoured) the session cookie is Secure and HSTS is sent. Real HTTP against two running
 * servers on the one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", "server.forward-headers-strategy=native",
            "wushe.security.limits.account-burst=60", "wushe.security.limits.account-refill=1h"})
@ActiveProfiles("test")
@Import({TestAccounts.class, AccountFixture.class})
class SessionsAcrossNodesIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    ConfigurableApplicationContext secondNode;

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    private ConfigurableApplicationContext startSecondNode() {
        // arguments, not default properties: they must win over application-test.yml
        return new SpringApplicationBuilder(WusheApplication.class).profiles("test")
                .run("--server.port=0", "--spring.autoconfigure.exclude=", "--server.forward-headers-strategy=native");
    }

    private static int portOf(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Signs in through the form as a browser behind the TLS proxy would; answers the whole login response. */
    private HttpResponse<String> signIn(TestAccounts.Account account) throws Exception {
        return signIn(account, "");
    }

    private HttpResponse<String> signIn(TestAccounts.Account account, String moreFields) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String cookie = cookie(form);
        String body = "username=" + account.username() + "&password=" + URLEncoder.encode(account.password(), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + moreFields;
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("Cookie", "JSESSIONID=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
        Matcher m = COOKIE.matcher(header);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private int workbenchStatus(int nodePort, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + "/account/tokens"))
                .header("Cookie", "JSESSIONID=" + cookie).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aSessionSignedInOnOneNodeWorksOnAnotherAndAfterThatNodeRestarts() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        HttpResponse<String> login = signIn(worker);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        String session = cookie(login);
        assertThat(workbenchStatus(port, session)).isEqualTo(200);

        secondNode = startSecondNode();
        assertThat(workbenchStatus(portOf(secondNode), session)).isEqualTo(200);
        secondNode.close();
        secondNode = startSecondNode();
        assertThat(workbenchStatus(portOf(secondNode), session)).isEqualTo(200);
        assertThat(workbenchStatus(portOf(secondNode), "bm90LWEtc2Vzc2lvbg")).isEqualTo(302);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        HttpResponse<String> login = signIn(worker);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000", "includeSubDomains"));
        // the same server reached without the proxy (plain HTTP): no HSTS
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aRememberedVolunteerPhoneStartsAJdbcSessionWhichSigningTheDeviceOutEnds() throws Exception {
        TestAccounts.Account volunteer = accounts.create("610527001001", "VOLUNTEER@610527");
        HttpResponse<String> login = signIn(volunteer, "&remember-me=on");
        String remembered = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("wushe_remember="))
                .findFirst().orElseThrow();
        assertThat(remembered).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
        String value = remembered.substring("wushe_remember=".length(), remembered.indexOf(';'));

        // the phone's browser was closed: only the remembered cookie comes, on the second node
        secondNode = startSecondNode();
        HttpResponse<String> resumed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portOf(secondNode)
                        + "/account/devices")).header("X-Forwarded-Proto", "https").header("Accept", "text/html")
                .header("Cookie", "wushe_remember=" + value).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.body()).contains("本机");
        String phoneSession = cookie(resumed);
        assertThat(workbenchStatus(port, phoneSession)).isEqualTo(200);

        // from a desk, the volunteer signs every device out: the phone's session ends on every node
        String desk = cookie(signIn(volunteer));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account/devices"))
                .header("X-Forwarded-Proto", "https").header("Cookie", "JSESSIONID=" + desk).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/account/devices/sign-out-all")).header("X-Forwarded-Proto", "https")
                .header("Cookie", "JSESSIONID=" + desk).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(302);
        assertThat(workbenchStatus(portOf(secondNode), phoneSession)).isEqualTo(302);
        assertThat(workbenchStatus(port, desk)).isEqualTo(200);
    }
}
