package cn.wushe.identity.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Account and role administration in the shell; API tokens are in the account menu for the roles that integrate systems. */
@Component
class IdentityNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(800, "/admin/users", "identity.nav.users.title", "identity.nav.users.summary", Permission.USER_MANAGE),
                NavigationEntry.page(810, "/admin/roles", "identity.nav.roles.title", "identity.nav.roles.summary", Permission.ROLE_MANAGE),
                NavigationEntry.tile(820, "/admin/security-policy", "identity.nav.security-policy.title",
                        "identity.nav.security-policy.summary", Permission.ROLE_MANAGE),
                NavigationEntry.tile(830, "/account/devices", "identity.nav.devices.title", "identity.nav.devices.summary",
                        Permission.VOLUNTEER_SELF));
    }
}
