package cn.wushe.scheduling.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.platform.ProblemType;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Deadlines} on db-scheduler. The starter wraps the data source in a transaction-aware
 * proxy, so each call here writes in the caller's transaction (security.md item 36).
 */
@Service
class SchedulerDeadlines implements Deadlines {

    private static final Duration FIRING_WAIT = Duration.ofSeconds(5);

    private final SchedulerClient scheduler;
    private final Clock clock;

    SchedulerDeadlines(SchedulerClient scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void schedule(DeadlineRef deadline, Instant dueAt) {
        refusePast(dueAt);
        afterAnyFiring(() -> {
            if (!scheduler.scheduleIfNotExists(DeadlineTask.DESCRIPTOR.instance(deadline.instanceId())
                    .data(DeadlineData.due(dueAt)).scheduledTo(dueAt))) {
                try {
                    scheduler.reschedule(id(deadline), dueAt, DeadlineData.due(dueAt));
                } catch (TaskInstanceNotFoundException firedMeanwhile) {
                    // it completed between the two calls: this schedules the next one
                    scheduler.scheduleIfNotExists(DeadlineTask.DESCRIPTOR.instance(deadline.instanceId())
                            .data(DeadlineData.due(dueAt)).scheduledTo(dueAt));
                }
            }
            return true;
        });
    }

    @Override
    @Transactional
    public void scheduleNew(java.util.Map<DeadlineRef, Instant> deadlines) {
        deadlines.values().forEach(this::refusePast);
        if (!deadlines.isEmpty()) {
            scheduler.scheduleBatch(deadlines.entrySet().stream()
                    .<com.github.kagkarlsson.scheduler.task.SchedulableInstance<?>>map(d -> DeadlineTask.DESCRIPTOR
                            .instance(d.getKey().instanceId()).data(DeadlineData.due(d.getValue())).scheduledTo(d.getValue()))
                    .toList());
        }
    }

    @Override
    @Transactional
    public boolean move(DeadlineRef deadline, Instant dueAt) {
        refusePast(dueAt);
        return afterAnyFiring(() -> {
            try {
                return dueAt(deadline).isPresent() && scheduler.reschedule(id(deadline), dueAt, DeadlineData.due(dueAt));
            } catch (TaskInstanceNotFoundException firedMeanwhile) {
                return false;
            }
        });
    }

    @Override
    @Transactional
    public boolean cancel(DeadlineRef deadline) {
        if (dueAt(deadline).isEmpty()) {
            return false;
        }
        try {
            scheduler.cancel(id(deadline));
            return true;
        } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException firing) {
            // it fires at this moment or just fired: too late to cancel, exactly as if it had fired
            // before the call; the owner's handler checks its object's state and does nothing
            return false;
        }
    }

    /**
     * db-scheduler refuses to touch an execution while it is running. A firing takes milliseconds
     * (it records the deadline and publishes; listeners run after), so a schedule or move waits for
     * it and then applies to what is left: a schedule creates the next execution, a move finds
     * nothing. An execution held by a node that died stays picked until dead-execution
     * detection frees it; the request is then refused instead of waiting minutes.
     */
    private boolean afterAnyFiring(BooleanSupplier change) {
        long giveUp = System.nanoTime() + FIRING_WAIT.toNanos();
        while (true) {
            try {
                return change.getAsBoolean();
            } catch (TaskInstanceCurrentlyExecutingException firing) {
                if (System.nanoTime() - giveUp > 0) {
                    throw DomainException.conflict(ProblemType.DEADLINE_FIRING, "dueAt",
                            Messages.text("scheduling.deadline.firing"));
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> dueAt(DeadlineRef deadline) {
        return scheduler.getScheduledExecution(id(deadline)).map(e -> e.getData() instanceof DeadlineData data
                && data.dueAt() != null ? data.dueAt() : e.getExecutionTime());
    }

    private void refusePast(Instant dueAt) {
        if (dueAt.isBefore(clock.instant())) {
            throw DomainException.invalid("dueAt", Messages.text("scheduling.deadline.in-past"));
        }
    }

    private static TaskInstanceId id(DeadlineRef deadline) {
        return TaskInstanceId.of(DeadlineTask.DESCRIPTOR.getTaskName(), deadline.instanceId());
    }
}
