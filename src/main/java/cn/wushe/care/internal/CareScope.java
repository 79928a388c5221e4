package cn.wushe.care.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.Map;

/**
 * Which people under care an actor sees. Staff see their CARE_VIEW region; someone who may visit
 * but not view (a volunteer) sees only the people paired with them (结对), within their CARE_VISIT
 * region. Written once, so every list, count and detail of the module applies the same rule.
 */
public final class CareScope {

    private CareScope() {
    }

    /**
     * @param alias the table alias holding {@code county_code}, {@code region_code} and {@code person_id}
     */
    public static SqlPredicate visible(Actor actor, String alias) {
        if (actor.can(Permission.CARE_VIEW)) {
            return ScopeFilter.predicate(actor, Permission.CARE_VIEW, alias + ".county_code", alias + ".region_code");
        }
        return ScopeFilter.predicate(actor, Permission.CARE_VISIT, alias + ".county_code", alias + ".region_code")
                .and(pairedWith(actor, alias));
    }

    /** The person is paired with the actor, as social worker or volunteer. */
    public static SqlPredicate pairedWith(Actor actor, String alias) {
        return new SqlPredicate("exists (select 1 from care.pairings pw where pw.person_id = " + alias
                + ".person_id and pw.active and (pw.social_worker_id = :care_me or :care_me = any(pw.volunteer_ids)))",
                Map.of("care_me", actor.id()));
    }
}
