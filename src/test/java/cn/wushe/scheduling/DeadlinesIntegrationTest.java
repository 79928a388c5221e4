package cn.wushe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.identity.MutableClock;
import cn.wushe.platform.DomainException;
import cn.wushe.scheduling.internal.TaskQueue;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadlines join the caller's transaction, fire once when due to the handler owning their kind
 * (one event publication each), move and cancel; a kind nobody owns is recorded, not delivered.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({MutableClock.Config.class, DeadlinesIntegrationTest.Fired.class})
class DeadlinesIntegrationTest {

    @Autowired
    Deadlines deadlines;
    @Autowired
    Scheduler scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Fired fired;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskQueue queue;

    @Test
    void aDeadlineScheduledInARolledBackTransactionIsNotThere() {
        DeadlineRef ref = newRef();
        tx.executeWithoutResult(status -> {
            deadlines.schedule(ref, clock.instant().plus(Duration.ofDays(1)));
            status.setRollbackOnly();
        });

        assertThat(deadlines.dueAt(ref)).isEmpty();
    }

    @Test
    void aDueDeadlineFiresOnceWithItsDueTime() throws InterruptedException {
        DeadlineRef ref = newRef();
        Instant due = clock.instant().plus(Duration.ofHours(2));
        tx.executeWithoutResult(status -> deadlines.schedule(ref, due));

        clock.advance(Duration.ofHours(3));
        List<DeadlineDue> events = fired.awaitFor(ref);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.dueAt()).isEqualTo(due);
            assertThat(e.firedAt()).isAfter(due);
        });
        assertThat(deadlines.dueAt(ref)).isEmpty();
        assertThat(publications(ref)).as("one publication, for the owner only").isOne();
        assertThat(owner(ref)).isEqualTo(Fired.class.getName());
    }

    @Test
    void aKindOwnedByPrefixReachesItsOwner() throws InterruptedException {
        DeadlineRef ref = new DeadlineRef("test.family.member", "thing", UUID.randomUUID().toString());
        // minutes, not hours: this cached context's scheduler fires the shared database's other modules'
        // deadlines by its own clock, so it should move no further than the older test here takes it
        tx.executeWithoutResult(status -> deadlines.schedule(ref, clock.instant().plus(Duration.ofMinutes(1))));

        clock.advance(Duration.ofMinutes(2));

        assertThat(fired.awaitFor(ref)).hasSize(1);
        assertThat(publications(ref)).isOne();
    }

    @Test
    void aKindNoHandlerOwnsIsRecordedAsUnownedAndNotDelivered() throws InterruptedException {
        DeadlineRef ref = new DeadlineRef("test.nobody", "thing", UUID.randomUUID().toString());
        long unownedBefore = queue.unowned();
        tx.executeWithoutResult(status -> deadlines.schedule(ref, clock.instant().plus(Duration.ofMinutes(1))));

        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 200 && firings(ref) == 0; i++) {
            Thread.sleep(50);
        }

        assertThat(firings(ref)).isOne();
        assertThat(owner(ref)).isNull();
        assertThat(publications(ref)).isZero();
        assertThat(fired.awaitFor(ref)).isEmpty();
        assertThat(queue.unowned()).isEqualTo(unownedBefore + 1);
        assertThat(queue.overview().fired()).filteredOn(f -> f.deadline().equals(ref)).singleElement()
                .satisfies(f -> assertThat(f.owner()).isNull());
    }

    @Test
    void schedulingTheSameDeadlineAgainMovesIt() {
        DeadlineRef ref = newRef();
        Instant later = clock.instant().plus(Duration.ofDays(5));
        deadlines.schedule(ref, clock.instant().plus(Duration.ofDays(1)));
        deadlines.schedule(ref, later);

        assertThat(deadlines.dueAt(ref)).contains(later);
        assertThat(deadlines.move(ref, later.plusSeconds(60))).isTrue();
        assertThat(deadlines.dueAt(ref)).contains(later.plusSeconds(60));
    }

    @Test
    void aCancelledDeadlineIsGoneAndCannotBeMoved() {
        DeadlineRef ref = newRef();
        deadlines.schedule(ref, clock.instant().plus(Duration.ofDays(1)));

        assertThat(deadlines.cancel(ref)).isTrue();
        assertThat(deadlines.cancel(ref)).isFalse();
        assertThat(deadlines.move(ref, clock.instant().plus(Duration.ofDays(2)))).isFalse();
        assertThat(deadlines.dueAt(ref)).isEmpty();
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        DeadlineRef ref = newRef();

        assertThatThrownBy(() -> deadlines.schedule(ref, clock.instant().minusSeconds(1)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("过去");
        assertThat(deadlines.dueAt(ref)).isEmpty();
    }

    private int firings(DeadlineRef ref) {
        return jdbc.sql("select count(*) from scheduling.fired_deadlines where task_instance = :i")
                .param("i", ref.instanceId()).query(Integer.class).single();
    }

    private String owner(DeadlineRef ref) {
        return jdbc.sql("select owner from scheduling.fired_deadlines where task_instance = :i")
                .param("i", ref.instanceId()).query(String.class).optional().orElse(null);
    }

    /** Event publications about this deadline, to any listener. */
    private int publications(DeadlineRef ref) {
        return jdbc.sql("select count(*) from event_publication_registry.event_publication where serialized_event like :id")
                .param("id", "%" + ref.objectId() + "%").query(Integer.class).single();
    }

    private static DeadlineRef newRef() {
        return new DeadlineRef("test.due", "thing", UUID.randomUUID().toString());
    }

    /** Collects fired deadlines as a module's handler receives them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fired implements DeadlineHandler {

        private final List<DeadlineDue> events = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> kinds() {
            return Set.of("test.due", "test.family.*");
        }

        @Override
        public void onDue(DeadlineDue due) {
            events.add(due);
        }

        List<DeadlineDue> awaitFor(DeadlineRef ref) throws InterruptedException {
            for (int i = 0; i < 200 && events.stream().noneMatch(e -> e.deadline().equals(ref)); i++) {
                Thread.sleep(50);
            }
            // one more poll interval: a second firing would show here
            Thread.sleep(1_200);
            return events.stream().filter(e -> e.deadline().equals(ref)).toList();
        }
    }
}
