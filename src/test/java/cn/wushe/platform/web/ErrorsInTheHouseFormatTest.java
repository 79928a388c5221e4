package cn.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.TestAccounts;
import cn.wushe.identity.internal.AccountFixture;
import cn.wushe.identity.internal.PersonalAccessTokens;
import cn.wushe.identity.internal.TokenScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each malformed request replayed over a real loopback connection, since several are refused by
 * Tomcat or a filter before Spring MVC runs: the API answers problem+json in Chinese, a page the
 * Chinese error page, always with the security headers, and no stack trace is logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestAccounts.class, AccountFixture.class})
@ExtendWith(OutputCaptureExtension.class)
class ErrorsInTheHouseFormatTest {

    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    PersonalAccessTokens tokens;

    TestAccounts.Account worker;

    String bearer;

    @BeforeEach
    void signIn() {
        worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        bearer = "Bearer " + tokens.create(accounts.principal(worker.id()), worker.password(), "errors", 1,
                TokenScope.WRITE).secret();
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/v1/people?name=%00          | 400 | /problems/invalid-input         | 参数“name”含有不允许的控制字符
            GET    | /api/v1/regions?q=%00            | 400 | /problems/invalid-input         | 参数“q”含有不允许的控制字符
            GET    | /api/v1/regions?q=a%01b          | 400 | /problems/invalid-input         | 参数“q”含有不允许的控制字符
            GET    | /api/v1/people/%C3%28            | 400 | /problems/bad-request           | 请求地址或参数无法识别
            GET    | /api/v1/people/a%2Fb             | 400 | /problems/bad-request           | 请求地址或参数无法识别
            GET    | /api/v1/people?sex=X             | 400 | /problems/invalid-input         | 参数“sex”的值“X”无效
            DELETE | /api/v1/regions                  | 405 | /problems/method-not-allowed    | 此地址不支持 DELETE 请求
            POST   | /api/v1/people                   | 415 | /problems/unsupported-media-type | 不支持的内容类型“text/plain
            GET    | /api/v1/no-such-thing            | 404 | /problems/not-found             | 未找到
            """)
    void apiAnswersProblemJsonInChinese(String method, String target, int status, String type, String detail,
            CapturedOutput output) throws IOException {
        Response response = send(method, target, method.equals("POST") ? "x" : null,
                "Authorization", bearer, "Content-Type", "text/plain");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").contains(detail)
                .contains("\"status\":" + status);
        assertSecurityHeaders(response);
        assertNoStackTraceLogged(output);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /people?name=%00      | 400 | 请求未能完成
            GET  | /people/%C3%28        | 400 | 请求未能完成
            GET  | /people/a%2Fb         | 400 | 请求未能完成
            POST | /people               | 403 | 没有权限
            """)
    void pagesAnswerTheChineseErrorPage(String method, String target, int status, String heading,
            CapturedOutput output) throws IOException {
        // no session and no CSRF token: the POST is a forgery as far as the server can tell
        Response response = send(method, target, method.equals("POST") ? "x=1" : null, "Accept", "text/html",
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains(heading).contains("五社联动").doesNotContain("Whitelabel")
                .doesNotContain("Apache Tomcat");
        assertSecurityHeaders(response);
        assertNoStackTraceLogged(output);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /people?name=%00 | 400
            /people?sex=X    | 400
            """)
    void aSignedInPageWithABadParameterGetsTheErrorPageToo(String target, int status, CapturedOutput output)
            throws IOException {
        Response response = send("GET", target, null, "Cookie", signInOverLoopback(), "Accept", "text/html");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("请求未能完成").contains("五社联动");
        assertSecurityHeaders(response);
        assertNoStackTraceLogged(output);
    }

    /** The session cookie of the worker, signed in through the login form. */
    private String signInOverLoopback() throws IOException {
        Response form = send("GET", "/login", null);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        Response signedIn = send("POST", "/login", "username=" + worker.username() + "&password="
                + URLEncoder.encode(worker.password(), StandardCharsets.UTF_8) + "&_csrf=" + token.group(1),
                "Cookie", sessionCookie(form), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
        return sessionCookie(signedIn);
    }

    private static String sessionCookie(Response response) {
        Matcher session = Pattern.compile("JSESSIONID=[^;,]+").matcher(response.header("Set-Cookie"));
        assertThat(session.find()).isTrue();
        return session.group();
    }

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Permissions-Policy")).contains("microphone=()");
    }

    private static void assertNoStackTraceLogged(CapturedOutput output) {
        LoggerFactory.getLogger(ErrorsInTheHouseFormatTest.class).warn("capture-check");
        assertThat(output.getAll()).as("the capture sees the log").contains("capture-check");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    /** One request on its own connection, written byte for byte (no client re-encodes the target). */
    private Response send(String method, String target, @Nullable String body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        String body = all.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
    }

    private static String dechunk(String chunked) {
        // sizes count bytes, so decode on bytes
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(bytes, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no line end");
    }

}
