package cn.wushe.registry.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The registry's pages in the shell: people, roster imports, a resident's own record. */
@Component
class RegistryNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(100, "/people", "registry.nav.people.title", "registry.nav.people.summary", Permission.PERSON_VIEW),
                NavigationEntry.tile(110, "/people/imports", "registry.nav.imports.title", "registry.nav.imports.summary",
                        Permission.PERSON_IMPORT),
                NavigationEntry.page(120, "/me", "registry.nav.me.title", "registry.nav.me.summary", Permission.SELF_SERVICE),
                NavigationEntry.tile(130, "/people/export-requests", "registry.nav.export-requests.title",
                        "registry.nav.export-requests.summary", Permission.PII_UNMASK)
                        .onlyWhen(actor -> actor.can(Permission.PERSON_EXPORT)),
                NavigationEntry.tile(140, "/admin/data-policy", "registry.nav.data-policy.title", "registry.nav.data-policy.summary",
                        Permission.ROLE_MANAGE));
    }
}
