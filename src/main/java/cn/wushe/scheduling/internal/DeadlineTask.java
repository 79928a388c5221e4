package cn.wushe.scheduling.internal;

import cn.wushe.scheduling.DeadlineRef;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler one-time task per deadline (never a recurring sweep "since last run", which
 * skips instants it missed: security.md item 37). A failed firing is retried with back-off; an
 * execution whose node died is revived by db-scheduler's heartbeat check.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineTask {

    static final TaskDescriptor<DeadlineData> DESCRIPTOR = TaskDescriptor.of("deadline", DeadlineData.class);

    @Bean
    OneTimeTask<DeadlineData> deadlineOneTimeTask(DeadlineFiring firing) {
        return Tasks.oneTime(DESCRIPTOR)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0))
                .execute((instance, context) -> firing.fire(DeadlineRef.fromInstanceId(instance.getId()),
                        dueAt(instance.getData(), context.getExecution().executionTime)));
    }

    private static Instant dueAt(@Nullable DeadlineData data, Instant executionTime) {
        return data != null && data.dueAt() != null ? data.dueAt() : executionTime;
    }
}
