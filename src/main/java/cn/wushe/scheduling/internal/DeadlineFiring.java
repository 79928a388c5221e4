package cn.wushe.scheduling.internal;

import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires a deadline: records it with its owner and publishes one {@link DeadlineFired} for that
 * owner in one transaction. db-scheduler removes its execution row only after this returns, so a
 * crash in between runs the execution again; the record's key turns that second run into nothing.
 * A kind no {@link DeadlineHandler} owns is recorded with no owner and logged, never delivered.
 */
@Component
class DeadlineFiring {

    private final JdbcClient jdbc;
    private static final Logger log = LoggerFactory.getLogger(DeadlineFiring.class);

    private final ApplicationEventPublisher events;
    private final DeadlineOwners owners;
    private final Clock clock;

    DeadlineFiring(JdbcClient jdbc, ApplicationEventPublisher events, DeadlineOwners owners, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.owners = owners;
        this.clock = clock;
    }

    @Transactional
    public void fire(DeadlineRef deadline, Instant dueAt) {
        // This commit need not wait for the disk: db-scheduler's completion of the execution (and any
        // listener's effect) commits later with a flush, which makes everything before it in the WAL
        // durable too; a server crash before that loses both, and the execution fires again, once.
        jdbc.sql("set local synchronous_commit = off").update();
        Instant now = clock.instant();
        Optional<DeadlineHandler> owner = owners.owner(deadline.kind());
        int recorded = jdbc.sql("""
                insert into scheduling.fired_deadlines (task_instance, due_at, fired_at, owner)
                values (:instance, :dueAt, :now, :owner)
                on conflict do nothing""")
                .param("instance", deadline.instanceId())
                .param("dueAt", Timestamp.from(dueAt))
                .param("now", Timestamp.from(now))
                .param("owner", owner.map(DeadlineOwners::name).orElse(null))
                .update();
        if (recorded == 1) {
            if (owner.isPresent()) {
                events.publishEvent(new DeadlineFired(new DeadlineDue(deadline, dueAt, now)));
            } else {
                log.warn("deadline {} due {} fired but no DeadlineHandler owns kind {}: recorded as unowned, not delivered",
                        deadline.instanceId(), dueAt, deadline.kind());
            }
        }
    }
}
