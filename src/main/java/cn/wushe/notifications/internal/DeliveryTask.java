package cn.wushe.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One recurring db-scheduler task drains the outbox, rather than one one-time task per delivery:
 * a fan-out to 10,000 users would write 10,000 scheduler rows beside the 10,000 deliveries, and the
 * delivery row already holds what a retry needs (attempts, next_attempt_at, last_error). The sweep
 * is catch-up by construction (security.md item 37): it takes every row due by now, however long
 * the application was down, never "what fell due since the last run"; db-scheduler runs it on one
 * node at a time and revives it when a node dies. {@code wushe.notifications.delivery-task=false}
 * leaves the outbox to whoever calls {@link OutboxDelivery#deliverDue} (tests that count attempts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class DeliveryTask {

    @Bean
    @ConditionalOnProperty(name = "wushe.notifications.delivery-task", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> notificationDeliveryTask(OutboxDelivery delivery, NotificationSettings settings) {
        return Tasks.recurring("notification-delivery", FixedDelay.of(settings.pollInterval()))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
