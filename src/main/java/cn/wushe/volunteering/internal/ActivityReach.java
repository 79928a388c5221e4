package cn.wushe.volunteering.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.Map;
import java.util.Set;

/**
 * Which activities an actor organizes (may change, check people in, confirm): region roles every
 * activity inside their {@code ACTIVITY_MANAGE} scope; social-organization staff those of their own
 * unit; a team leader those of the teams they lead — both also only inside the scope.
 */
public final class ActivityReach {

    /** Roles whose {@code ACTIVITY_MANAGE} reaches every activity of their region. */
    static final Set<String> REGION_ROLES = Set.of("COUNTY_ADMIN", "TOWN_STATION", "COMMUNITY_WORKER");

    private ActivityReach() {
    }

    public static boolean regionWide(Actor actor) {
        return actor.roles().stream().anyMatch(REGION_ROLES::contains);
    }

    /** The predicate over an activity {@code a} (columns county_code, region_code, organizer_unit_id, team_id). */
    public static SqlPredicate manages(Actor actor) {
        SqlPredicate region = ScopeFilter.predicate(actor, Permission.ACTIVITY_MANAGE, "a.county_code", "a.region_code");
        if (regionWide(actor)) {
            return region;
        }
        SqlPredicate unit = ScopeFilter.ownUnit(actor, "a.organizer_unit_id");
        // a team leader's own teams: the leader is recorded on the team, not as a unit membership
        String own = "(" + unit.sql() + " or exists (select 1 from volunteering.teams t where t.county_code = a.county_code"
                + " and t.id = a.team_id and t.leader_user_id = :reach_leader))";
        Map<String, Object> params = new java.util.TreeMap<>(unit.params());
        params.put("reach_leader", actor.id());
        return region.and(new SqlPredicate(own, params));
    }
}
