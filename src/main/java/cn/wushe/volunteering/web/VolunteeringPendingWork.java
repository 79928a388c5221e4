package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import cn.wushe.volunteering.internal.ConfirmationsDue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** 待办: hours and reported service waiting for the organizer's confirmation. */
@Component
class VolunteeringPendingWork implements PendingWorkContributor {

    private final ConfirmationsDue confirmations;
    private final Clock clock;

    VolunteeringPendingWork(ConfirmationsDue confirmations, Clock clock) {
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @Override
    public List<PendingWork> pendingFor(Actor actor) {
        ConfirmationsDue.Due due = confirmations.of(actor, clock.instant());
        List<PendingWork> work = new ArrayList<>();
        if (due.activities() > 0) {
            work.add(new PendingWork(1400, Messages.text("volunteering.pending.hours"), due.activities(), due.activitiesOverdue(),
                    "/volunteering/manage"));
        }
        if (due.reports() > 0) {
            work.add(PendingWork.of(1401, Messages.text("volunteering.pending.reports"), due.reports(), "/volunteering/manage"));
        }
        return work;
    }
}
