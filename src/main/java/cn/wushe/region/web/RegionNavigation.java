package cn.wushe.region.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Grids and the region tree in the shell; who may edit grids sees them as "网格管理", others as "我的网格". */
@Component
class RegionNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.page(200, "/grids", "region.nav.grids.title", "region.nav.grids.summary", Permission.GRID_EDIT)
                        .inMenuAs("region.nav.grids.menu"),
                NavigationEntry.page(200, "/grids", "region.nav.my-grid.title", "region.nav.my-grid.summary", Permission.GRID_VIEW)
                        .onlyWhen(actor -> !actor.can(Permission.GRID_EDIT))
                        .inMenuAs("region.nav.grids.menu"),
                NavigationEntry.page(210, "/regions", "region.nav.regions.title", "region.nav.regions.summary", Permission.GRID_VIEW)
                        .inMenuAs("region.nav.regions.menu"));
    }
}
