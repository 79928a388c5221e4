package cn.wushe.projects.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Rounds and projects for managers, viewers and organizations; reviews for experts; evaluations for evaluators. */
@Component
class ProjectsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                new NavigationEntry(1510, "/rounds", "projects.nav.rounds", "projects.nav.rounds-summary", true,
                        a -> a.can(Permission.ROUND_MANAGE) || a.can(Permission.PROJECT_VIEW) || a.can(Permission.ORG_OWN),
                        null),
                NavigationEntry.tile(1515, "/experts", "projects.nav.experts", "projects.nav.experts-summary",
                        Permission.ROUND_MANAGE),
                NavigationEntry.page(1513, "/reviews", "projects.nav.reviews", "projects.nav.reviews-summary",
                        Permission.APPLICATION_SCORE),
                NavigationEntry.page(1514, "/evaluations", "projects.nav.evaluations", "projects.nav.evaluations-summary",
                        Permission.PROJECT_EVALUATE),
                NavigationEntry.tileForEveryone(1516, "/publicity", "projects.nav.publicity", "projects.nav.publicity-summary"));
    }
}
