package cn.wushe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A module's {@link DeadlineHandler} that throws is delivered the firing again by the scheduling module's
 * "resubmit-failed-events" task and completes (security.md item 39). The minimum age is zero here
 * so the test need not wait for the registry's clock; production waits a minute.
 */
@SpringBootTest
@ActiveProfiles("test")
// a context of its own: closed after the class and kept small (the shared test database's connection slots)
@TestPropertySource(properties = {"wushe.scheduling.event-resubmission.interval=10s",
        "wushe.scheduling.event-resubmission.min-age=0s", "spring.datasource.hikari.maximum-pool-size=5"})
@DirtiesContext
@Import({MutableClock.Config.class, DeadlineListenerRetryIntegrationTest.FlakyListener.class})
class DeadlineListenerRetryIntegrationTest {

    @Autowired
    Deadlines deadlines;
    @Autowired
    MutableClock clock;
    @Autowired
    FlakyListener listener;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aListenerThatFailsOnceIsRetriedAndCompletes() throws InterruptedException {
        DeadlineRef ref = new DeadlineRef("test.flaky", "thing", UUID.randomUUID().toString());
        deadlines.schedule(ref, clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofHours(2));
        await(() -> listener.attempts(ref) == 1 && failedPublications(ref) == 1);
        assertThat(listener.completed(ref)).isZero();

        // past the resubmission task's delay: the failed publication is delivered again
        clock.advance(Duration.ofMinutes(5));
        await(() -> listener.completed(ref) == 1 && incompletePublications(ref) == 0);

        assertThat(listener.attempts(ref)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from scheduling.fired_deadlines where task_instance = :i")
                .param("i", ref.instanceId()).query(Integer.class).single()).isOne();
    }

    private int failedPublications(DeadlineRef ref) {
        return publications(ref, "and status = 'FAILED'");
    }

    private int incompletePublications(DeadlineRef ref) {
        return publications(ref, "and completion_date is null");
    }

    private int publications(DeadlineRef ref, String condition) {
        return jdbc.sql("select count(*) from event_publication_registry.event_publication where serialized_event like :id "
                        + condition)
                .param("id", "%" + ref.objectId() + "%").query(Integer.class).single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1_200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** Throws on the first delivery of each deadline, as a listener whose SMS gateway is down would. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyListener implements DeadlineHandler {

        private final Map<DeadlineRef, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Map<DeadlineRef, AtomicInteger> completed = new ConcurrentHashMap<>();

        @Override
        public Set<String> kinds() {
            return Set.of("test.flaky");
        }

        @Override
        public void onDue(DeadlineDue due) {
            if (attempts.computeIfAbsent(due.deadline(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("first delivery fails");
            }
            completed.computeIfAbsent(due.deadline(), k -> new AtomicInteger()).incrementAndGet();
        }

        int attempts(DeadlineRef ref) {
            return attempts.getOrDefault(ref, new AtomicInteger()).get();
        }

        int completed(DeadlineRef ref) {
            return completed.getOrDefault(ref, new AtomicInteger()).get();
        }
    }
}
