package cn.wushe.scheduling.probe;

import cn.wushe.platform.ClockConfiguration;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.scheduling.internal.DeadlineFired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test-only wiring for the real application started as a separate process by
 * {@code DeadlinesProcessIntegrationTest}: a clock the test moves through a file, a plan of
 * deadlines scheduled through {@link Deadlines} at startup, and an idempotent handler of the
 * {@code probe.*} kinds that keeps one outcome per deadline. Never on the production classpath; in the test JVM's own contexts the
 * profile is off and {@code @TestConfiguration} keeps it out of component scanning.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("probe")
public class ProbeConfiguration {

    /** The system clock plus an offset in seconds read from {@code probe.clock-file}. */
    @Bean
    @Primary
    Clock probeClock(@Value("${probe.clock-file}") Path file) {
        return new FileOffsetClock(file, ClockConfiguration.ZONE);
    }

    /** Schedules every line {@code kind|type|id|epochMillis} of {@code probe.plan}, then writes {@code <plan>.done}. */
    @Bean
    ApplicationRunner probePlan(@Value("${probe.plan:}") String plan, Deadlines deadlines, TransactionTemplate tx) {
        return args -> {
            if (plan.isEmpty() || Files.exists(Path.of(plan + ".done"))) {
                return;
            }
            List<String> lines = Files.readAllLines(Path.of(plan));
            for (int from = 0; from < lines.size(); from += 500) {
                List<String> batch = lines.subList(from, Math.min(lines.size(), from + 500));
                tx.executeWithoutResult(status -> batch.forEach(line -> {
                    String[] f = line.split("\\|");
                    deadlines.schedule(new DeadlineRef(f[0], f[1], f[2]), Instant.ofEpochMilli(Long.parseLong(f[3])));
                }));
            }
            Files.writeString(Path.of(plan + ".done"), Integer.toString(lines.size()));
        };
    }

    @Bean
    Outcomes probeOutcomes(JdbcClient jdbc, @Value("${db-scheduler.scheduler-name:node}") String node) {
        return new Outcomes(jdbc, node);
    }

    @Bean
    FiringStall probeFiringStall(@Value("${probe.stall-after:-1}") int stallAfter) {
        return new FiringStall(stallAfter);
    }

    /** A module's reaction: one outcome per deadline and due time, however often it is delivered. */
    public static class Outcomes implements DeadlineHandler {

        private final JdbcClient jdbc;
        private final String node;

        Outcomes(JdbcClient jdbc, String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        @Override
        public Set<String> kinds() {
            return Set.of("probe.*");
        }

        @Override
        public void onDue(DeadlineDue due) {
            jdbc.sql("insert into probe.deliveries (task_instance, due_at, node) values (:i, :d, :n)")
                    .param("i", due.deadline().instanceId()).param("d", Timestamp.from(due.dueAt())).param("n", node)
                    .update();
            jdbc.sql("""
                    insert into probe.outcomes (task_instance, due_at, node) values (:i, :d, :n)
                    on conflict do nothing""")
                    .param("i", due.deadline().instanceId()).param("d", Timestamp.from(due.dueAt())).param("n", node)
                    .update();
        }
    }

    /**
     * After {@code stallAfter} firings on this node, each further firing commits and then its
     * thread hangs before db-scheduler can complete the execution: a kill then leaves executions
     * that fired but are still picked, the case a re-run must not fire twice.
     */
    public static class FiringStall {

        private final int stallAfter;
        private final AtomicInteger fired = new AtomicInteger();

        FiringStall(int stallAfter) {
            this.stallAfter = stallAfter;
        }

        @EventListener
        void on(DeadlineFired firing) {
            if (stallAfter >= 0 && fired.incrementAndGet() > stallAfter) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        try {
                            Thread.sleep(Duration.ofHours(1));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            }
        }
    }

    static final class FileOffsetClock extends Clock {

        private final Path file;
        private final ZoneId zone;
        private volatile boolean read;
        private volatile long readAt;
        private volatile long offsetSeconds;

        FileOffsetClock(Path file, ZoneId zone) {
            this.file = file;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            long now = System.nanoTime();
            if (!read || now - readAt > 100_000_000L) {
                try {
                    offsetSeconds = Long.parseLong(Files.readString(file).trim());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                readAt = now;
                read = true;
            }
            return Instant.now().plusSeconds(offsetSeconds);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new FileOffsetClock(file, other);
        }
    }
}
