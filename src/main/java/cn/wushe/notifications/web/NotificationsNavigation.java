package cn.wushe.notifications.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** "我的通知" in the top bar for every signed-in user: everyone has an inbox. */
@Component
class NotificationsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.menu(50, "/notifications", "notifications.nav.inbox", Permission.SELF_SERVICE).forEveryone());
    }
}
