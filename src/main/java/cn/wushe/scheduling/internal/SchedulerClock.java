package cn.wushe.scheduling.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** db-scheduler reads the application's clock, so tests move time for deadlines as for everything else. */
@Configuration(proxyBeanMethods = false)
class SchedulerClock {

    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }
}
