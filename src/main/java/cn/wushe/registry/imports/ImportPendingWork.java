package cn.wushe.registry.imports;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** 待办: the importer's checked roster imports that wait for 导入有效行 or 放弃. */
@Component
class ImportPendingWork implements PendingWorkContributor {

    private final ImportJobs jobs;

    ImportPendingWork(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<PendingWork> pendingFor(Actor actor) {
        if (!actor.can(Permission.PERSON_IMPORT)) {
            return List.of();
        }
        long ready = jobs.readyOfOwner(actor.id());
        return ready == 0 ? List.of()
                : List.of(PendingWork.of(120, Messages.text("registry.pending.imports-ready"), ready, "/people/imports"));
    }
}
