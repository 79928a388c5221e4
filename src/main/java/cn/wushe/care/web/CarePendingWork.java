package cn.wushe.care.web;

import cn.wushe.care.internal.Alerts;
import cn.wushe.care.internal.Subjects;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** 待办: overdue visits of the people the worker visits, and the open alerts the worker owns (with the overdue ones). */
@Component
class CarePendingWork implements PendingWorkContributor {

    private final Subjects subjects;
    private final Alerts alerts;
    private final Clock clock;

    CarePendingWork(Subjects subjects, Alerts alerts, Clock clock) {
        this.subjects = subjects;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public List<PendingWork> pendingFor(Actor actor) {
        List<PendingWork> work = new ArrayList<>();
        if (actor.can(Permission.CARE_VISIT)) {
            long overdue = subjects.overdueCount(actor, clock.instant());
            if (overdue > 0) {
                work.add(new PendingWork(1200, Messages.text("care.pending.overdue-visits"), overdue, overdue,
                        "/care?which=OVERDUE"));
            }
        }
        if (actor.can(Permission.CARE_VIEW) || actor.can(Permission.CARE_VISIT)) {
            Alerts.Owned owned = alerts.ownedBy(actor.id(), clock.instant());
            if (owned.open() > 0) {
                work.add(new PendingWork(1210, Messages.text("care.pending.alerts"), owned.open(), owned.overdue(), "/care/alerts"));
            }
        }
        return work;
    }
}
