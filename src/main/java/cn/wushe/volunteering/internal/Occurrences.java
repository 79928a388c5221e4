package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One occurrence (场次) of a recurring service changed on its own: moved to another time (same length,
 * same cut-off before the start) or cancelled with a reason, while the schedule's other occurrences stay.
 * Only before it starts and while nobody has checked in; the volunteers signed up to it (enrolled or
 * waiting) are notified, and its reminder moves or goes with it.
 */
@Service
public class Occurrences {

    /** The notice to the volunteers of a moved or cancelled occurrence (mandatory: they planned to come). */
    public static final NoticeKind CHANGED = NoticeKind.mandatory("volunteering.occurrence-changed",
            "volunteering.notice.occurrence-changed");

    private final JdbcClient jdbc;
    private final Activities activities;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    Occurrences(JdbcClient jdbc, Activities activities, Deadlines deadlines, Notifications notifications, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Moves the occurrence to {@code startsAt}; returns how many signed-up volunteers were told. */
    @Transactional
    public int move(Actor actor, UUID activityId, @Nullable Instant startsAt) {
        Activities.ActivityView a = changeable(actor, activityId);
        Instant now = clock.instant();
        if (startsAt == null || !startsAt.isAfter(now)) {
            throw DomainException.invalid("startsAt", Messages.text("volunteering.occurrence.start-in-future"));
        }
        Duration length = Duration.between(a.startsAt(), a.endsAt());
        Duration cutoffBefore = Duration.between(a.cancelCutoff(), a.startsAt());
        Instant cutoff = startsAt.minus(cutoffBefore).isBefore(now) ? now : startsAt.minus(cutoffBefore);
        jdbc.sql("""
                update volunteering.activities set starts_at = :starts, ends_at = :ends, cancel_cutoff = :cutoff,
                    version = version + 1
                where county_code = :county and id = :id""")
                .param("starts", Times.ts(startsAt)).param("ends", Times.ts(startsAt.plus(length)))
                .param("cutoff", Times.ts(cutoff)).param("county", a.countyCode()).param("id", a.id()).update();
        DeadlineRef reminder = new DeadlineRef(Activities.REMINDER_DEADLINE, "activity", a.id().toString());
        Instant remindAt = startsAt.minus(Activities.REMINDER_BEFORE);
        if (remindAt.isAfter(now)) {
            if (!deadlines.move(reminder, remindAt)) {
                deadlines.schedule(reminder, remindAt);
            }
        } else {
            deadlines.cancel(reminder);
        }
        String when = Labels.format(startsAt, "MM-dd HH:mm");
        audit.record(AuditEvent.success("OCCURRENCE_MOVE", "ACTIVITY", a.id().toString(), a.regionCode())
                .withDetail(Labels.format(a.startsAt(), "yyyy-MM-dd HH:mm") + " → " + Labels.format(startsAt, "yyyy-MM-dd HH:mm")));
        return tell(a, Messages.text("volunteering.notice.occurrence-moved-title", a.title(), when),
                Messages.text("volunteering.notice.occurrence-moved-text", Labels.format(a.startsAt(), "MM-dd HH:mm"), when,
                        a.venueName()));
    }

    /** Cancels the occurrence with a reason; returns how many signed-up volunteers were told. */
    @Transactional
    public int cancel(Actor actor, UUID activityId, @Nullable String reason) {
        String r = Text.trimToNull(reason);
        if (r == null || r.length() > 200) {
            throw DomainException.invalid("reason", Messages.text("volunteering.occurrence.reason-required"));
        }
        Activities.ActivityView a = changeable(actor, activityId);
        jdbc.sql("update volunteering.activities set status = 'CANCELLED', version = version + 1 where county_code = :county and id = :id")
                .param("county", a.countyCode()).param("id", a.id()).update();
        deadlines.cancel(new DeadlineRef(Activities.REMINDER_DEADLINE, "activity", a.id().toString()));
        audit.record(AuditEvent.success("OCCURRENCE_CANCEL", "ACTIVITY", a.id().toString(), a.regionCode()).withDetail(r));
        return tell(a, Messages.text("volunteering.notice.occurrence-cancelled-title", a.title(),
                Labels.format(a.startsAt(), "MM-dd HH:mm")), Messages.text("volunteering.notice.occurrence-cancelled-text", r));
    }

    /**
     * The occurrence when the actor organizes it (403 seen only, 404 not seen), it belongs to a schedule,
     * is open, has not started and nobody has checked in; locked against a concurrent scan or change.
     */
    private Activities.ActivityView changeable(Actor actor, UUID activityId) {
        Activities.ActivityView a = activities.managedOrRefuse(actor, activityId);
        activities.lock(a);
        boolean series = jdbc.sql("select series_id is not null from volunteering.activities where county_code = :county and id = :id")
                .param("county", a.countyCode()).param("id", a.id()).query(Boolean.class).single();
        if (!series) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.occurrence.not-recurring"));
        }
        Activities.ActivityView current = activities.managedOrRefuse(actor, activityId);
        boolean attended = jdbc.sql("""
                select exists (select 1 from volunteering.attendances where county_code = :county and activity_id = :id)""")
                .param("county", a.countyCode()).param("id", a.id()).query(Boolean.class).single();
        if (!current.status().equals("OPEN") || !current.startsAt().isAfter(clock.instant()) || attended) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.occurrence.not-changeable"));
        }
        return current;
    }

    /** Whether the organizer may still move or cancel this occurrence on its own (for the page's form). */
    @Transactional(readOnly = true)
    public boolean changeable(Activities.ActivityView a) {
        return a.status().equals("OPEN") && a.startsAt().isAfter(clock.instant()) && jdbc.sql("""
                select a.series_id is not null and not exists (select 1 from volunteering.attendances t
                    where t.county_code = a.county_code and t.activity_id = a.id)
                from volunteering.activities a where a.county_code = :county and a.id = :id""")
                .param("county", a.countyCode()).param("id", a.id()).query(Boolean.class).single();
    }

    private int tell(Activities.ActivityView a, String title, String text) {
        List<UUID> users = jdbc.sql("""
                select v.user_id from volunteering.enrolments e join volunteering.volunteers v
                  on v.county_code = e.county_code and v.id = e.volunteer_id
                where e.county_code = :county and e.activity_id = :activity and e.status in ('ENROLLED', 'WAITLISTED')
                  and v.user_id is not null""")
                .param("county", a.countyCode()).param("activity", a.id()).query(UUID.class).list();
        if (!users.isEmpty()) {
            notifications.send(new Notice(Recipients.users(users), CHANGED, title, text, "/volunteering/activities/" + a.id(),
                    a.regionCode()));
        }
        return users.size();
    }
}
