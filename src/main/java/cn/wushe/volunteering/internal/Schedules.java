package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 服务排期 of recurring services: a venue, weekdays, a time and a duration between two days make the
 * occurrences (场次), each an activity of the series with its own slots, check-in and confirmation
 * (where the people served are counted in 人次). Stopping a schedule cancels its coming occurrences
 * nobody has checked in to; a change is a stop and a new schedule from the day it applies.
 */
@Service
public class Schedules {

    /** Monday (1) to Sunday (7), as {@link java.time.DayOfWeek} numbers them. */
    static final List<String> WEEKDAYS = List.of("volunteering.weekday.1", "volunteering.weekday.2", "volunteering.weekday.3",
            "volunteering.weekday.4", "volunteering.weekday.5", "volunteering.weekday.6", "volunteering.weekday.7");

    /** At most a year of occurrences at once. */
    static final int MAX_DAYS = 366;

    public record NewSchedule(@Nullable String title, @Nullable String serviceLine, @Nullable String regionCode,
            @Nullable String venueName, @Nullable Double venueLat, @Nullable Double venueLng, @Nullable Integer radiusM,
            @Nullable Set<Integer> weekdays, @Nullable LocalTime startsTime, @Nullable Integer durationMinutes,
            @Nullable Integer slots, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {
    }

    public record ScheduleView(UUID id, String title, String venueName, List<Integer> weekdays, LocalTime startsTime,
            int durationMinutes, int slots, LocalDate firstDay, LocalDate lastDay, boolean active, long occurrences,
            @Nullable Instant next) {

        public String weekdayLabels() {
            return String.join("、", weekdays.stream().map(d -> Messages.text(WEEKDAYS.get(d - 1))).toList());
        }
    }

    /** People served (人次, no names) per venue and month, from confirmed occurrences. */
    public record Served(String venueName, String month, long occurrences, long peopleServed) {
    }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final AuditLog audit;
    private final Clock clock;

    Schedules(JdbcClient jdbc, Activities activities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the schedule and its occurrences; each occurrence passes the checks of a single activity. */
    @Transactional
    public UUID create(Actor actor, NewSchedule in) {
        LocalDate today = LocalDate.now(clock.withZone(Times.CHINA));
        if (in.weekdays() == null || in.weekdays().isEmpty() || in.weekdays().stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
            throw DomainException.invalid("weekdays", Messages.text("volunteering.schedule.weekdays-required"));
        }
        if (in.startsTime() == null) {
            throw DomainException.invalid("startsTime", Messages.text("volunteering.schedule.time-required"));
        }
        int minutes = in.durationMinutes() == null ? 0 : in.durationMinutes();
        if (minutes < 15 || minutes > 720) {
            throw DomainException.invalid("durationMinutes", Messages.text("volunteering.schedule.duration-range"));
        }
        if (in.firstDay() == null || in.lastDay() == null || in.lastDay().isBefore(in.firstDay())
                || in.lastDay().isBefore(today)) {
            throw DomainException.invalid("lastDay", Messages.text("volunteering.schedule.days-invalid"));
        }
        if (in.firstDay().plusDays(MAX_DAYS).isBefore(in.lastDay())) {
            throw DomainException.invalid("lastDay", Messages.text("volunteering.schedule.days-too-long", MAX_DAYS));
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        List<UUID> occurrences = new ArrayList<>();
        for (LocalDate d = in.firstDay().isBefore(today) ? today : in.firstDay(); !d.isAfter(in.lastDay()); d = d.plusDays(1)) {
            if (!in.weekdays().contains(d.getDayOfWeek().getValue())) {
                continue;
            }
            Instant start = d.atTime(in.startsTime()).atZone(Times.CHINA).toInstant();
            Instant end = start.plus(Duration.ofMinutes(minutes));
            if (!end.isAfter(now)) {
                continue;
            }
            occurrences.add(activities.create(actor, new Activities.NewActivity(in.title(), in.serviceLine(), in.regionCode(),
                    null, null, false, start, end, null, in.venueName(), in.venueLat(), in.venueLng(), in.radiusM(),
                    in.slots(), List.of())));
        }
        if (occurrences.isEmpty()) {
            throw DomainException.invalid("weekdays", Messages.text("volunteering.schedule.no-occurrence"));
        }
        jdbc.sql("""
                insert into volunteering.schedules (county_code, id, region_code, organizer_unit_id, title, service_line,
                    venue_name, weekdays, starts_time, duration_minutes, slots, first_day, last_day, created_by, created_at)
                select a.county_code, :id, a.region_code, a.organizer_unit_id, a.title, a.service_line, a.venue_name,
                    :weekdays, :time, :minutes, a.slots, :first, :last, :by, :at
                from volunteering.activities a where a.id = :occurrence""")
                .param("id", id).param("weekdays", new TreeSet<>(in.weekdays()).toArray(Integer[]::new))
                .param("time", in.startsTime()).param("minutes", minutes).param("first", in.firstDay())
                .param("last", in.lastDay()).param("by", actor.id()).param("at", Times.ts(now))
                .param("occurrence", occurrences.getFirst()).update();
        jdbc.sql("update volunteering.activities set series_id = :id where id in (:ids)")
                .param("id", id).param("ids", occurrences).update();
        String region = jdbc.sql("select region_code from volunteering.schedules where id = :id").param("id", id)
                .query(String.class).single();
        audit.record(AuditEvent.success("SCHEDULE_CREATE", "SCHEDULE", id.toString(), region)
                .withDetail(Messages.text("volunteering.schedule.audit-occurrences", occurrences.size())));
        return id;
    }

    /** The schedules of the activities the actor organizes, the active first. */
    @Transactional(readOnly = true)
    public List<ScheduleView> list(Actor actor) {
        SqlPredicate reach = ActivityReach.manages(actor);
        return jdbc.sql("""
                select a.id, a.title, a.venue_name, a.weekdays, a.starts_time, a.duration_minutes, a.slots, a.first_day, a.last_day,
                    a.active,
                    (select count(*) from volunteering.activities o where o.county_code = a.county_code and o.series_id = a.id
                       and o.status <> 'CANCELLED') as occurrences,
                    (select min(o.starts_at) from volunteering.activities o where o.county_code = a.county_code
                       and o.series_id = a.id and o.status = 'OPEN' and o.starts_at > :now) as next
                from volunteering.schedules a where """ + reach.sql() + " order by a.active desc, a.first_day desc limit 200")
                .params(reach.params()).param("now", Times.ts(clock.instant()))
                .query((rs, i) -> new ScheduleView(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("venue_name"),
                        List.of((Integer[]) rs.getArray("weekdays").getArray()), rs.getObject("starts_time", LocalTime.class),
                        rs.getInt("duration_minutes"), rs.getInt("slots"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getBoolean("active"), rs.getLong("occurrences"),
                        Times.instant(rs, "next"))).list();
    }

    /** Stops the schedule: its coming occurrences nobody has checked in to are cancelled. */
    @Transactional
    public int stop(Actor actor, UUID id) {
        SqlPredicate reach = ActivityReach.manages(actor);
        String region = jdbc.sql("select a.region_code from volunteering.schedules a where a.id = :id and " + reach.sql())
                .params(reach.params()).param("id", id).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.schedule.not-found")));
        jdbc.sql("update volunteering.schedules set active = false where county_code = :county and id = :id")
                .param("county", region.substring(0, 6)).param("id", id).update();
        int cancelled = jdbc.sql("""
                update volunteering.activities o set status = 'CANCELLED', version = version + 1
                where o.county_code = :county and o.series_id = :id and o.status = 'OPEN' and o.starts_at > :now
                  and not exists (select 1 from volunteering.attendances t where t.county_code = o.county_code
                                  and t.activity_id = o.id)""")
                .param("county", region.substring(0, 6)).param("id", id).param("now", Times.ts(clock.instant())).update();
        audit.record(AuditEvent.success("SCHEDULE_STOP", "SCHEDULE", id.toString(), region)
                .withDetail(Messages.text("volunteering.schedule.audit-cancelled", cancelled)));
        return cancelled;
    }

    /** 人次 per venue and month of the last year, over the recurring services the actor organizes. */
    @Transactional(readOnly = true)
    public List<Served> served(Actor actor) {
        SqlPredicate reach = ActivityReach.manages(actor);
        return jdbc.sql("""
                select a.venue_name, to_char(a.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*),
                    coalesce(sum(a.people_served), 0)
                from volunteering.activities a
                where a.series_id is not null and a.status = 'CONFIRMED' and a.starts_at >= :since and """ + reach.sql() + """
                 group by 1, 2 order by 1, 2 desc limit 500""")
                .params(reach.params()).param("since", Times.ts(clock.instant().minus(Duration.ofDays(365))))
                .query((rs, i) -> new Served(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }
}
