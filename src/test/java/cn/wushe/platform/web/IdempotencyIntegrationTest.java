package cn.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Idempotency-Key's promise under failure and concurrency: the kept answer and the action's
 * writes commit together or not at all, so a request that dies half-way leaves nothing claimed, and
 * a retry racing the first request waits for it and replays its answer instead of acting twice.
 */
@SpringBootTest
@ActiveProfiles("test")
class IdempotencyIntegrationTest {

    static final TestActor CLERK = TestActor.of("idempotency-clerk", "COMMUNITY_WORKER", "610527001001",
            Permission.PERSON_EDIT);

    @Autowired
    Idempotency idempotency;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestThatDiesHalfWayLeavesNeitherItsWritesNorTheKeyBehind() {
        String key = "dies-" + UUID.randomUUID();
        String sideEffect = "side-" + UUID.randomUUID();

        assertThatThrownBy(() -> as(CLERK, () -> idempotency.once(key, "POST /test", "body", String.class, () -> {
            claimRaw(sideEffect); // the action's own write, in the same transaction
            throw new IllegalStateException("the process dies here");
        }))).isInstanceOf(IllegalStateException.class);

        assertThat(keys(key, sideEffect)).isEmpty();
        ResponseEntity<String> retry = as(CLERK, () -> idempotency.once(key, "POST /test", "body", String.class,
                () -> ResponseEntity.status(201).body("done")));
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(keys(key, sideEffect)).containsExactly(key);
    }

    @Test
    void aRetryThatArrivesWhileTheFirstRunsWaitsAndGetsTheFirstAnswer() throws Exception {
        String key = "race-" + UUID.randomUUID();
        AtomicInteger actions = new AtomicInteger();
        CountDownLatch firstIsActing = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseEntity<String>> first = threads.submit(() -> as(CLERK, () -> idempotency.once(key, "POST /test",
                    "body", String.class, () -> {
                        actions.incrementAndGet();
                        firstIsActing.countDown();
                        await(letFirstFinish);
                        return ResponseEntity.status(201).body("created once");
                    })));
            assertThat(firstIsActing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ResponseEntity<String>> retry = threads.submit(() -> as(CLERK, () -> idempotency.once(key, "POST /test",
                    "body", String.class, () -> {
                        actions.incrementAndGet();
                        return ResponseEntity.status(201).body("created twice");
                    })));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsOnALock);
            letFirstFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).getBody()).isEqualTo("created once");
            assertThat(retry.get(10, TimeUnit.SECONDS).getBody()).isEqualTo("created once");
            assertThat(actions).hasValue(1);
        } finally {
            letFirstFinish.countDown();
            threads.shutdownNow();
        }
    }

    private boolean someoneWaitsOnALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'").query(Long.class).single() > 0;
    }

    private void claimRaw(String key) {
        jdbc.sql("""
                insert into platform.idempotent_requests (actor_id, key, fingerprint, status, created_at, expires_at)
                values (:actor, :key, 'x', 201, now(), now() + interval '1 hour')""")
                .param("actor", CLERK.id()).param("key", key).update();
    }

    private List<String> keys(String... keys) {
        return jdbc.sql("select key from platform.idempotent_requests where actor_id = :actor and key = any(:keys) order by key")
                .param("actor", CLERK.id()).param("keys", keys).query(String.class).list();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T as(TestActor actor, java.util.function.Supplier<T> call) {
        SecurityContextHolder.getContext().setAuthentication(actor.authentication());
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
