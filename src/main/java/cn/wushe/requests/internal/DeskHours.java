package cn.wushe.requests.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 错时服务: each community's desk hours per weekday (evenings and weekends too) over the working
 * calendar — a holiday (a Monday to Friday that is not a working day) closes unless the hours are
 * marked open on holidays; a weekend hour is open on weekends. Slots of the hours take a capacity
 * of appointments; the last place under concurrent bookings goes to exactly one (the slot is
 * locked while counted). A reminder is sent the day before; staff record attendance or a no-show.
 */
@Component
public class DeskHours implements DeadlineHandler {

    static final String REMINDER = "requests.appointment-reminder";

    public record Hours(int weekday, LocalTime opens, LocalTime closes, int slotMinutes, int capacity, boolean openOnHoliday) {
    }

    public record Slot(Instant startsAt, LocalDate day, LocalTime time, int free, boolean evening, boolean weekend) {
    }

    public record Appointment(UUID id, String communityCode, UUID itemId, String item, Instant startsAt, String status) {
    }

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    DeskHours(JdbcClient jdbc, WorkingCalendar calendar, Catalogue catalogue, Deadlines deadlines,
            Notifications notifications, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Hours> hours(String communityCode) {
        return jdbc.sql("select weekday, opens, closes, slot_minutes, capacity, open_on_holiday from requests.desk_hours "
                + "where county_code = :county and community_code = :community order by weekday, opens")
                .param("county", communityCode.substring(0, 6)).param("community", communityCode)
                .query((rs, i) -> new Hours(rs.getInt(1), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime(),
                        rs.getInt(4), rs.getInt(5), rs.getBoolean(6))).list();
    }

    /** Replaces the community's hours; needs MATTER_HANDLE over the community. */
    @Transactional
    public void setHours(Actor actor, String communityCode, List<Hours> hours) {
        if (!actor.can(Permission.MATTER_HANDLE, communityCode)) {
            throw DomainException.forbidden(Messages.text("requests.hours.set"));
        }
        for (Hours h : hours) {
            if (h.weekday() < 1 || h.weekday() > 7 || !h.opens().isBefore(h.closes()) || h.capacity() < 1 || h.capacity() > 50
                    || h.slotMinutes() < 10 || h.slotMinutes() > 240) {
                throw DomainException.invalid("hours", Messages.text("requests.hours.invalid"));
            }
        }
        write(communityCode, hours);
        audit.record(AuditEvent.success("MATTER_HOURS_SET", "COMMUNITY", communityCode, communityCode)
                .withDetail(String.valueOf(hours.size())));
    }

    private void write(String communityCode, List<Hours> hours) {
        jdbc.sql("delete from requests.desk_hours where county_code = :county and community_code = :community")
                .param("county", communityCode.substring(0, 6)).param("community", communityCode).update();
        for (Hours h : hours) {
            jdbc.sql("""
                    insert into requests.desk_hours (county_code, community_code, weekday, opens, closes, slot_minutes, capacity,
                        open_on_holiday) values (:county, :community, :weekday, :opens, :closes, :slot, :capacity, :holiday)
                    """).param("county", communityCode.substring(0, 6)).param("community", communityCode)
                    .param("weekday", h.weekday()).param("opens", h.opens()).param("closes", h.closes())
                    .param("slot", h.slotMinutes()).param("capacity", h.capacity()).param("holiday", h.openOnHoliday())
                    .update();
        }
    }

    /** Demo: weekday office hours, 错时 evenings on Tuesday and Thursday, Saturday morning, for each demo committee's community. */
    int seedDemo(String county) {
        int added = 0;
        for (String suffix : List.of("001001", "001002")) {
            String community = county + suffix;
            if (!hours(community).isEmpty()) {
                continue;
            }
            List<Hours> hours = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                hours.add(new Hours(day, LocalTime.of(8, 30), LocalTime.of(12, 0), 30, 3, false));
                hours.add(new Hours(day, LocalTime.of(14, 30), LocalTime.of(18, 0), 30, 3, false));
            }
            hours.add(new Hours(2, LocalTime.of(18, 30), LocalTime.of(20, 30), 30, 2, false));
            hours.add(new Hours(4, LocalTime.of(18, 30), LocalTime.of(20, 30), 30, 2, false));
            hours.add(new Hours(6, LocalTime.of(9, 0), LocalTime.of(12, 0), 30, 2, true));
            write(community, hours);
            added += hours.size();
        }
        return added;
    }

    /** Whether the desk is open on {@code day} for hours of that weekday. */
    boolean opensOn(LocalDate day, Hours h, String county) {
        DayOfWeek dow = day.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        boolean holiday = !weekend && !calendar.isWorkingDay(day, county);
        return !holiday || h.openOnHoliday();
    }

    /** Bookable slots of the next {@code days} days with their free places. */
    public List<Slot> slots(String communityCode, int days) {
        String county = communityCode.substring(0, 6);
        Instant now = clock.instant();
        LocalDate today = now.atZone(MatterIntake.CHINA).toLocalDate();
        List<Hours> hours = hours(communityCode);
        List<Slot> slots = new ArrayList<>();
        for (int d = 0; d <= days; d++) {
            LocalDate day = today.plusDays(d);
            if (!calendar.hasYear(day.getYear(), county)) {
                continue;
            }
            for (Hours h : hours) {
                if (h.weekday() != day.getDayOfWeek().getValue() || !opensOn(day, h, county)) {
                    continue;
                }
                for (LocalTime t = h.opens(); !t.plusMinutes(h.slotMinutes()).isAfter(h.closes()); t = t.plusMinutes(h.slotMinutes())) {
                    Instant start = ZonedDateTime.of(day, t, MatterIntake.CHINA).toInstant();
                    if (start.isAfter(now)) {
                        int taken = booked(communityCode, start);
                        slots.add(new Slot(start, day, t, h.capacity() - taken, !t.isBefore(LocalTime.of(18, 0)),
                                h.weekday() >= 6));
                    }
                    if (t.plusMinutes(h.slotMinutes()).isBefore(t)) {
                        break;
                    }
                }
            }
        }
        return slots;
    }

    private int booked(String communityCode, Instant start) {
        return jdbc.sql("select count(*) from requests.appointments where county_code = :county and community_code = :community "
                + "and starts_at = :start and status = 'BOOKED'").param("county", communityCode.substring(0, 6))
                .param("community", communityCode).param("start", Matters.ts(start)).query(Integer.class).single();
    }

    /**
     * Books a place for the actor (a resident of the community): refused when the item takes no
     * appointments, the slot is past, outside the hours, or full.
     */
    @Transactional
    public Appointment book(Actor actor, String communityCode, String itemCode, Instant startsAt) {
        if (!communityCode.matches("\\d{12}") || !actor.can(Permission.MATTER_SUBMIT, communityCode)) {
            throw DomainException.outOfScope(java.util.Map.of("communityCode", Messages.text("requests.intake.region-out-of-scope")));
        }
        String county = communityCode.substring(0, 6);
        CatalogueItem item = catalogue.forIntake(county, itemCode);
        if (!item.takes(Channel.APPOINTMENT)) {
            throw DomainException.invalid("item", Messages.text("requests.intake.channel-not-offered", item.name(),
                    Channel.APPOINTMENT.label()));
        }
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new DomainException(ProblemType.SLOT_UNAVAILABLE, Messages.text("requests.slot.past"));
        }
        ZonedDateTime local = startsAt.atZone(MatterIntake.CHINA);
        Optional<Hours> within = hours(communityCode).stream()
                .filter(h -> h.weekday() == local.getDayOfWeek().getValue() && opensOn(local.toLocalDate(), h, county))
                .filter(h -> !local.toLocalTime().isBefore(h.opens())
                        && !local.toLocalTime().plusMinutes(h.slotMinutes()).isAfter(h.closes())
                        && Duration.between(h.opens(), local.toLocalTime()).toMinutes() % h.slotMinutes() == 0
                        && local.getSecond() == 0 && local.getNano() == 0)
                .findFirst();
        if (within.isEmpty()) {
            throw new DomainException(ProblemType.SLOT_UNAVAILABLE, Messages.text("requests.slot.outside-hours"));
        }
        // one booking of this slot at a time: the count and the insert cannot interleave
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", communityCode + "@" + startsAt)
                .query((rs, i) -> 1).list();
        if (booked(communityCode, startsAt) >= within.get().capacity()) {
            throw new DomainException(ProblemType.SLOT_UNAVAILABLE, Messages.text("requests.slot.full"));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into requests.appointments (county_code, id, community_code, item_id, starts_at, user_id, status, booked_at)
                values (:county, :id, :community, :item, :start, :user, 'BOOKED', :now)
                """).param("county", county).param("id", id).param("community", communityCode).param("item", item.id())
                .param("start", Matters.ts(startsAt)).param("user", actor.id()).param("now", Matters.ts(now)).update();
        Instant remindAt = startsAt.minus(Duration.ofDays(1));
        if (remindAt.isAfter(now)) {
            deadlines.schedule(new DeadlineRef(REMINDER, "appointment", county + ":" + id), remindAt);
        }
        audit.record(AuditEvent.success("MATTER_APPOINTMENT_BOOK", "APPOINTMENT", id.toString(), communityCode));
        return new Appointment(id, communityCode, item.id(), item.name(), startsAt, "BOOKED");
    }

    /** The actor's own booking only (another's is not found). */
    @Transactional
    public void cancel(Actor actor, UUID id) {
        int changed = jdbc.sql("update requests.appointments set status = 'CANCELLED' where id = :id and user_id = :user and status = 'BOOKED'")
                .param("id", id).param("user", actor.id()).update();
        if (changed == 0) {
            throw DomainException.notFound(Messages.text("requests.object.appointment"));
        }
        String county = jdbc.sql("select county_code from requests.appointments where id = :id").param("id", id).query(String.class).single();
        deadlines.cancel(new DeadlineRef(REMINDER, "appointment", county + ":" + id));
        audit.record(AuditEvent.success("MATTER_APPOINTMENT_CANCEL", "APPOINTMENT", id.toString(), county));
    }

    /** Staff of the community record whether the resident came. */
    @Transactional
    public void attendance(Actor actor, UUID id, boolean attended) {
        String community = jdbc.sql("select community_code from requests.appointments where id = :id and status = 'BOOKED'")
                .param("id", id).query(String.class).optional()
                .filter(c -> actor.can(Permission.MATTER_HANDLE, c))
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.appointment")));
        jdbc.sql("update requests.appointments set status = case when :attended then 'ATTENDED' else 'NO_SHOW' end where id = :id")
                .param("attended", attended).param("id", id).update();
        audit.record(AuditEvent.success(attended ? "MATTER_APPOINTMENT_ATTENDED" : "MATTER_APPOINTMENT_NO_SHOW", "APPOINTMENT",
                id.toString(), community));
    }

    public List<Appointment> mine(Actor actor) {
        return jdbc.sql("""
                select a.id, a.community_code, a.item_id, c.name, a.starts_at, a.status from requests.appointments a
                join requests.catalogue_items c on c.county_code = a.county_code and c.id = a.item_id
                where a.user_id = :user order by a.starts_at desc limit 50
                """).param("user", actor.id())
                .query((rs, i) -> new Appointment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
    }

    /** The desk's bookings of a day, for the community's staff. */
    public List<Appointment> ofDay(Actor actor, String communityCode, LocalDate day) {
        if (!actor.can(Permission.MATTER_HANDLE, communityCode)) {
            throw DomainException.notFound(Messages.text("requests.object.community"));
        }
        Instant from = day.atStartOfDay(MatterIntake.CHINA).toInstant();
        return jdbc.sql("""
                select a.id, a.community_code, a.item_id, c.name, a.starts_at, a.status from requests.appointments a
                join requests.catalogue_items c on c.county_code = a.county_code and c.id = a.item_id
                where a.county_code = :county and a.community_code = :community and a.starts_at >= :from and a.starts_at < :to
                order by a.starts_at
                """).param("county", communityCode.substring(0, 6)).param("community", communityCode)
                .param("from", Matters.ts(from)).param("to", Matters.ts(from.plus(Duration.ofDays(1))))
                .query((rs, i) -> new Appointment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
    }

    @Override
    public Set<String> kinds() {
        return Set.of(REMINDER);
    }

    @Override
    public void onDue(DeadlineDue due) {
        if (!due.is(REMINDER)) {
            return;
        }
        String[] parts = due.deadline().objectId().split(":", 2);
        jdbc.sql("""
                select a.user_id, a.community_code, a.starts_at, c.name from requests.appointments a
                join requests.catalogue_items c on c.county_code = a.county_code and c.id = a.item_id
                where a.county_code = :county and a.id = :id and a.status = 'BOOKED'
                """).param("county", parts[0]).param("id", UUID.fromString(parts[1]))
                .query((rs, i) -> {
                    ZonedDateTime at = rs.getTimestamp(3).toInstant().atZone(MatterIntake.CHINA);
                    return new Notice(Recipients.user(rs.getObject(1, UUID.class)), RequestsNoticeKinds.REMINDER,
                            Messages.text("requests.notice.reminder.title"),
                            Messages.text("requests.notice.reminder.text", rs.getString(4), at.toLocalDate().toString(),
                                    at.toLocalTime().toString()), "/matters/appointments", rs.getString(2));
                }).optional().ifPresent(notifications::send);
    }
}
