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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours ledger (志愿服务时长): append-only. The organizing body confirms an activity's list in
 * one step — each attendance's time inside the window, minus what the volunteer has confirmed at the
 * same time elsewhere — which also credits points and moves star levels; a correction appends a
 * reversing row, and a star level it takes away is recorded, never silent.
 */
@Service
public class HoursLedger {

    public record Confirmation(Map<UUID, Instant> typedEnds, Map<String, BigDecimal> outcomes, @Nullable Integer peopleServed) {
    }

    public record LedgerRow(UUID id, UUID activityId, String activityTitle, Instant periodStart, Instant periodEnd,
            int minutes, String kind, @Nullable String reason) {

        public String kindLabel() {
            return Labels.of("kind", kind);
        }

        public String hours() {
            return HoursFormat.hours(minutes);
        }
    }

    public record RegionTotal(String regionCode, long minutes, long volunteers) {

        public String hours() {
            return HoursFormat.hours(minutes);
        }
    }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final StarLevels stars;
    private final Points points;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OutcomeCatalogue catalogue;

    HoursLedger(JdbcClient jdbc, Activities activities, StarLevels stars, Points points, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, OutcomeCatalogue catalogue) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.activities = activities;
        this.stars = stars;
        this.points = points;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Confirms the activity's whole list (one step); only its organizer may. */
    @Transactional
    public HoursConfirmed confirm(Actor actor, UUID activityId, Confirmation input) {
        Activities.ActivityView a = activities.managedOrRefuse(actor, activityId);
        Instant now = clock.instant();
        if (now.isBefore(a.startsAt())) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.hours.not-started"));
        }
        catalogue.check(a.countyCode(), input.outcomes());
        int rows = jdbc.sql("""
                update volunteering.activities set status = 'CONFIRMED', confirmed_at = :at, confirmed_by = :by,
                    people_served = :served, version = version + 1
                where county_code = :county and id = :id and status = 'OPEN'""")
                .param("at", Times.ts(now)).param("by", actor.id()).param("served", input.peopleServed())
                .param("county", a.countyCode()).param("id", a.id()).update();
        if (rows != 1) {
            throw DomainException.conflict(ProblemType.HOURS_CONFIRMED, "activity", Messages.text("volunteering.hours.already-confirmed"));
        }
        Span window = new Span(a.startsAt(), a.endsAt());
        List<Present> present = jdbc.sql("""
                select volunteer_id, checked_in_at, checked_out_at from volunteering.attendances
                where county_code = :county and activity_id = :activity order by volunteer_id""")
                .param("county", a.countyCode()).param("activity", a.id())
                .query((rs, n) -> new Present(rs.getObject(1, UUID.class), Times.required(rs, "checked_in_at"),
                        Times.instant(rs, "checked_out_at"))).list();
        List<HoursConfirmed.Entry> entries = new ArrayList<>();
        for (Present p : present) {
            Instant typed = input.typedEnds().get(p.volunteerId());
            if (typed == null && now.isBefore(a.endsAt())) {
                typed = now; // confirmed before the end: a missing check-out counts until now, never into the future
            }
            Span span = HoursArithmetic.counted(window, p.checkedIn(), p.checkedOut(), typed);
            int minutes = book(actor, a, p.volunteerId(), span, now).minutes();
            entries.add(new HoursConfirmed.Entry(p.volunteerId(), minutes));
        }
        for (Map.Entry<String, BigDecimal> o : input.outcomes().entrySet()) {
            jdbc.sql("""
                    insert into volunteering.outcomes (county_code, activity_id, outcome, quantity, region_code, recorded_at)
                    values (:county, :activity, :outcome, :quantity, :region, :at)""")
                    .param("county", a.countyCode()).param("activity", a.id()).param("outcome", o.getKey())
                    .param("quantity", o.getValue()).param("region", a.regionCode()).param("at", Times.ts(now)).update();
        }
        HoursConfirmed event = new HoursConfirmed(a.id(), a.countyCode(), a.regionCode(), a.organizerUnitId(), now, entries);
        events.publishEvent(event);
        audit.record(AuditEvent.success("HOURS_CONFIRM", "ACTIVITY", a.id().toString(), a.regionCode())
                .withDetail(Messages.text("volunteering.audit.confirmed", entries.size())));
        return event;
    }

    record Booked(UUID rowId, int minutes) {
    }

    /**
     * Books one span of a volunteer's service as a confirmed ledger row: only the minutes not already
     * confirmed at the same time count; points and star level follow. Checked-in and reported service alike.
     */
    Booked book(Actor actor, Activities.ActivityView a, UUID volunteerId, Span span, Instant now) {
        Volunteer v = lockVolunteer(a.countyCode(), volunteerId);
        int minutes = HoursArithmetic.newMinutes(span, counted(a.countyCode(), volunteerId, span));
        UUID rowId = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteering.hours_ledger (county_code, id, volunteer_id, activity_id, region_code,
                    organizer_unit_id, team_id, period_start, period_end, minutes, kind, recorded_by, recorded_at)
                values (:county, :id, :volunteer, :activity, :region, :unit, :team, :start, :end, :minutes, 'CONFIRMED',
                    :by, :at)""")
                .param("county", a.countyCode()).param("id", rowId).param("volunteer", volunteerId)
                .param("activity", a.id()).param("region", a.regionCode()).param("unit", a.organizerUnitId())
                .param("team", a.teamId()).param("start", Times.ts(span.start())).param("end", Times.ts(span.end()))
                .param("minutes", minutes).param("by", actor.id()).param("at", Times.ts(now)).update();
        int earned = minutes * points.hourRate(a.countyCode()).pointsPerHour() / 60;
        if (earned > 0) {
            points.credit(a.countyCode(), v.communityCode(), volunteerId, earned, "HOURS", rowId, actor.id(), now);
        }
        restar(a.countyCode(), v, "CONFIRMATION", now);
        return new Booked(rowId, minutes);
    }

    private record Present(UUID volunteerId, Instant checkedIn, @Nullable Instant checkedOut) {
    }

    record Volunteer(UUID id, String communityCode, int starLevel) {
    }

    /** Serializes the confirmations touching one volunteer, so two lists never count the same time twice. */
    private Volunteer lockVolunteer(String county, UUID id) {
        return jdbc.sql("select id, community_code, star_level from volunteering.volunteers where county_code = :county and id = :id for update")
                .param("county", county).param("id", id)
                .query((rs, n) -> new Volunteer(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).single();
    }

    /** The volunteer's confirmed, unreversed spans that overlap {@code span}. */
    private List<Span> counted(String county, UUID volunteer, Span span) {
        return jdbc.sql("""
                select h.period_start, h.period_end from volunteering.hours_ledger h
                where h.county_code = :county and h.volunteer_id = :volunteer and h.kind = 'CONFIRMED'
                  and h.period_start < :end and h.period_end > :start
                  and not exists (select 1 from volunteering.hours_ledger r where r.county_code = h.county_code
                                  and r.reverses_id = h.id)""")
                .param("county", county).param("volunteer", volunteer).param("start", Times.ts(span.start()))
                .param("end", Times.ts(span.end()))
                .query((rs, n) -> new Span(Times.required(rs, "period_start"), Times.required(rs, "period_end"))).list();
    }

    private void restar(String county, Volunteer v, String cause, Instant now) {
        long total = totalMinutes(county, v.id());
        int level = stars.levelOf(total);
        if (level != v.starLevel()) {
            jdbc.sql("update volunteering.volunteers set star_level = :level, version = version + 1 where county_code = :county and id = :id")
                    .param("level", level).param("county", county).param("id", v.id()).update();
            jdbc.sql("""
                    insert into volunteering.star_changes (county_code, volunteer_id, changed_at, from_level, to_level, cause)
                    values (:county, :id, :at, :from, :to, :cause)""")
                    .param("county", county).param("id", v.id()).param("at", Times.ts(now)).param("from", v.starLevel())
                    .param("to", level).param("cause", cause).update();
        }
    }

    long totalMinutes(String county, UUID volunteer) {
        return jdbc.sql("select coalesce(sum(minutes), 0) from volunteering.hours_ledger where county_code = :county and volunteer_id = :id")
                .param("county", county).param("id", volunteer).query(Long.class).single();
    }

    /** A correction: a reversing row for a confirmed one, with its reason; points and star level follow. */
    @Transactional
    public void reverse(Actor actor, UUID ledgerId, @Nullable String reason) {
        Optional<Row> found = jdbc.sql("""
                select county_code, id, volunteer_id, activity_id, minutes, period_start, period_end, kind
                from volunteering.hours_ledger where id = :id""").param("id", ledgerId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getInt(5), Times.required(rs, "period_start"),
                        Times.required(rs, "period_end"), rs.getString(8))).optional();
        Row row = found.orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.hours.not-found")));
        Activities.ActivityView a;
        try {
            a = activities.managedOrRefuse(actor, row.activityId());
        } catch (DomainException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw DomainException.notFound(Messages.text("volunteering.hours.not-found"));
            }
            throw e;
        }
        String why = Text.trimToNull(reason);
        if (why == null || why.length() > 200) {
            throw DomainException.invalid("reason", Messages.text("volunteering.hours.reason-required"));
        }
        if (!row.kind().equals("CONFIRMED")) {
            throw DomainException.invalid("id", Messages.text("volunteering.hours.not-reversible"));
        }
        Volunteer v = lockVolunteer(row.county(), row.volunteerId());
        Instant now = clock.instant();
        UUID reversal = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into volunteering.hours_ledger (county_code, id, volunteer_id, activity_id, region_code,
                        organizer_unit_id, team_id, period_start, period_end, minutes, kind, reverses_id, reason, recorded_by,
                        recorded_at)
                    select county_code, :reversal, volunteer_id, activity_id, region_code, organizer_unit_id, team_id,
                        period_start, period_end, -minutes, 'REVERSAL', id, :reason, :by, :at
                    from volunteering.hours_ledger where county_code = :county and id = :id""")
                    .param("reversal", reversal).param("reason", why).param("by", actor.id()).param("at", Times.ts(now))
                    .param("county", row.county()).param("id", row.id()).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.conflict(ProblemType.HOURS_CONFIRMED, "id", Messages.text("volunteering.hours.already-reversed"));
        }
        points.reverseFor(row.county(), v.communityCode(), row.volunteerId(), row.id(), reversal, actor.id(), now);
        restar(row.county(), v, "CORRECTION", now);
        audit.record(AuditEvent.success("HOURS_REVERSE", "ACTIVITY", row.activityId().toString(), a.regionCode())
                .withReason(why).withDetail(row.id().toString()));
    }

    private record Row(String county, UUID id, UUID volunteerId, UUID activityId, int minutes, Instant start, Instant end,
            String kind) {
    }

    /** The signed-in volunteer's own ledger, newest first. */
    @Transactional(readOnly = true)
    public List<LedgerRow> own(Actor actor) {
        Volunteers.Ref me = activities.self(actor);
        return ledgerOf(me.countyCode(), me.id());
    }

    List<LedgerRow> ledgerOf(String county, UUID volunteer) {
        return jdbc.sql("""
                select h.id, h.activity_id, a.title, h.period_start, h.period_end, h.minutes, h.kind, h.reason
                from volunteering.hours_ledger h join volunteering.activities a on a.county_code = h.county_code and a.id = h.activity_id
                where h.county_code = :county and h.volunteer_id = :volunteer order by h.recorded_at desc, h.period_start desc limit 200""")
                .param("county", county).param("volunteer", volunteer)
                .query((rs, n) -> new LedgerRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        Times.required(rs, "period_start"), Times.required(rs, "period_end"), rs.getInt(6), rs.getString(7),
                        rs.getString(8))).list();
    }

    /** Confirmed hours per region (community or town where the service happened) in a period, inside VOLUNTEER_VIEW. */
    @Transactional(readOnly = true)
    public List<RegionTotal> totalsByRegion(Actor actor, Instant from, Instant to, int digits) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "h.county_code", "h.region_code");
        return jdbc.sql("select left(h.region_code, :digits) as region, sum(h.minutes), count(distinct h.volunteer_id)"
                        + " from volunteering.hours_ledger h where " + scope.sql()
                        + " and h.period_start >= :from and h.period_start < :to group by 1 order by 1")
                .params(scope.params()).param("digits", digits).param("from", Times.ts(from)).param("to", Times.ts(to))
                .query((rs, n) -> new RegionTotal(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** People served (人次, no names) per venue and month of the occurrences of recurring services. */
    public record VenueMonth(String venueName, String regionCode, String month, long occurrences, long peopleServed) {
    }

    @Transactional(readOnly = true)
    public List<VenueMonth> peopleServed(Actor actor, Instant from, Instant to) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "a.county_code", "a.region_code");
        return jdbc.sql("""
                select a.venue_name, a.region_code, to_char(a.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*),
                    sum(a.people_served)
                from volunteering.activities a where """ + scope.sql() + """
                  and a.series_id is not null and a.people_served is not null and a.starts_at >= :from and a.starts_at < :to
                group by 1, 2, 3 order by 2, 1, 3""")
                .params(scope.params()).param("from", Times.ts(from)).param("to", Times.ts(to))
                .query((rs, n) -> new VenueMonth(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5))).list();
    }

    /**
     * Recomputes every volunteer's star level of a county from the ledger in one statement, recording
     * each change; for a changed threshold configuration or a repair.
     */
    @Transactional
    public int recomputeStars(String county) {
        List<Integer> thresholds = stars.thresholdHours();
        StringBuilder level = new StringBuilder("(0");
        for (int t : thresholds) {
            level.append(" + case when coalesce(s.minutes, 0) >= ").append(t * 60L).append(" then 1 else 0 end");
        }
        level.append(")");
        Instant now = clock.instant();
        return jdbc.sql("""
                with s as (select volunteer_id, sum(minutes) as minutes from volunteering.hours_ledger
                           where county_code = :county group by volunteer_id),
                     n as (select v.id, v.star_level as old, %s as level
                           from volunteering.volunteers v left join s on s.volunteer_id = v.id where v.county_code = :county),
                     changed as (update volunteering.volunteers v set star_level = n.level, version = v.version + 1
                                 from n where v.county_code = :county and v.id = n.id and n.level <> n.old
                                 returning v.id, n.old, n.level)
                insert into volunteering.star_changes (county_code, volunteer_id, changed_at, from_level, to_level, cause)
                select :county, id, :at, old, level, 'RECOMPUTE' from changed""".formatted(level))
                .param("county", county).param("at", Times.ts(now)).update();
    }
}
