package cn.wushe.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.notifications.internal.OutboxDelivery;
import cn.wushe.notifications.internal.Webhooks;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signed webhook against a gateway the test runs on loopback: signature, retries with back-off,
 * a hanging gateway, a refusal that is not retried, nothing sent twice, and every attempt recorded.
 * The clock is moved past each back-off; the delivery task is off, so each run is the test's own.
 */
class WebhookDeliveryIntegrationTest extends NotificationsTestBase {

    private static final String SECRET = "gateway-secret-0123456789";

    /** One request as the gateway saw it. */
    record Received(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse("");
        }
    }

    @Autowired
    OutboxDelivery delivery;
    @Autowired
    Webhooks webhooks;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseHanging = new CountDownLatch(1);

    @AfterEach
    void stopGateway() {
        releaseHanging.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** A county of its own per test, so no test's gateway sees another's notices. */
    private String county() {
        return "9" + (10000 + ThreadLocalRandom.current().nextInt(89999));
    }

    /** Starts the gateway answering each request with the next status; -1 hangs until the test ends. */
    private void gateway(String county, IntSupplier answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> answer(exchange, answers.getAsInt()));
        server.start();
        TestActor admin = TestActor.of("admin-" + county, "SYSTEM_ADMIN", county, Permission.USER_MANAGE);
        tx.executeWithoutResult(status -> webhooks.configure(admin, county,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", SECRET, true));
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (status < 0) {
            try {
                releaseHanging.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static IntSupplier answering(int... statuses) {
        AtomicInteger next = new AtomicInteger();
        return () -> statuses[Math.min(next.getAndIncrement(), statuses.length - 1)];
    }

    /** Runs the delivery, moving the clock past each back-off, until the notice's delivery settled. */
    private void deliverUntilSettled(NoticeId notice) {
        for (int run = 0; run < 20 && "PENDING".equals(status(notice)); run++) {
            delivery.deliverDue();
            clock.advance(Duration.ofHours(2));
        }
    }

    private String status(NoticeId notice) {
        return jdbc.sql("select status from notifications.deliveries where notice_id = :id").param("id", notice.value())
                .query(String.class).single();
    }

    private List<String> attempts(NoticeId notice) {
        return jdbc.sql("""
                select a.outcome || ':' || coalesce(a.http_status::text, '-') from notifications.delivery_attempts a
                join notifications.deliveries d on d.id = a.delivery_id
                where d.notice_id = :id order by a.attempt""")
                .param("id", notice.value()).query(String.class).list();
    }

    private static String hmacSm3(String key, String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Test
    void theGatewayGetsASignedBodyWithoutPersonalData() throws IOException {
        String county = county();
        gateway(county, answering(200));
        UUID user = UUID.randomUUID();
        NoticeId notice = send(NotificationTestKinds.OPTIONAL, county + "001001", user);

        delivery.deliverDue();

        assertThat(received).singleElement().satisfies(request -> {
            String timestamp = request.header("X-Wushe-Timestamp");
            assertThat(request.header("X-Wushe-Signature")).isEqualTo("sm3=" + hmacSm3(SECRET, timestamp + "." + request.body()));
            assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
            assertThat(request.header("Idempotency-Key")).isNotBlank();
            assertThat(request.body()).contains("\"userId\":\"" + user + "\"").contains("\"noticeId\":\"" + notice + "\"")
                    .contains("\"link\":\"/people?grid=1\"").contains("走访逾期提醒")
                    .doesNotContain("displayName").doesNotContain("phone");
        });
        assertThat(status(notice)).isEqualTo("DELIVERED");
        assertThat(attempts(notice)).containsExactly("DELIVERED:200");
    }

    @Test
    void aGatewayFailingTwiceGetsThreeAttemptsAndOneSuccess() throws IOException {
        String county = county();
        gateway(county, answering(500, 500, 200));
        NoticeId notice = send(NotificationTestKinds.OPTIONAL, county, UUID.randomUUID());

        delivery.deliverDue();
        delivery.deliverDue(); // not due yet: the back-off holds the second attempt
        assertThat(received).hasSize(1);

        deliverUntilSettled(notice);
        delivery.deliverDue();

        assertThat(status(notice)).isEqualTo("DELIVERED");
        assertThat(attempts(notice)).containsExactly("RETRY:500", "RETRY:500", "DELIVERED:200");
        assertThat(received).hasSize(3);
        assertThat(received.stream().map(r -> r.header("Idempotency-Key")).distinct()).hasSize(1);
    }

    @Test
    void aHangingGatewayTimesOutAndIsTriedAgain() throws IOException {
        String county = county();
        gateway(county, answering(-1, 200));
        NoticeId notice = send(NotificationTestKinds.OPTIONAL, county, UUID.randomUUID());

        deliverUntilSettled(notice);

        assertThat(status(notice)).isEqualTo("DELIVERED");
        List<String> attempts = attempts(notice);
        assertThat(attempts).containsExactly("RETRY:-", "DELIVERED:200");
        assertThat(jdbc.sql("""
                select error from notifications.delivery_attempts a join notifications.deliveries d on d.id = a.delivery_id
                where d.notice_id = :id and a.attempt = 1""").param("id", notice.value()).query(String.class).single())
                .contains("Timeout");
    }

    @Test
    void aRefusalOtherThan429IsNotRetried() throws IOException {
        String county = county();
        gateway(county, answering(429, 400, 200));
        NoticeId notice = send(NotificationTestKinds.OPTIONAL, county, UUID.randomUUID());

        deliverUntilSettled(notice);

        assertThat(status(notice)).isEqualTo("FAILED");
        assertThat(attempts(notice)).containsExactly("RETRY:429", "GAVE_UP:400");
    }

    @Test
    void twoRunsAtOnceSendEachDeliveryOnce() throws Exception {
        String county = county();
        gateway(county, answering(200));
        UUID[] users = java.util.stream.IntStream.range(0, 80).mapToObj(i -> UUID.randomUUID()).toArray(UUID[]::new);
        NoticeId notice = send(NotificationTestKinds.OPTIONAL, county, users);

        try (var runs = Executors.newFixedThreadPool(2)) {
            runs.submit(delivery::deliverDue);
            runs.submit(delivery::deliverDue);
        }
        clock.advance(Duration.ofHours(2));
        delivery.deliverDue();

        assertThat(received).hasSize(80);
        assertThat(received.stream().map(r -> r.header("Idempotency-Key")).distinct()).hasSize(80);
        assertThat(jdbc.sql("select count(*) from notifications.deliveries where notice_id = :id and status = 'DELIVERED'")
                .param("id", notice.value()).query(Long.class).single()).isEqualTo(80);
    }

    @Test
    void aUserWhoTurnedTheWebhookOffGetsOnlyTheInbox() throws Exception {
        String county = county();
        gateway(county, answering(200));
        TestActor reader = TestActor.of("webhook-off-" + UUID.randomUUID(), "COMMUNITY_WORKER", county + "001");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/notifications")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(reader.authentication()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("on", "test.optional/INBOX"));

        NoticeId notice = send(NotificationTestKinds.OPTIONAL, county, reader.id());

        assertThat(inboxRows(notice)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notifications.deliveries where notice_id = :id").param("id", notice.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSecretIsEncryptedAtRestAndItsChangesAudited() throws IOException {
        String county = county();
        gateway(county, answering(200));

        String stored = jdbc.sql("select secret from notifications.webhooks where county_code = :c").param("c", county)
                .query(String.class).single();
        assertThat(stored).startsWith("v").doesNotContain(SECRET);
        assertThat(jdbc.sql("select detail from audit.entries where action = 'WEBHOOK_CREATE' and object_id = :c")
                .param("c", county).query(String.class).single()).contains("url=").doesNotContain(SECRET);
    }
}
