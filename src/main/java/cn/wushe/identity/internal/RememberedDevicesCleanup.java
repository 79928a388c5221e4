package cn.wushe.identity.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Once a day the remembered devices past their 30 days are deleted (they sign nobody in; the audit
 * log keeps their history). A db-scheduler recurring task: one node at a time.
 */
@Configuration(proxyBeanMethods = false)
class RememberedDevicesCleanup {

    @Bean
    RecurringTask<Void> deleteExpiredRememberedDevicesTask(RememberedDevices devices) {
        return Tasks.recurring("identity-remembered-devices-cleanup", FixedDelay.of(Duration.ofDays(1)))
                .execute((instance, context) -> devices.deleteExpired());
    }
}
