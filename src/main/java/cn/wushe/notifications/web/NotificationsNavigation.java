package cn.wushe.notifications.web;

import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** "我的通知" as a workbench tile for every signed-in user; the top bar has the live unread badge instead. */
@Component
class NotificationsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.tileForEveryone(50, "/notifications", "notifications.nav.inbox", "notifications.nav.inbox.summary"));
    }
}
