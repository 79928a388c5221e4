package cn.wushe.units.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The units admin page (单位管理) in the shell, for holders of UNIT_MANAGE. */
@Component
class UnitsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.page(400, "/units", "units.nav.title", "units.nav.summary", Permission.UNIT_MANAGE));
    }
}
