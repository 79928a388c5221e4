package cn.wushe.scheduling.internal;

import cn.wushe.scheduling.DeadlineRef;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the scheduler holds, for the system admin's task page and the metrics: pending deadlines by
 * kind, late and failing executions, and recent firings. Reads db-scheduler's table directly (its
 * client has no aggregate queries); a deadline's kind is the first part of its instance id.
 */
@Component
public class TaskQueue implements MeterBinder {

    static final int LIST_LIMIT = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    TaskQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deadlines waiting to fire, late ones included. */
    public long pending() {
        return jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_name = 'deadline'")
                .query(Long.class).single();
    }

    /** Firings whose kind no handler owned: recorded, logged and never delivered. */
    public long unowned() {
        return jdbc.sql("select count(*) from scheduling.fired_deadlines where owner is null").query(Long.class).single();
    }

    /** Deadlines whose due time has passed and which have not fired. */
    public long overdue() {
        return jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_name = 'deadline' and execution_time < :now")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        List<KindSummary> kinds = jdbc.sql("""
                select split_part(task_instance, '|', 1) as kind, count(*) as pending, min(execution_time) as next_due,
                       count(*) filter (where execution_time < :now) as late
                from scheduling.scheduled_tasks where task_name = 'deadline'
                group by 1 order by next_due""")
                .param("now", at)
                .query((rs, i) -> new KindSummary(rs.getString("kind"), rs.getLong("pending"),
                        rs.getTimestamp("next_due").toInstant(), rs.getLong("late")))
                .list();
        List<Late> late = jdbc.sql("""
                select task_instance, execution_time, picked from scheduling.scheduled_tasks
                where task_name = 'deadline' and execution_time < :now order by execution_time limit :limit""")
                .param("now", at).param("limit", LIST_LIMIT)
                .query((rs, i) -> {
                    Instant due = rs.getTimestamp("execution_time").toInstant();
                    return new Late(DeadlineRef.fromInstanceId(rs.getString("task_instance")), due,
                            Duration.between(due, now), rs.getBoolean("picked"));
                })
                .list();
        List<Failing> failing = jdbc.sql("""
                select task_name, task_instance, consecutive_failures, last_failure, execution_time
                from scheduling.scheduled_tasks where consecutive_failures > 0
                order by last_failure desc nulls last limit :limit""")
                .param("limit", LIST_LIMIT)
                .query((rs, i) -> new Failing(rs.getString("task_name"), rs.getString("task_instance"),
                        rs.getInt("consecutive_failures"), instant(rs, "last_failure"),
                        rs.getTimestamp("execution_time").toInstant()))
                .list();
        List<Fired> fired = jdbc.sql("""
                select task_instance, due_at, fired_at, owner from scheduling.fired_deadlines
                order by fired_at desc, seq desc limit :limit""")
                .param("limit", LIST_LIMIT)
                .query((rs, i) -> {
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    Instant firedAt = rs.getTimestamp("fired_at").toInstant();
                    return new Fired(DeadlineRef.fromInstanceId(rs.getString("task_instance")), due, firedAt,
                            Duration.between(due, firedAt), rs.getString("owner"));
                })
                .list();
        long overdue = kinds.stream().mapToLong(KindSummary::late).sum();
        return new Overview(now, kinds.stream().mapToLong(KindSummary::pending).sum(), overdue, unowned(), kinds, late,
                failing, fired);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("wushe.deadlines.pending", this, TaskQueue::pending)
                .description("Deadlines scheduled and not yet fired (queue depth)").register(registry);
        Gauge.builder("wushe.deadlines.overdue", this, TaskQueue::overdue)
                .description("Deadlines past their due time and not yet fired").register(registry);
        Gauge.builder("wushe.deadlines.unowned", this, TaskQueue::unowned)
                .description("Deadlines that fired with no handler owning their kind").register(registry);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** @param unowned firings ever recorded with no handler owning their kind */
    public record Overview(Instant now, long pending, long overdue, long unowned, List<KindSummary> kinds, List<Late> late,
            List<Failing> failing, List<Fired> fired) {
    }

    /** @param late how many of them are past due */
    public record KindSummary(String kind, long pending, Instant nextDue, long late) {
    }

    /** @param running whether a node is firing it right now */
    public record Late(DeadlineRef deadline, Instant dueAt, Duration late, boolean running) {
    }

    /** Any scheduler task, not only deadlines; {@code nextTry} is when db-scheduler tries again. */
    public record Failing(String task, String instance, int consecutiveFailures, @Nullable Instant lastFailure,
            Instant nextTry) {
    }

    /** @param owner the handler's class it was delivered to; {@code null} when no handler owned its kind */
    public record Fired(DeadlineRef deadline, Instant dueAt, Instant firedAt, Duration lateness, @Nullable String owner) {
    }
}
