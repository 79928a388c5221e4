package cn.wushe.scheduling.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Deadlines} on db-scheduler. The starter wraps the data source in a transaction-aware
 * proxy, so each call here writes in the caller's transaction (security.md item 36).
 */
@Service
class SchedulerDeadlines implements Deadlines {

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
        if (!scheduler.scheduleIfNotExists(DeadlineTask.DESCRIPTOR.instance(deadline.instanceId())
                .data(DeadlineData.due(dueAt)).scheduledTo(dueAt))) {
            scheduler.reschedule(id(deadline), dueAt, DeadlineData.due(dueAt));
        }
    }

    @Override
    @Transactional
    public boolean move(DeadlineRef deadline, Instant dueAt) {
        refusePast(dueAt);
        return dueAt(deadline).isPresent() && scheduler.reschedule(id(deadline), dueAt, DeadlineData.due(dueAt));
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
        } catch (TaskInstanceCurrentlyExecutingException | ExecutionException firing) {
            // it fired between the look-up and the delete (picked now, or already completed and removed):
            // too late to cancel, exactly as if it had fired before the call; handlers check their state
            return false;
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
