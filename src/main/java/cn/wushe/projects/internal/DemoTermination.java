package cn.wushe.projects.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode, after {@link DemoProjectExtras}: last year's lowest-ranked running project is terminated
 * (its organization had reported spending only 30% of the award), so the county sees an amount to
 * recover with a first receipt and the round's figures include it. Through {@link Terminating}, once.
 */
@Component
@Order(47)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoTermination implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTermination.class);

    private final ProjectStore store;
    private final Terminating terminating;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String county;

    DemoTermination(ProjectStore store, Terminating terminating, TransactionTemplate transaction, Clock clock,
            @Value("${wushe.home-county:610527}") String county) {
        this.store = store;
        this.terminating = terminating;
        this.transaction = transaction;
        this.clock = clock;
        this.county = county;
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID round = DemoProjects.id("round:2025");
        boolean done = store.jdbc().sql("select exists (select 1 from projects.terminations t join projects.applications a "
                + "on a.id = t.application_id where a.round_id = :r)").param("r", round).query(Boolean.class).single();
        List<UUID> running = store.jdbc().sql("select id from projects.applications where round_id = :r and status = 'CONFIRMED' "
                + "order by rank desc limit 1").param("r", round).query(UUID.class).list();
        if (done || running.isEmpty()) {
            return;
        }
        UUID id = running.getFirst();
        LocalDate today = LocalDate.now(clock.withZone(RoundManagement.CHINA));
        transaction.executeWithoutResult(status -> {
            store.jdbc().sql("update projects.reports r set spent = a.awarded * 0.3 from projects.applications a "
                    + "where a.id = r.application_id and r.application_id = :a and r.submitted_at is not null")
                    .param("a", id).update();
            Actor system = system();
            Terminating.Termination t = terminating.terminate(system, id, cn.wushe.platform.Messages.text(
                    "projects.demo.termination-reason"), today.plusDays(30));
            if (t.toRecover().compareTo(new BigDecimal("1000")) > 0) {
                terminating.recordReceipt(system, id, new BigDecimal("1000"), today, "DEMO-0001");
            }
        });
        log.info("Demo: one running project of the 2025 round terminated with an amount to recover");
    }

    /** The system acting for the demo: ROUND_MANAGE over the home county. */
    private Actor system() {
        return new Actor() {
            @Override
            public UUID id() {
                return new UUID(0, 0);
            }

            @Override
            public String username() {
                return "system";
            }

            @Override
            public String displayName() {
                return "system";
            }

            @Override
            public Set<String> roles() {
                return Set.of();
            }

            @Override
            public List<RegionScope> scopesFor(Permission permission) {
                return permission == Permission.ROUND_MANAGE ? List.of(new RegionScope(county)) : List.of();
            }
        };
    }
}
