package cn.wushe.calendar.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The calendar module's place in the shell: the admin's working calendar (module 7, order 700). */
@Component
class CalendarNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.page(700, "/admin/calendar", "calendar.nav.title", "calendar.nav.summary",
                Permission.CALENDAR_MANAGE));
    }
}
