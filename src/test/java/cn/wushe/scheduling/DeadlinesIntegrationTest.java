package cn.wushe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.identity.MutableClock;
import cn.wushe.platform.DomainException;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Deadlines join the caller's transaction, fire once when due, move and cancel. */
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

    private static DeadlineRef newRef() {
        return new DeadlineRef("test.due", "thing", UUID.randomUUID().toString());
    }

    /** Collects fired deadlines as a module's listener would receive them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fired {

        private final List<DeadlineDue> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DeadlineDue due) {
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
