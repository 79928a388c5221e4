package cn.wushe.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.TestAccounts;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live unread count over a real HTTP connection, through the whole filter chain (request id,
 * session checks, CSRF, security headers): the count when the stream opens, the new count after a
 * notice commits, the end of the stream at logout, and the oldest stream closed beyond the limit.
 */
class InboxStreamIntegrationTest extends NotificationsTestBase {

    private static final String END = "<end>";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    /** A browser: its own cookie jar, signed in through the login form. */
    private final class Browser {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser signIn(TestAccounts.Account account) throws IOException, InterruptedException {
            String token = token(get("/login"), CSRF_INPUT);
            HttpResponse<String> signedIn = post("/login", "username=" + account.username() + "&password="
                    + URLEncoder.encode(account.password(), StandardCharsets.UTF_8) + "&_csrf=" + token);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the stream; its lines arrive in the queue, then {@link #END} when the server closes it. */
        BlockingQueue<String> stream() throws IOException, InterruptedException {
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(uri("/notifications/stream"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (Stream<String> body = response.body()) {
                    body.forEach(lines::add);
                } catch (RuntimeException e) {
                    // the connection was cut: the stream ended as well
                }
                lines.add(END);
            });
            return lines;
        }

        void logout() throws IOException, InterruptedException {
            String token = token(get("/notifications"), CSRF_META);
            assertThat(post("/logout", "_csrf=" + token).statusCode()).isEqualTo(302);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private static String token(HttpResponse<String> page, Pattern pattern) {
        Matcher m = pattern.matcher(page.body());
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** The data of the next {@code unread} event. */
    private static String nextCount(BlockingQueue<String> lines) throws InterruptedException {
        for (String line = poll(lines); ; line = poll(lines)) {
            assertThat(line).as("stream ended before an unread event").isNotEqualTo(END);
            if (line.equals("event:unread")) {
                String data = poll(lines);
                assertThat(data).startsWith("data:");
                return data.substring("data:".length());
            }
        }
    }

    private static String poll(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(30, TimeUnit.SECONDS);
        assertThat(line).as("a line from the stream").isNotNull();
        return line;
    }

    private static void awaitEnd(BlockingQueue<String> lines) throws InterruptedException {
        for (String line = poll(lines); !line.equals(END); line = poll(lines)) {
            // heartbeats or counts still in flight
        }
    }

    @Test
    void theStreamCarriesTheCountAtOnceAndAfterEachCommittedNotice() throws Exception {
        TestAccounts.Account account = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        Browser browser = new Browser().signIn(account);
        BlockingQueue<String> lines = browser.stream();

        assertThat(nextCount(lines)).isEmpty();
        send(NotificationTestKinds.OPTIONAL, null, account.id());
        assertThat(nextCount(lines)).isEqualTo("1");
        send(NotificationTestKinds.MANDATORY, null, account.id());
        assertThat(nextCount(lines)).isEqualTo("2");

        browser.logout();
        awaitEnd(lines);
    }

    @Test
    void aRolledBackNoticeIsNeverCountedOnTheStream() throws Exception {
        TestAccounts.Account account = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        BlockingQueue<String> lines = new Browser().signIn(account).stream();
        assertThat(nextCount(lines)).isEmpty();

        tx.executeWithoutResult(status -> {
            notifications.send(new Notice(Recipients.user(account.id()), NotificationTestKinds.OPTIONAL, "标题", "正文", "/"));
            status.setRollbackOnly();
        });
        send(NotificationTestKinds.OPTIONAL, null, account.id());

        assertThat(nextCount(lines)).isEqualTo("1");
    }

    @Test
    void beyondFiveOpenStreamsTheOldestIsClosed() throws Exception {
        TestAccounts.Account account = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        Browser browser = new Browser().signIn(account);
        BlockingQueue<String> oldest = browser.stream();
        assertThat(nextCount(oldest)).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(nextCount(browser.stream())).isEmpty();
        }

        awaitEnd(oldest);
    }

    @Test
    void theStreamDoesNotKeepAnIdleSessionAlive() throws Exception {
        TestAccounts.Account account = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        Browser browser = new Browser().signIn(account);
        clock.advance(java.time.Duration.ofMinutes(20));
        assertThat(nextCount(browser.stream())).isEmpty();

        clock.advance(java.time.Duration.ofMinutes(15));
        HttpResponse<String> page = browser.get("/notifications");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void withoutASessionTheStreamIsRefused() throws Exception {
        HttpResponse<String> response = new Browser().get("/notifications/stream");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("event:");
    }
}
