package cn.wushe.registry.exports;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** 待办: others' export requests waiting for this approver's decision. */
@Component
class ExportApprovalPendingWork implements PendingWorkContributor {

    private final ExportApprovals approvals;

    ExportApprovalPendingWork(ExportApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public List<PendingWork> pendingFor(Actor actor) {
        if (!actor.can(Permission.PII_UNMASK) || !actor.can(Permission.PERSON_EXPORT)) {
            return List.of();
        }
        int waiting = approvals.toDecide(actor).size();
        return waiting == 0 ? List.of()
                : List.of(PendingWork.of(130, Messages.text("registry.pending.export-requests"), waiting, "/people/export-requests"));
    }
}
