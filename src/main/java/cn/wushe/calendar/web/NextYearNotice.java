package cn.wushe.calendar.web;

import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.platform.Actor;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NoticeContributor;
import cn.wushe.platform.web.ShellNotice;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * From 1 November, while next year's national calendar is missing, warns the system admin and
 * county-level users on the workbench: deadlines counted in working days will be refused from
 * 1 January until it is entered (security.md item 40 asks for the alert by 1 December).
 */
@Component
class NextYearNotice implements NoticeContributor {

    /** Role codes of the users who hear about it; the admin can act, the county users can chase. */
    static final Set<String> WARNED_ROLES = Set.of("SYSTEM_ADMIN", "COUNTY_ADMIN", "COUNTY_STATION");

    private final WorkingCalendar calendar;
    private final Clock clock;

    NextYearNotice(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public List<ShellNotice> noticesFor(Actor actor) {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
        if (today.getMonth().compareTo(Month.NOVEMBER) < 0 || actor.roles().stream().noneMatch(WARNED_ROLES::contains)) {
            return List.of();
        }
        int next = today.getYear() + 1;
        if (calendar.hasYear(next, null)) {
            return List.of();
        }
        if (actor.can(Permission.CALENDAR_MANAGE)) {
            return List.of(new ShellNotice("warning", Messages.text("calendar.notice.missing-admin", next),
                    "/admin/calendar/" + next, Messages.text("calendar.notice.enter", next)));
        }
        return List.of(new ShellNotice("warning", Messages.text("calendar.notice.missing", next), null, null));
    }
}
