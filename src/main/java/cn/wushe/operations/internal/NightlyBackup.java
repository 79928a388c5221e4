package cn.wushe.operations.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly backup as a db-scheduler recurring task (the scheduling module's scheduler): one
 * node runs it, and a run missed while the application was down is run at the next start.
 */
@Configuration(proxyBeanMethods = false)
class NightlyBackup {

    @Bean
    RecurringTask<Void> nightlyBackupTask(BackupJob job, @Value("${wushe.backup.daily-at:02:30}") LocalTime at) {
        return Tasks.recurring("nightly-backup", Schedules.daily(cn.wushe.platform.ClockConfiguration.ZONE, at))
                .execute((instance, context) -> job.run(BackupRuns.Trigger.SCHEDULE, null));
    }
}
