package cn.wushe.requests.internal;

import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.identity.StaffDirectory;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Permission;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 限时办结: the deadlines of a matter on the working calendar — the receiver's sign-for limit, the
 * level's limit, the 80% warning and the overall limit — written through {@link Deadlines} in the
 * transaction of the intake or handover, cancelled while a 一次告知 return waits and when it ends.
 * When one falls due this listener warns the unit, or marks the matter overdue and tells the unit's
 * lead and the level above (committee → street office → county administrator). Idempotent: each
 * effect is guarded by the matter's own flags and state.
 */
@Component
public class MatterClock implements DeadlineHandler {

    /** The one deadline of a matter, at its next milestone. */
    static final String CLOCK = "requests.clock";
    static final String SIGN_FOR = "requests.sign-for";
    static final String LEVEL_LIMIT = "requests.level-limit";
    static final String WARNING = "requests.warning";
    static final String TIME_LIMIT = "requests.time-limit";
    /** The share of the overall limit after which the unit is warned. */
    static final double WARN_AT = 0.8;
    /** Working days a receiver has to sign for a matter. */
    static final int SIGN_DAYS = 1;


    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final StaffDirectory staff;
    private final Units units;
    private final Matters matters;
    private final Clock clock;

    MatterClock(Deadlines deadlines, WorkingCalendar calendar, Notifications notifications, StaffDirectory staff,
            Units units, Matters matters, Clock clock) {
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.notifications = notifications;
        this.staff = staff;
        this.units = units;
        this.matters = matters;
        this.clock = clock;
    }

    /**
     * @throws DomainException {@code CALENDAR_YEAR_MISSING} naming the matter's limit when it would
     *     reach a year whose holidays are not entered: a limit guessed from weekdays would be wrong by
     *     the length of 春节, so the step is refused (and nothing of it written) until the year is there
     */
    Instant addWorkingDays(Instant start, int days, String countyCode) {
        try {
            return calendar.addWorkingDays(start, days, countyCode);
        } catch (DomainException e) {
            if (e.type() != ProblemType.CALENDAR_YEAR_MISSING) {
                throw e;
            }
            int year = start.atZone(MatterIntake.CHINA).getYear();
            while (calendar.hasYear(year, countyCode) && year < start.atZone(MatterIntake.CHINA).getYear() + 5) {
                year++;
            }
            throw new DomainException(ProblemType.CALENDAR_YEAR_MISSING,
                    Messages.text("requests.calendar.year-missing", String.valueOf(year), days));
        }
    }

    int workingDaysLeft(Instant now, Instant due, String countyCode) {
        return calendar.workingDaysBetween(now, due, countyCode);
    }

    /** Intake: the matter's clock runs. */
    void started(Matter m) {
        scheduleNext(m, clock.instant());
    }

    /** Forward, decline, send-back: the receiver's sign-for and level limits move. */
    void handedOver(Matter m) {
        scheduleNext(m, clock.instant());
    }

    void signed(Matter m) {
        scheduleNext(m, clock.instant());
    }

    /** A matter taken in the past (demo data): what fell due since its intake happens now, then the clock runs on. */
    void catchUp(Matter m) {
        fire(m, m.submittedAt);
    }

    /** A 一次告知 return or the end of the matter: nothing runs until it resumes (or ever). */
    void stopped(Matter m) {
        deadlines.cancel(ref(CLOCK, m));
    }

    /** Resubmitted or reopened: the level and overall limits from their new due times. */
    void resumed(Matter m) {
        scheduleNext(m, clock.instant());
    }

    /**
     * The milestones still ahead of an open matter, each with its effect: the receiver's sign-for
     * limit, the level's limit, the 80% warning and the overall limit. One deadline per matter
     * stands for all of them (scheduled at the earliest), so an intake writes one scheduler row, not four.
     */
    private enum Milestone {
        SIGN, LEVEL, WARNING, OVERALL;

        @Nullable Instant at(Matter m) {
            return switch (this) {
                case SIGN -> m.status == MatterStatus.AWAITING_SIGN ? m.signDueAt : null;
                case LEVEL -> m.levelDueAt;
                case WARNING -> m.warned ? null : warningAt(m.submittedAt, m.dueAt);
                case OVERALL -> m.overdue ? null : m.dueAt;
            };
        }
    }

    private void scheduleNext(Matter m, Instant now) {
        Instant next = null;
        if (m.status.open() && m.status != MatterStatus.RETURNED) {
            for (Milestone milestone : Milestone.values()) {
                Instant at = milestone.at(m);
                if (at != null && at.isAfter(now) && (next == null || at.isBefore(next))) {
                    next = at;
                }
            }
        }
        if (next != null) {
            deadlines.schedule(ref(CLOCK, m), next);
        } else {
            deadlines.cancel(ref(CLOCK, m));
        }
    }

    /** 80% of the way from {@code start} to {@code due}. */
    static Instant warningAt(Instant start, Instant due) {
        long span = Duration.between(start, due).toMillis();
        return start.plusMillis((long) (span * WARN_AT));
    }

    static DeadlineRef ref(String kind, Matter m) {
        return new DeadlineRef(kind, "matter", m.countyCode + ":" + m.id);
    }

    @Override
    public Set<String> kinds() {
        // the four kinds of before the single clock: rows scheduled then still fire through the same rules
        return Set.of(CLOCK, SIGN_FOR, LEVEL_LIMIT, WARNING, TIME_LIMIT);
    }

    @Override
    public void onDue(DeadlineDue due) {
        if (!due.deadline().kind().startsWith("requests.") || !due.deadline().objectType().equals("matter")) {
            return;
        }
        String[] parts = due.deadline().objectId().split(":", 2);
        matters.lockForClock(parts[0], UUID.fromString(parts[1])).ifPresent(m -> fire(m, due.dueAt()));
    }

    /**
     * Applies every milestone from the firing's due time up to now, then schedules the next one.
     * The deadline is always set at the earliest milestone ahead, so those before {@code dueAt} were
     * handled by earlier firings (or had passed when the clock was set, as before a resumption); a
     * stale firing after a handover finds the moved milestones still ahead and changes nothing.
     */
    private void fire(Matter m, Instant dueAt) {
        if (!m.status.open() || m.status == MatterStatus.RETURNED) {
            return;
        }
        Instant now = clock.instant();
        for (Milestone milestone : Milestone.values()) {
            Instant at = milestone.at(m);
            if (at == null || at.isBefore(dueAt) || at.isAfter(now)) {
                continue;
            }
            switch (milestone) {
                case WARNING -> {
                    m.warned = true;
                    matters.update(m);
                    notifyUnit(m, m.unitId, Permission.MATTER_HANDLE, RequestsNoticeKinds.WARNED, News.WARNING);
                }
                case OVERALL -> {
                    m.overdue = true;
                    matters.update(m);
                    matters.event(m, now, TimelineKind.OVERDUE, null, null, m.unitId, null, null);
                    escalate(m, News.OVERDUE);
                }
                case SIGN -> {
                    matters.event(m, now, TimelineKind.SIGN_OVERDUE, null, null, m.unitId, null, null);
                    escalate(m, News.SIGN_OVERDUE);
                }
                case LEVEL -> {
                    matters.event(m, now, TimelineKind.LEVEL_OVERDUE, null, null, m.unitId, null, null);
                    notifyUnit(m, m.unitId, Permission.MATTER_SUPERVISE, RequestsNoticeKinds.OVERDUE, News.LEVEL_OVERDUE);
                }
            }
        }
        if (due(m, now)) {
            scheduleNext(m, now);
        }
    }

    /** Whether a milestone lies ahead: the single deadline follows it (the firing's own row is gone or going). */
    private static boolean due(Matter m, Instant now) {
        for (Milestone milestone : Milestone.values()) {
            Instant at = milestone.at(m);
            if (at != null && at.isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    /** The unit's leads and the level above: committee → its street office's leads, street office or department → the county administrator. */
    private void escalate(Matter m, News news) {
        Set<UUID> recipients = new LinkedHashSet<>(staff.membersHolding(m.unitId, Permission.MATTER_SUPERVISE));
        recipients.addAll(above(m));
        send(m, recipients, RequestsNoticeKinds.OVERDUE, news);
    }

    Collection<UUID> above(Matter m) {
        List<UUID> ids = new ArrayList<>();
        if (m.level == Level.COMMUNITY) {
            for (Unit office : units.ofKind(UnitKind.TOWN_GOVERNMENT, m.regionCode.substring(0, 9))) {
                ids.addAll(staff.membersHolding(office.id().value(), Permission.MATTER_SUPERVISE));
            }
        }
        ids.addAll(staff.holdersAt(m.countyCode, Permission.MATTER_CATALOGUE));
        return ids;
    }

    /** Tells the members of {@code unitId} holding {@code permission}. */
    void notifyUnit(Matter m, UUID unitId, Permission permission, NoticeKind kind, News news) {
        send(m, staff.membersHolding(unitId, permission), kind, news);
    }

    /** Tells the applicant, when they have an account. */
    void notifyApplicant(Matter m, News news) {
        if (m.applicantUserId != null) {
            send(m, List.of(m.applicantUserId), RequestsNoticeKinds.UPDATED, news);
        }
    }

    private void send(Matter m, Collection<UUID> recipients, NoticeKind kind, News news) {
        if (recipients.isEmpty()) {
            return;
        }
        notifications.send(new Notice(Recipients.users(recipients), kind, news.title(m.number),
                news.text(m.number, unitName(m.unitId)),
                "/matters/" + m.id, m.regionCode));
    }

    String unitName(@Nullable UUID unitId) {
        return unitId == null ? "" : units.find(new UnitId(unitId)).map(Unit::name).orElse("");
    }
}
