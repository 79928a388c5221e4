package cn.wushe.notifications.internal;

import cn.wushe.notifications.internal.NotificationChannel.Outbound;
import cn.wushe.notifications.internal.NotificationChannel.Result;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A run claims due deliveries in a short transaction (FOR UPDATE SKIP
 * LOCKED, so two nodes never claim the same row) and leases them by moving {@code next_attempt_at}
 * past the longest a request can take; sends them outside any transaction, in parallel on virtual
 * threads (one hanging gateway does not hold up the others); then records each attempt and moves
 * the delivery on: delivered, due again after an exponential back-off, or given up. Recording is
 * guarded by the attempt number, so a claimer whose lease ran out cannot overwrite a newer attempt.
 */
@Service
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int ERROR_MAX = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NoticeKinds kinds;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final NotificationSettings settings;
    private final Clock clock;

    OutboxDelivery(JdbcClient jdbc, TransactionTemplate tx, NoticeKinds kinds, List<NotificationChannel> channels,
            NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kinds = kinds;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.settings = settings;
        this.clock = clock;
    }

    /** A claimed delivery: the channel it goes through and what it sends. */
    private record Claimed(Channel channel, Outbound message) {
    }

    /** Delivers everything due now, batch after batch. @return attempts made */
    public int deliverDue() {
        int attempts = 0;
        List<Claimed> batch;
        do {
            batch = claim();
            send(batch);
            attempts += batch.size();
        } while (batch.size() == settings.batchSize());
        return attempts;
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return tx.execute(status -> jdbc.sql("""
                with due as (
                    select id from notifications.deliveries
                    where status = 'PENDING' and next_attempt_at <= :now
                    order by next_attempt_at
                    limit :limit
                    for update skip locked),
                claimed as (
                    update notifications.deliveries d set attempts = d.attempts + 1, next_attempt_at = :leaseUntil
                    from due where d.id = due.id
                    returning d.id, d.notice_id, d.user_id, d.channel, d.county_code, d.attempts)
                select c.id, c.notice_id, c.user_id, c.channel, c.county_code, c.attempts,
                       n.kind, n.title, n.body, n.link, n.region_code, n.created_at
                from claimed c join notifications.notices n on n.id = c.notice_id""")
                .param("now", Timestamp.from(now)).param("limit", settings.batchSize())
                .param("leaseUntil", Timestamp.from(now.plus(settings.lease())))
                .query((rs, n) -> new Claimed(Channel.valueOf(rs.getString("channel")), new Outbound(rs.getObject("id", UUID.class), rs.getInt("attempts"),
                        rs.getObject("notice_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("county_code"), rs.getString("kind"), kinds.label(rs.getString("kind")),
                        rs.getString("title"), rs.getString("body"), rs.getString("link"), rs.getString("region_code"),
                        rs.getTimestamp("created_at").toInstant())))
                .list());
    }

    private void send(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = batch.stream().<Future<?>>map(m -> threads.submit(() -> attempt(m))).toList();
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    log.warn("recording a delivery attempt failed; the delivery is retried after its lease", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void attempt(Claimed claimed) {
        Outbound message = claimed.message();
        Instant started = clock.instant();
        NotificationChannel channel = channels.get(claimed.channel());
        Result result;
        try {
            result = channel == null ? new Result.GiveUp(null, "no channel " + claimed.channel())
                    : channel.deliver(message);
        } catch (RuntimeException e) {
            result = new Result.Retry(null, e.getClass().getSimpleName());
        }
        record(message, started, result);
    }

    private void record(Outbound message, Instant started, Result result) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            String outcome;
            @Nullable Integer httpStatus;
            @Nullable String error;
            switch (result) {
                case Result.Delivered d -> {
                    outcome = "DELIVERED";
                    httpStatus = d.status();
                    error = null;
                    update(message, "DELIVERED", now, null, now);
                }
                case Result.Retry r when message.attempt() < settings.maxAttempts() -> {
                    outcome = "RETRY";
                    httpStatus = r.status();
                    error = r.error();
                    update(message, "PENDING", now.plus(settings.backoffAfter(message.attempt())), error, null);
                }
                case Result.Retry r -> {
                    outcome = "GAVE_UP";
                    httpStatus = r.status();
                    error = r.error();
                    update(message, "FAILED", now, error, null);
                }
                case Result.GiveUp g -> {
                    outcome = "GAVE_UP";
                    httpStatus = g.status();
                    error = g.error();
                    update(message, "FAILED", now, error, null);
                }
            }
            jdbc.sql("""
                    insert into notifications.delivery_attempts (delivery_id, attempt, started_at, finished_at, http_status, outcome, error)
                    values (:id, :attempt, :started, :finished, :status, :outcome, :error)""")
                    .param("id", message.deliveryId()).param("attempt", message.attempt())
                    .param("started", Timestamp.from(started)).param("finished", Timestamp.from(now))
                    .param("status", httpStatus).param("outcome", outcome).param("error", clip(error))
                    .update();
        });
    }

    private void update(Outbound message, String status, Instant next, @Nullable String error, @Nullable Instant deliveredAt) {
        jdbc.sql("""
                update notifications.deliveries set status = :status, next_attempt_at = :next, last_error = :error,
                    delivered_at = :deliveredAt
                where id = :id and attempts = :attempt and status = 'PENDING'""")
                .param("status", status).param("next", Timestamp.from(next)).param("error", clip(error))
                .param("deliveredAt", deliveredAt == null ? null : Timestamp.from(deliveredAt))
                .param("id", message.deliveryId()).param("attempt", message.attempt())
                .update();
    }

    private static @Nullable String clip(@Nullable String error) {
        return error == null || error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
    }
}
