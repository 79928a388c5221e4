package cn.wushe.requests.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import cn.wushe.requests.internal.MatterQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/** 待办: the matters waiting at the handler's unit (to sign for or to handle), the overdue ones in red. */
@Component
class RequestsPendingWork implements PendingWorkContributor {

    private final MatterQueries queries;

    RequestsPendingWork(MatterQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<PendingWork> pendingFor(Actor actor) {
        MatterQueries.Waiting waiting = queries.waiting(actor);
        return waiting.open() == 0 ? List.of()
                : List.of(new PendingWork(1300, Messages.text("requests.pending.inbox"), waiting.open(), waiting.overdue(),
                        "/matters?box=INBOX"));
    }
}
