package cn.wushe.volunteering.web;

import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import cn.wushe.volunteering.internal.Activities;
import java.util.List;
import org.springframework.stereotype.Component;

/** The module's places in the shell (issue 14 → order 1400) and its notice kind. */
@Component
class VolunteeringNavigation implements NavigationContributor, NoticeKindContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(1400, "/volunteering", "volunteering.nav.me.title", "volunteering.nav.me.summary",
                        Permission.VOLUNTEER_SELF),
                NavigationEntry.page(1410, "/volunteering/manage", "volunteering.nav.manage.title",
                        "volunteering.nav.manage.summary", Permission.ACTIVITY_MANAGE),
                NavigationEntry.page(1420, "/volunteering/volunteers", "volunteering.nav.volunteers.title",
                        "volunteering.nav.volunteers.summary", Permission.VOLUNTEER_VIEW),
                NavigationEntry.page(1430, "/volunteering/store", "volunteering.nav.store.title",
                        "volunteering.nav.store.summary", Permission.POINTS_REDEEM),
                NavigationEntry.page(1435, "/volunteering/store/deeds", "volunteering.nav.deeds.title",
                        "volunteering.nav.deeds.summary", Permission.ACTIVITY_MANAGE),
                NavigationEntry.page(1440, "/volunteering/teams", "volunteering.nav.teams.title",
                        "volunteering.nav.teams.summary", Permission.VOLUNTEER_VIEW),
                NavigationEntry.page(1450, "/volunteering/party", "volunteering.nav.party.title",
                        "volunteering.nav.party.summary", Permission.VOLUNTEER_VIEW),
                NavigationEntry.page(1460, "/volunteering/honours", "volunteering.nav.honours.title",
                        "volunteering.nav.honours.summary", Permission.HONOUR_AWARD),
                NavigationEntry.page(1470, "/volunteering/outcomes", "volunteering.nav.outcomes.title",
                        "volunteering.nav.outcomes.summary", Permission.VOLUNTEER_VIEW));
    }

    @Override
    public List<NoticeKind> kinds() {
        return List.of(Activities.REMINDER, cn.wushe.volunteering.internal.Occurrences.CHANGED);
    }
}
