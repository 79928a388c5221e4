package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The application never outlives its embedded database silently. A watcher thread checks the
 * postmaster of {@code postmaster.pid} a few times a second; when it is gone, readiness turns
 * {@code REFUSING_TRAFFIC} at once and requests are answered 503 (see
 * {@code platform.web.DatabaseUnavailableFilter}). Then, as {@code wushe.db.on-failure} says:
 * {@code restart} starts the server again on the same data (PostgreSQL's crash recovery replays
 * the WAL: every acknowledged commit is back), at most {@code wushe.db.max-restarts-per-hour}
 * times, after which — or with {@code exit} — the process ends with status {@value #EXIT_STATUS}
 * so that a service manager (systemd) starts it afresh.
 *
 * <p>Only present with the embedded server: an external database has its own supervision.
 */
@Component
@ConditionalOnProperty("wushe.db.embedded-port")
public class DatabaseWatch implements SmartLifecycle {

    /** The exit status when the database could not be kept running (EX_TEMPFAIL). */
    public static final int EXIT_STATUS = 75;
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final Duration POLL = Duration.ofMillis(200);

    public enum OnFailure { RESTART, EXIT }

    private final ApplicationContext context;
    private final Clock clock;
    private final Path dataDir;
    private final OnFailure onFailure;
    private final int maxRestartsPerHour;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private volatile boolean up = true;
    private volatile boolean running;
    private volatile Thread watcher;

    DatabaseWatch(ApplicationContext context, Clock clock,
                  @Value("${wushe.data-dir:./data}") String dataDir,
                  @Value("${wushe.db.on-failure:restart}") OnFailure onFailure,
                  @Value("${wushe.db.max-restarts-per-hour:3}") int maxRestartsPerHour) {
        this.context = context;
        this.clock = clock;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.onFailure = onFailure;
        this.maxRestartsPerHour = maxRestartsPerHour;
        OrphanedServer.log.switchTo(OrphanedServer.class);
    }

    /** Whether the database is serving; false from the moment its server was seen dead until it is back. */
    public boolean up() {
        return up;
    }

    private Path pgDir() {
        return dataDir.resolve("pg");
    }

    @Override
    public void start() {
        running = true;
        watcher = Thread.ofPlatform().daemon().name("database-watch").start(this::watch);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first and started last: the server is stopped only after the contexts closed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
            if (running && !serverAlive()) {
                serverDied();
            }
        }
    }

    private boolean serverAlive() {
        Optional<Long> pid = OrphanedServer.postmasterPid(pgDir());
        return pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private void serverDied() {
        Instant diedAt = clock.instant();
        up = false;
        // said the moment writes are refused (up is false): the readiness listeners may take a while
        log.error(Messages.text("platform.db.server-died", pgDir()));
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (onFailure == OnFailure.EXIT || restartsInLastHour(diedAt) >= maxRestartsPerHour) {
            exit();
            return;
        }
        for (int attempt = 1; attempt <= 3 && running; attempt++) {
            try {
                OrphanedServer.awaitBackendsGone(pgDir(), Duration.ofSeconds(10));
                EmbeddedPostgresEnvironment.restart(dataDir);
                restarts.addLast(diedAt);
                Instant backAt = clock.instant();
                log.warn(Messages.text("platform.db.server-restarted", pgDir(),
                        String.valueOf(Duration.between(diedAt, backAt).toMillis()),
                        String.valueOf(restarts.size()), String.valueOf(maxRestartsPerHour)));
                up = true;
                AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
                context.publishEvent(new DatabaseRestarted(diedAt, backAt, restarts.size()));
                return;
            } catch (RuntimeException e) {
                log.error(Messages.text("platform.db.restart-failed", String.valueOf(attempt)), e);
            }
        }
        exit();
    }

    private int restartsInLastHour(Instant now) {
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            restarts.removeFirst();
        }
        return restarts.size();
    }

    private void exit() {
        running = false;
        log.error(Messages.text("platform.db.exiting", String.valueOf(EXIT_STATUS)));
        ShutdownDeadline.haltStatus = EXIT_STATUS;
        // not on this thread: System.exit waits for the shutdown hooks, which stop this watch
        Thread.ofPlatform().name("database-exit").start(() -> System.exit(EXIT_STATUS));
    }
}
