package cn.wushe.scheduling.internal;

import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires a deadline: records it and publishes {@link DeadlineDue} in one transaction. db-scheduler
 * removes its execution row only after this returns, so a crash in between runs the execution
 * again; the record's key turns that second run into nothing.
 */
@Component
class DeadlineFiring {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineFiring(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void fire(DeadlineRef deadline, Instant dueAt) {
        // This commit need not wait for the disk: db-scheduler's completion of the execution (and any
        // listener's effect) commits later with a flush, which makes everything before it in the WAL
        // durable too; a server crash before that loses both, and the execution fires again, once.
        jdbc.sql("set local synchronous_commit = off").update();
        Instant now = clock.instant();
        int recorded = jdbc.sql("""
                insert into scheduling.fired_deadlines (task_instance, due_at, fired_at) values (:instance, :dueAt, :now)
                on conflict do nothing""")
                .param("instance", deadline.instanceId())
                .param("dueAt", Timestamp.from(dueAt))
                .param("now", Timestamp.from(now))
                .update();
        if (recorded == 1) {
            events.publishEvent(new DeadlineDue(deadline, dueAt, now));
        }
    }
}
