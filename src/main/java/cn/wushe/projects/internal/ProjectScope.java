package cn.wushe.projects.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who sees which rounds and applications, written once over {@link ScopeFilter}: managers and
 * viewers by region, an organization's staff only its own applications (ORG_OWN, own unit within
 * its county), an evaluator the projects assigned to them. Reviewers reach applications only
 * through their assignment ({@link Reviewing}).
 */
final class ProjectScope {

    private ProjectScope() {
    }

    /** Rounds: managed, viewed, open to the actor's organization, or scored by the actor. */
    static ScopeFilter.SqlPredicate rounds(Actor actor) {
        return anyOf(List.of(
                ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "r.county_code", "r.region_code"),
                ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "r.county_code", "r.region_code"),
                ScopeFilter.predicate(actor, Permission.ORG_OWN, "r.county_code", "r.region_code"),
                ScopeFilter.predicate(actor, Permission.APPLICATION_SCORE, "r.county_code", "r.region_code"),
                ScopeFilter.predicate(actor, Permission.PROJECT_EVALUATE, "r.county_code", "r.region_code")));
    }

    static ScopeFilter.SqlPredicate manage(Actor actor, String alias) {
        return ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, alias + ".county_code", alias + ".region_code");
    }

    /** Applications and projects (alias {@code a}). */
    static ScopeFilter.SqlPredicate applications(Actor actor) {
        List<ScopeFilter.SqlPredicate> any = new ArrayList<>();
        any.add(manage(actor, "a"));
        any.add(ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "a.county_code", "a.region_code"));
        if (actor.can(Permission.ORG_OWN)) {
            any.add(ScopeFilter.ownUnitWithin(actor, Permission.ORG_OWN, "a.owner_unit_id", "a.county_code", "a.region_code"));
        }
        if (actor.can(Permission.PROJECT_EVALUATE)) {
            any.add(new ScopeFilter.SqlPredicate("a.evaluator_id = :evaluator", Map.of("evaluator", actor.id()))
                    .and(ScopeFilter.predicate(actor, Permission.PROJECT_EVALUATE, "a.county_code", "a.region_code")));
        }
        return anyOf(any);
    }

    /** Own applications only (ORG_OWN): what an organization may edit. */
    static ScopeFilter.SqlPredicate own(Actor actor) {
        return ScopeFilter.ownUnitWithin(actor, Permission.ORG_OWN, "a.owner_unit_id", "a.county_code", "a.region_code");
    }

    /** Any of the predicates ({@link ScopeFilter#anyOf}). */
    static ScopeFilter.SqlPredicate anyOf(List<ScopeFilter.SqlPredicate> predicates) {
        return ScopeFilter.anyOf(predicates);
    }
}
