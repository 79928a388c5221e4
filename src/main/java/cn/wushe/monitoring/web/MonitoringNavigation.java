package cn.wushe.monitoring.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The data comparison page as a workbench tile for the county. */
@Component
class MonitoringNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.tile(1300, "/monitoring", "monitoring.nav.title", "monitoring.nav.summary",
                Permission.MONITORING_RUN));
    }
}
