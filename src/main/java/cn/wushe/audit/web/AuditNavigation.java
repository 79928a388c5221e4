package cn.wushe.audit.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The audit log in the shell, for the audit administrator only. */
@Component
class AuditNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.page(900, "/audit", "audit.nav.audit.title", "audit.nav.audit.summary", Permission.AUDIT_READ));
    }
}
