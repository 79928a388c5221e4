package cn.wushe.platform.web;

import cn.wushe.platform.Actor;
import java.util.List;

/**
 * A module's work waiting for an actor, for the workbench's 待办 panel (corrections due, imports
 * waiting, visits due, requests to assign, …). One bean per module, usually beside its
 * {@link NavigationContributor}. Asked once per workbench view with the signed-in actor, so each
 * answer must be cheap (an indexed count inside the actor's scope) and must count only what the
 * actor may act on; return an empty list for actors without the module's permissions. Lines with
 * a count of 0 are dropped by the panel.
 */
public interface PendingWorkContributor {

    List<PendingWork> pendingFor(Actor actor);
}
