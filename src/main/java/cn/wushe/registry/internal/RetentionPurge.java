package cn.wushe.registry.internal;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.Attachments;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.Messages;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (security.md item 10, PIPL art. 47): a person whose record was closed (销档) longer ago
 * than their county's retention period ({@code registry.retention_policies}) is deleted with
 * everything the registry keeps about them, and a household left without members goes too. Each
 * deletion is one transaction with its audit entry (PERSON_PURGED: id and region, never a name).
 * A db-scheduler recurring task: one node at a time, catch-up by construction. A county without a
 * policy keeps its closed records.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionPurge {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Attachments attachments;

    RetentionPurge(JdbcClient jdbc, AuditLog audit, TransactionTemplate transaction, Clock clock, Attachments attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> retentionPurgeTask(@Value("${wushe.registry.retention-check-interval:6h}") Duration interval) {
        return Tasks.recurring("registry-retention-purge", FixedDelay.of(interval))
                .execute((instance, context) -> purgeExpired());
    }

    /** The county's retention period in days, or empty when it keeps closed records (no purge). */
    public java.util.OptionalInt retention(String countyCode) {
        return jdbc.sql("select retention_days from registry.retention_policies where county_code = :c").param("c", countyCode)
                .query(Integer.class).optional().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    /**
     * Sets the county's retention period, by a security administrator of exactly that county, audited.
     *
     * @throws cn.wushe.platform.DomainException 403 outside the admin's county, 400 under a year or over 100 years
     */
    @org.springframework.transaction.annotation.Transactional
    public void setRetention(cn.wushe.platform.Actor admin, String countyCode, int days) {
        if (admin.scopesFor(cn.wushe.platform.Permission.ROLE_MANAGE).stream().noneMatch(s -> s.code().equals(countyCode))) {
            throw cn.wushe.platform.DomainException.forbidden(cn.wushe.platform.Messages.text("registry.retention.policy-action"));
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw cn.wushe.platform.DomainException.invalid("retentionDays",
                    cn.wushe.platform.Messages.text("registry.retention.days-invalid", MIN_DAYS, MAX_DAYS));
        }
        java.util.OptionalInt before = retention(countyCode);
        setRetention(countyCode, days);
        audit.record(AuditEvent.success("RETENTION_POLICY", "COUNTY", countyCode, countyCode)
                .withDetail("retentionDays=" + (before.isPresent() ? String.valueOf(before.getAsInt()) : "none") + "->" + days));
    }

    public static final int MIN_DAYS = 365;
    public static final int MAX_DAYS = 36_500;

    /** Sets how many days a county keeps closed records (at least a year). */
    public void setRetention(String countyCode, int days) {
        jdbc.sql("""
                insert into registry.retention_policies (county_code, retention_days, updated_at) values (:c, :d, now())
                on conflict (county_code) do update set retention_days = :d, updated_at = now()
                """).param("c", countyCode).param("d", days).update();
    }

    private record Expired(UUID id, String regionCode, UUID household, int days) {
    }

    /** Deletes every person past their county's retention; answers how many. */
    public int purgeExpired() {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
        List<Expired> expired = jdbc.sql("""
                select p.id, p.region_code, p.household_id, r.retention_days from registry.people p
                join registry.retention_policies r on r.county_code = p.county_code
                where p.status = 'CLOSED' and p.status_on < :today - r.retention_days
                """).param("today", today)
                .query((rs, i) -> new Expired(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getInt(4)))
                .list();
        for (Expired person : expired) {
            transaction.executeWithoutResult(status -> purge(person, today));
        }
        return expired.size();
    }

    private void purge(Expired person, LocalDate today) {
        // the delete runs in registry.purge_closed_person (V5_71), which re-checks status and retention:
        // the application role holds no DELETE on people
        Boolean purged = jdbc.sql("select registry.purge_closed_person(:id, :today)")
                .param("id", person.id()).param("today", today).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(purged)) {
            return;
        }
        // photos and documents of the person (PersonAttachmentAccess) go with the record
        int erased = attachments.erase(new AttachedTo(PersonAttachmentAccess.OBJECT_TYPE, person.id().toString()));
        audit.record(AuditEvent.success("PERSON_PURGED", "PERSON", person.id().toString(), person.regionCode())
                .byActor("system")
                .withDetail(Messages.text("registry.retention.purged-detail", person.days(), erased)));
    }
}
