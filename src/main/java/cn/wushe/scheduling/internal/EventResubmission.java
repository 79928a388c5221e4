package cn.wushe.scheduling.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Delivers again every event whose listener failed (security.md item 39): a db-scheduler recurring
 * task, so one node at a time resubmits, on a fixed delay. A listener that threw is marked failed
 * by the registry at once; one whose node died while it ran stays "processing" or "published" until
 * the staleness monitor ({@code spring.modulith.events.staleness.*}) marks it failed. The minimum
 * age keeps a listener that fails every time from being retried in a tight loop. Restart also
 * republishes what is outstanding ({@code republish-outstanding-events-on-restart}).
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

    @Bean
    RecurringTask<Void> resubmitFailedEventsTask(FailedEventPublications failed,
            @Value("${wushe.scheduling.event-resubmission.interval:1m}") Duration interval,
            @Value("${wushe.scheduling.event-resubmission.min-age:1m}") Duration minAge) {
        return Tasks.recurring("resubmit-failed-events", FixedDelay.of(interval))
                .execute((instance, context) -> failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge)));
    }
}
