package cn.wushe.identity;

import cn.wushe.identity.internal.AccountFixture;
import cn.wushe.identity.internal.SecondFactors;
import cn.wushe.identity.internal.Totp;
import cn.wushe.platform.BenchmarkReport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10's benchmark "login with second factor": 20 concurrent clients each sign in through the
 * real pages — GET /login, POST /login (Argon2id), GET and POST /login/second-factor with the
 * current TOTP code — with sessions in PostgreSQL (Spring Session JDBC), as in production. Each
 * sign-in uses an account of its own (a TOTP code is accepted once per account and time step).
 * p50/p99 of the whole four-request sign-in go to docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=", "logging.level.root=WARN"})
@ActiveProfiles("test")
@Import({TestAccounts.class, AccountFixture.class})
class LoginSecondFactorBenchmark {

    static final int CLIENTS = 20;
    static final int PER_CLIENT = Integer.getInteger("bench.logins", 10);
    static final int WARM_UP = 2;
    static final String SECRET = "WUSHEBENCHTOTPSECRETWUSHEBENCHTO";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SecondFactors secondFactors;

    @Test
    void loginWithSecondFactorAtTwentyClients() throws Exception {
        int total = CLIENTS * (PER_CLIENT + WARM_UP);
        List<TestAccounts.Account> admins = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            TestAccounts.Account admin = accounts.create("610527", "AUDIT_ADMIN@610527");
            secondFactors.enrolKnownSecret(admin.id(), SECRET);
            admins.add(admin);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                    for (int i = 0; i < PER_CLIENT + WARM_UP; i++) {
                        TestAccounts.Account admin = admins.get(next.getAndIncrement());
                        long t0 = System.nanoTime();
                        boolean ok = signIn(http, admin);
                        long took = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        } else if (i >= WARM_UP) {
                            nanos.add(took);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        String section = "## Login with second factor (TOTP)\n\n"
                + "Measured " + LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0) + " (Asia/Shanghai) by "
                + "`LoginSecondFactorBenchmark` (`mvn -B test -Dgroups=benchmark -DexcludedGroups=none "
                + "-Dtest=LoginSecondFactorBenchmark`), " + Runtime.getRuntime().availableProcessors() + " cores shared with "
                + "other builds (load average at the end " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0]
                + "), JDK " + System.getProperty("java.version") + ", embedded PostgreSQL 17, sessions in PostgreSQL. "
                + CLIENTS + " concurrent clients, each signing in " + PER_CLIENT + " times (after " + WARM_UP
                + " warm-up sign-ins) through the pages: GET /login, POST /login, GET and POST /login/second-factor. "
                + "One sign-in hashes the password with Argon2id (32 MiB, 2 passes, about 70 ms of one core), which "
                + "dominates: 2 cores verify at most about 28 passwords a second, so 20 clients queue.\n\n"
                + "| sign-ins | p50 (ms) | p99 (ms) | sign-ins/s | errors |\n|---|---|---|---|---|\n"
                + String.format("| %d | %.0f | %.0f | %.1f | %d |%n%n", sorted.size(), p50, p99,
                        sorted.size() / seconds, errors.get());
        BenchmarkReport.writeSection("login-second-factor", section);
    }

    private boolean signIn(HttpClient http, TestAccounts.Account admin) {
        try {
            HttpResponse<String> form = get(http, "/login", null);
            String cookie = cookie(form, null);
            HttpResponse<String> login = post(http, "/login", cookie, "username=" + admin.username() + "&password="
                    + URLEncoder.encode(admin.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf(form));
            cookie = cookie(login, cookie);
            if (!login.headers().firstValue("Location").orElse("").endsWith("/login/second-factor")) {
                return false;
            }
            HttpResponse<String> page = get(http, "/login/second-factor", cookie);
            String code = Totp.code(Totp.fromBase32(SECRET), Totp.stepAt(Instant.now()));
            HttpResponse<String> done = post(http, "/login/second-factor", cookie, "code=" + code + "&_csrf=" + csrf(page));
            return done.statusCode() == 302 && !done.headers().firstValue("Location").orElse("/login").contains("/login");
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> get(HttpClient http, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient http, String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page.uri());
        }
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String cookie(HttpResponse<?> response, String current) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElse(current);
    }
}
