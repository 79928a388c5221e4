package cn.wushe.care.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Care's pages in the shell: the due list (top bar and tile), alerts and tier approvals (tiles). */
@Component
class CareNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(1200, "/care", "care.nav.due.title", "care.nav.due.summary", Permission.CARE_VISIT)
                        .inMenuAs("care.nav.due.menu"),
                NavigationEntry.tile(1201, "/care", "care.nav.due.title", "care.nav.due.summary", Permission.CARE_VIEW)
                        .onlyWhen(actor -> !actor.can(Permission.CARE_VISIT)),
                NavigationEntry.tile(1210, "/care/alerts", "care.nav.alerts.title", "care.nav.alerts.summary",
                        Permission.CARE_VIEW),
                NavigationEntry.tile(1215, "/care/dashboard", "care.nav.dashboard.title", "care.nav.dashboard.summary",
                        Permission.CARE_VIEW),
                NavigationEntry.tile(1225, "/care/teams", "care.nav.teams.title", "care.nav.teams.summary",
                        Permission.CARE_VIEW),
                NavigationEntry.tile(1231, "/care/groups", "care.nav.groups.title", "care.nav.groups.summary",
                        Permission.CASEWORK),
                NavigationEntry.tile(1230, "/care/cases", "care.nav.cases.title", "care.nav.cases.summary",
                        Permission.CASEWORK),
                NavigationEntry.tile(1220, "/care/approvals", "care.nav.approvals.title", "care.nav.approvals.summary",
                        Permission.CARE_TIER_APPROVE));
    }
}
