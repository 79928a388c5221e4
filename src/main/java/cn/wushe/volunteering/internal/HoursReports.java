package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.volunteering.HoursConfirmed;
import cn.wushe.volunteering.internal.HoursArithmetic.Span;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 补报时长: service done without a check-in. The volunteer reports, for a past activity of the
 * county, the date, start, hours and what was done; the activity's organizer confirms it (booked
 * in the ledger like checked-in time, so it earns points and stars) or declines it with a reason.
 * A report never overlaps time the volunteer checked in, had confirmed or reported already, and
 * stays inside its day, so a day never holds more than 24 hours.
 */
@Service
public class HoursReports {

    /** How far back a service may be reported. */
    static final int REPORT_DAYS = 90;

    public record NewReport(@Nullable UUID activityId, @Nullable LocalDate date, @Nullable LocalTime startsAt,
            @Nullable BigDecimal hours, @Nullable String description) {
    }

    public record Report(UUID id, UUID activityId, String activityTitle, UUID volunteerId, String volunteerName,
            Instant periodStart, Instant periodEnd, int minutes, String description, String status,
            @Nullable String declineReason) {

        public String statusLabel() {
            return Messages.text(switch (status) {
                case "CONFIRMED" -> "volunteering.report.status.CONFIRMED";
                case "DECLINED" -> "volunteering.report.status.DECLINED";
                default -> "volunteering.report.status.REPORTED";
            });
        }

        public String hours() {
            return HoursFormat.hours(minutes);
        }

        public String when() {
            return Times.CHINA_TIME.format(periodStart) + "–" + Times.CHINA_TIME.format(periodEnd).substring(6);
        }
    }

    public record Reportable(UUID id, String title, Instant startsAt) {

        public String label() {
            return Times.CHINA_TIME.format(startsAt) + " " + title;
        }

        /** The day and start the form fills in when the activity is chosen. */
        public String date() {
            return LocalDate.ofInstant(startsAt, Times.CHINA).toString();
        }

        public String time() {
            return LocalTime.ofInstant(startsAt, Times.CHINA).toString();
        }
    }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final HoursLedger ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HoursReports(JdbcClient jdbc, Activities activities, HoursLedger ledger, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The volunteer reports a past service; refused in Chinese when it breaks a limit. */
    @Transactional
    public UUID report(Actor actor, NewReport in) {
        Volunteers.Ref me = activities.self(actor);
        if (in.activityId() == null) {
            throw DomainException.invalid("activityId", Messages.text("volunteering.report.activity-required"));
        }
        Activities.ActivityView a = activities.find(actor, in.activityId()).orElseThrow(Activities::notFound);
        Span span = span(in, a);
        String what = Text.trimToNull(in.description());
        if (what == null || what.length() < 2 || what.length() > 200) {
            throw DomainException.invalid("description", Messages.text("volunteering.report.description-required"));
        }
        // the volunteer's row serializes their reports and confirmations, so two never overlap
        jdbc.sql("select 1 from volunteering.volunteers where county_code = :county and id = :id for update")
                .param("county", me.countyCode()).param("id", me.id()).query(Integer.class).single();
        refuseOverlap(me, a, span);
        UUID id = UUID.randomUUID();
        int minutes = (int) Duration.between(span.start(), span.end()).toMinutes();
        try {
            jdbc.sql("""
                    insert into volunteering.hours_reports (county_code, id, volunteer_id, activity_id, region_code, period_start,
                        period_end, minutes, description, status, reported_at)
                    values (:county, :id, :volunteer, :activity, :region, :start, :end, :minutes, :what, 'REPORTED', :at)""")
                    .param("county", a.countyCode()).param("id", id).param("volunteer", me.id()).param("activity", a.id())
                    .param("region", a.regionCode()).param("start", Times.ts(span.start())).param("end", Times.ts(span.end()))
                    .param("minutes", minutes).param("what", what).param("at", Times.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict(ProblemType.HOURS_CONFIRMED, "activityId", Messages.text("volunteering.report.duplicate"));
        }
        audit.record(AuditEvent.success("HOURS_REPORT", "ACTIVITY", a.id().toString(), a.regionCode())
                .withDetail(HoursFormat.hours(minutes)));
        return id;
    }

    private Span span(NewReport in, Activities.ActivityView a) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.date() == null) {
            errors.put("date", Messages.text("volunteering.report.date-required"));
        }
        if (in.startsAt() == null) {
            errors.put("startsAt", Messages.text("volunteering.report.start-required"));
        }
        BigDecimal hours = in.hours();
        if (hours == null || hours.compareTo(BigDecimal.valueOf(0.5)) < 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0
                || hours.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
            errors.put("hours", Messages.text("volunteering.report.hours-range"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Times.CHINA);
        LocalDate first = LocalDate.ofInstant(a.startsAt(), Times.CHINA);
        LocalDate last = LocalDate.ofInstant(a.endsAt(), Times.CHINA);
        if (in.date().isBefore(first) || in.date().isAfter(last)) {
            throw DomainException.invalid("date", Messages.text("volunteering.report.not-activity-day", first.toString()));
        }
        if (in.date().isBefore(today.minusDays(REPORT_DAYS))) {
            throw DomainException.invalid("date", Messages.text("volunteering.report.too-old", REPORT_DAYS));
        }
        Instant start = in.date().atTime(in.startsAt()).atZone(Times.CHINA).toInstant();
        Instant end = start.plusSeconds(hours.multiply(BigDecimal.valueOf(3600)).longValueExact());
        if (end.isAfter(now)) {
            throw DomainException.invalid("date", Messages.text("volunteering.report.future"));
        }
        if (end.isAfter(in.date().plusDays(1).atStartOfDay(Times.CHINA).toInstant())) {
            throw DomainException.invalid("hours", Messages.text("volunteering.report.past-midnight"));
        }
        return new Span(start, end);
    }

    private void refuseOverlap(Volunteers.Ref me, Activities.ActivityView a, Span span) {
        boolean checkedIn = jdbc.sql("""
                select exists (select 1 from volunteering.attendances where county_code = :county and activity_id = :activity
                               and volunteer_id = :volunteer)""")
                .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", me.id()).query(Boolean.class).single();
        if (checkedIn) {
            throw DomainException.conflict(ProblemType.HOURS_CONFIRMED, "activityId", Messages.text("volunteering.report.checked-in"));
        }
        // checked-in time (an open check-out runs to its activity's end), confirmed ledger rows, other reports
        Optional<Span> clash = jdbc.sql("""
                select s, e from (
                    select t.checked_in_at as s, coalesce(t.checked_out_at, x.ends_at) as e
                    from volunteering.attendances t join volunteering.activities x
                      on x.county_code = t.county_code and x.id = t.activity_id
                    where t.county_code = :county and t.volunteer_id = :volunteer
                    union all
                    select h.period_start, h.period_end from volunteering.hours_ledger h
                    where h.county_code = :county and h.volunteer_id = :volunteer and h.kind = 'CONFIRMED'
                      and not exists (select 1 from volunteering.hours_ledger r where r.county_code = h.county_code
                                      and r.reverses_id = h.id)
                    union all
                    select r.period_start, r.period_end from volunteering.hours_reports r
                    where r.county_code = :county and r.volunteer_id = :volunteer and r.status = 'REPORTED') busy
                where s < :end and e > :start order by s limit 1""")
                .param("county", me.countyCode()).param("volunteer", me.id()).param("start", Times.ts(span.start()))
                .param("end", Times.ts(span.end()))
                .query((rs, n) -> new Span(Times.required(rs, "s"), Times.required(rs, "e"))).optional();
        if (clash.isPresent()) {
            throw DomainException.invalid("startsAt", Messages.text("volunteering.report.overlap",
                    Times.CHINA_TIME.format(clash.get().start()), Times.CHINA_TIME.format(clash.get().end()).substring(6)));
        }
    }

    /** Past activities of the volunteer's county (last 90 days) they neither checked in to nor reported yet. */
    @Transactional(readOnly = true)
    public List<Reportable> reportable(Actor actor) {
        Volunteers.Ref me = activities.self(actor);
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "a.county_code", "a.region_code");
        Instant now = clock.instant();
        return jdbc.sql("select a.id, a.title, a.starts_at from volunteering.activities a where " + scope.sql() + """
                 and a.status <> 'CANCELLED' and a.starts_at <= :now and a.starts_at >= :since
                 and not exists (select 1 from volunteering.attendances t where t.county_code = a.county_code
                                 and t.activity_id = a.id and t.volunteer_id = :me)
                 and not exists (select 1 from volunteering.hours_reports r where r.county_code = a.county_code
                                 and r.activity_id = a.id and r.volunteer_id = :me and r.status <> 'DECLINED')
                order by a.starts_at desc limit 50""")
                .params(scope.params()).param("now", Times.ts(now)).param("me", me.id())
                .param("since", Times.ts(now.minus(Duration.ofDays(REPORT_DAYS + 1))))
                .query((rs, n) -> new Reportable(rs.getObject(1, UUID.class), rs.getString(2), Times.required(rs, "starts_at")))
                .list();
    }

    /** The volunteer's own reports, newest first. */
    @Transactional(readOnly = true)
    public List<Report> own(Actor actor) {
        Volunteers.Ref me = activities.self(actor);
        return list("r.county_code = :county and r.volunteer_id = :volunteer", Map.of("county", me.countyCode(), "volunteer", me.id()));
    }

    /** The reports on an activity the actor organizes, waiting ones first (403 seen only, 404 unseen). */
    @Transactional(readOnly = true)
    public List<Report> ofActivity(Actor actor, UUID activityId) {
        Activities.ActivityView a = activities.managedOrRefuse(actor, activityId);
        return list("r.county_code = :county and r.activity_id = :activity", Map.of("county", a.countyCode(), "activity", a.id()));
    }

    private List<Report> list(String where, Map<String, Object> params) {
        return jdbc.sql("""
                select r.id, r.activity_id, a.title, r.volunteer_id, v.real_name, r.period_start, r.period_end, r.minutes,
                    r.description, r.status, r.decline_reason
                from volunteering.hours_reports r
                join volunteering.activities a on a.county_code = r.county_code and a.id = r.activity_id
                join volunteering.volunteers v on v.county_code = r.county_code and v.id = r.volunteer_id
                where """ + " " + where + " order by r.status <> 'REPORTED', r.reported_at desc limit 200")
                .params(params)
                .query((rs, n) -> new Report(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), Times.required(rs, "period_start"),
                        Times.required(rs, "period_end"), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
    }

    /**
     * The organizer's one step: confirm (booked in the ledger, counting only minutes not confirmed
     * already) or decline with a reason. A decided report stays decided.
     */
    @Transactional
    public int decide(Actor actor, UUID reportId, boolean confirm, @Nullable String reason) {
        record Found(String county, UUID activityId, UUID volunteerId, Instant start, Instant end, String status) {
        }
        Found r = jdbc.sql("""
                select county_code, activity_id, volunteer_id, period_start, period_end, status from volunteering.hours_reports
                where id = :id for update""").param("id", reportId)
                .query((rs, n) -> new Found(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        Times.required(rs, "period_start"), Times.required(rs, "period_end"), rs.getString(6))).optional()
                .orElseThrow(HoursReports::notFound);
        Activities.ActivityView a;
        try {
            a = activities.managedOrRefuse(actor, r.activityId());
        } catch (DomainException e) {
            throw e.type() == ProblemType.NOT_FOUND ? notFound() : e;
        }
        String why = Text.trimToNull(reason);
        if (!confirm && (why == null || why.length() > 200)) {
            throw DomainException.invalid("reason", Messages.text("volunteering.report.reason-required"));
        }
        if (!r.status().equals("REPORTED")) {
            throw DomainException.conflict(ProblemType.HOURS_CONFIRMED, "id", Messages.text("volunteering.report.decided"));
        }
        Instant now = clock.instant();
        int minutes = 0;
        UUID ledgerId = null;
        if (confirm) {
            HoursLedger.Booked booked = ledger.book(actor, a, r.volunteerId(), new Span(r.start(), r.end()), now);
            minutes = booked.minutes();
            ledgerId = booked.rowId();
        }
        jdbc.sql("""
                update volunteering.hours_reports set status = :status, decided_by = :by, decided_at = :at,
                    decline_reason = :reason, ledger_id = :ledger
                where county_code = :county and id = :id""")
                .param("status", confirm ? "CONFIRMED" : "DECLINED").param("by", actor.id()).param("at", Times.ts(now))
                .param("reason", confirm ? null : why).param("ledger", ledgerId).param("county", r.county()).param("id", reportId)
                .update();
        if (confirm) {
            events.publishEvent(new HoursConfirmed(a.id(), a.countyCode(), a.regionCode(), a.organizerUnitId(), now,
                    List.of(new HoursConfirmed.Entry(r.volunteerId(), minutes))));
        }
        AuditEvent event = AuditEvent.success(confirm ? "HOURS_REPORT_CONFIRM" : "HOURS_REPORT_DECLINE", "ACTIVITY",
                a.id().toString(), a.regionCode()).withDetail(reportId.toString());
        audit.record(confirm ? event : event.withReason(why));
        return minutes;
    }

    private static DomainException notFound() {
        return DomainException.notFound(Messages.text("volunteering.report.not-found"));
    }
}
