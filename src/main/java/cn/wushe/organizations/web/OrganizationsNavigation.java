package cn.wushe.organizations.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The register (社会组织) in the shell: for readers of the register, and for an organization's own staff. */
@Component
class OrganizationsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(1500, "/organizations", "organizations.nav.title", "organizations.nav.summary",
                        Permission.ORG_VIEW),
                NavigationEntry.tile(1501, "/organizations", "organizations.nav.own", "organizations.nav.own-summary",
                        Permission.ORG_OWN),
                NavigationEntry.tile(1502, "/organizations/checkins", "organizations.nav.checkins",
                        "organizations.nav.checkins-summary", Permission.ORG_CHECKIN_CONFIRM));
    }
}
