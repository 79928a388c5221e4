package cn.wushe.registry.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import cn.wushe.registry.internal.Corrections;
import java.util.List;
import org.springframework.stereotype.Component;

/** 待办: residents' correction requests inside the worker's edit scope, with the overdue ones (30-day answer). */
@Component
class RegistryPendingWork implements PendingWorkContributor {

    private final Corrections corrections;

    RegistryPendingWork(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public List<PendingWork> pendingFor(Actor actor) {
        Corrections.Due due = corrections.due(actor);
        return due.open() == 0 ? List.of()
                : List.of(new PendingWork(110, Messages.text("registry.pending.corrections"), due.open(), due.overdue(),
                        "/corrections"));
    }
}
