package cn.wushe.organizations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Messages;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年报 is due by 30 June for the year before. One deadline per county and year
 * ({@code organizations.annual-report}, scheduled in the transaction that registers an organization of
 * the county, so concurrent listeners never race to create it):
 * when it fires, every active registered organization without a report for that year goes on the
 * abnormal list (活动异常名录) with the reason, and next year's deadline is scheduled. Idempotent: an
 * organization already listed is left as it is.
 */
@Component
class AnnualReportDeadline implements DeadlineHandler {

    static final String KIND = "organizations.annual-report";

    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    AnnualReportDeadline(Deadlines deadlines, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The next 30 June (end of day, China time) from now, named by the report year it closes. */
    static DeadlineRef ref(String county, int reportYear) {
        return new DeadlineRef(KIND, "county", county + ":" + reportYear);
    }

    void scheduleNext(String county) {
        LocalDate today = LocalDate.now(clock.withZone(OrganizationRegister.CHINA));
        LocalDate due = LocalDate.of(today.getYear(), 6, 30);
        if (!today.isBefore(due)) {
            due = due.plusYears(1);
        }
        Instant at = due.plusDays(1).atStartOfDay(OrganizationRegister.CHINA).toInstant();
        DeadlineRef ref = ref(county, due.getYear() - 1);
        if (deadlines.dueAt(ref).isEmpty()) {
            deadlines.schedule(ref, at);
        }
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public void onDue(DeadlineDue due) {
        if (due.is(KIND)) {
            String[] parts = due.deadline().objectId().split(":");
            listMissing(parts[0], Integer.parseInt(parts[1]));
            scheduleNext(parts[0]);
        }
    }

    /** Lists every active registered organization of the county without a report for {@code year}; returns how many. */
    @Transactional
    int listMissing(String county, int year) {
        List<UUID> missing = jdbc.sql("""
                select o.id from organizations.organizations o
                where o.county_code = :county and o.status = 'ACTIVE' and o.kind <> 'COMMUNITY' and not o.abnormal
                  and not exists (select 1 from organizations.annual_reports r where r.organization_id = o.id and r.year = :year)
                """).param("county", county).param("year", year).query(UUID.class).list();
        String reason = Messages.text("organizations.abnormal.missing-report", year);
        for (UUID id : missing) {
            jdbc.sql("insert into organizations.abnormal_entries (organization_id, county_code, listed_at, reason) "
                    + "values (:id, :county, :at, :reason)").param("id", id).param("county", county)
                    .param("at", java.sql.Timestamp.from(clock.instant())).param("reason", reason).update();
            jdbc.sql("update organizations.organizations set abnormal = true, version = version + 1 where id = :id")
                    .param("id", id).update();
            audit.record(AuditEvent.success("ORGANIZATION_ABNORMAL", OrganizationRegister.OBJECT_TYPE, id.toString(), county)
                    .withReason(reason).byActor("system"));
        }
        return missing.size();
    }
}
