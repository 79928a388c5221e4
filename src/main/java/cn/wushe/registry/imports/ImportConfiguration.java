package cn.wushe.registry.imports;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Binds the upload limits and, once the application is up, settles jobs a previous run left
 * half-way: a check cannot resume (its file is gone), a commit was rolled back with the process.
 * Assumes one application node, as the embedded database does.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportLimits.class)
class ImportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ImportConfiguration.class);

    private final ImportJobs jobs;
    private final Clock clock;

    ImportConfiguration(ImportJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void settleInterruptedJobs() {
        int settled = jobs.recoverAfterRestart(clock.instant());
        if (settled > 0) {
            log.info("Settled {} roster import jobs interrupted by the last shutdown", settled);
        }
    }
}
