package cn.wushe.monitoring.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 政策找人 every day (db-scheduler, once across instances). The finding is looked up when the task
 * runs: the scheduler is built before care's alerts, which themselves need the scheduler's deadlines.
 */
@Configuration(proxyBeanMethods = false)
class PolicySchedule {

    @Bean
    RecurringTask<Void> policyFindingTask(@Value("${wushe.monitoring.policy-interval:24h}") Duration interval,
            ObjectProvider<PolicyFinding> finding) {
        return Tasks.recurring("policy-finding", FixedDelay.of(interval)).execute((instance, context) -> finding.getObject().runAll());
    }
}
