package cn.wushe.scheduling.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The task queue page in the system admin's shell. */
@Component
class TaskNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.page(600, "/admin/tasks", "scheduling.nav.tasks.title",
                "scheduling.nav.tasks.summary", Permission.TASK_VIEW));
    }
}
