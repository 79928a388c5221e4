package cn.wushe.calendar.web;

import cn.wushe.calendar.internal.CalendarYears;
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
 * From 1 November, while next year's national calendar is missing or only estimated from the
 * statutory holidays, warns the system admin and county-level users on the workbench: deadlines
 * counted in working days are refused, or counted without the notice's 调休, until it is entered (security.md item 40 asks for the alert by 1 December).
 */
@Component
class NextYearNotice implements NoticeContributor {

    /** Role codes of the users who hear about it; the admin can act, the county users can chase. */
    static final Set<String> WARNED_ROLES = Set.of("SYSTEM_ADMIN", "COUNTY_ADMIN", "COUNTY_STATION");

    private final CalendarYears years;
    private final Clock clock;

    NextYearNotice(CalendarYears years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    @Override
    public List<ShellNotice> noticesFor(Actor actor) {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
        if (today.getMonth().compareTo(Month.NOVEMBER) < 0 || actor.roles().stream().noneMatch(WARNED_ROLES::contains)) {
            return List.of();
        }
        int next = today.getYear() + 1;
        var stored = years.find(null, next);
        if (stored.isPresent() && stored.get().source().official()) {
            return List.of();
        }
        boolean estimated = stored.isPresent();
        if (actor.can(Permission.CALENDAR_MANAGE)) {
            String text = estimated ? Messages.text("calendar.notice.estimated-admin", next) : Messages.text("calendar.notice.missing-admin", next);
            return List.of(new ShellNotice("warning", text, "/admin/calendar/" + next, Messages.text("calendar.notice.enter", next)));
        }
        String text = estimated ? Messages.text("calendar.notice.estimated", next) : Messages.text("calendar.notice.missing", next);
        return List.of(new ShellNotice("warning", text, null, null));
    }
}
