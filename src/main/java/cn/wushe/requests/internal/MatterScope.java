package cn.wushe.requests.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which matters an actor sees (over the alias {@code m}): a resident their own; whoever took a
 * matter in, the ones they took; a unit's staff the matters that sit at or passed through their
 * unit, inside their MATTER_HANDLE region; a street office's lead every matter of its town; the
 * catalogue keeper (the county administrator) every matter of the county. Anything else is 404.
 */
@Component
public class MatterScope {

    private final Units units;

    MatterScope(Units units) {
        this.units = units;
    }

    public SqlPredicate visible(Actor actor) {
        Map<String, Object> params = new TreeMap<>();
        List<String> alternatives = new ArrayList<>();
        params.put("v_me", actor.id());
        alternatives.add("m.applicant_user_id = :v_me");
        alternatives.add("m.submitted_by = :v_me");
        if (actor.can(Permission.MATTER_HANDLE) && !actor.unitIds().isEmpty()) {
            SqlPredicate region = prefixed(ScopeFilter.predicate(actor, Permission.MATTER_HANDLE, "m.county_code",
                    "m.region_code"), "h_", params);
            SqlPredicate now = ScopeFilter.ownUnit(actor, "m.unit_id");
            SqlPredicate passed = ScopeFilter.ownUnit(actor, "e.to_unit_id");
            params.putAll(now.params());
            alternatives.add("(" + region.sql() + " and (" + now.sql() + " or exists (select 1 from requests.matter_events e "
                    + "where e.county_code = m.county_code and e.matter_id = m.id and " + passed.sql() + ")))");
        }
        if (actor.can(Permission.MATTER_SUPERVISE)) {
            List<String> towns = ledTowns(actor);
            if (!towns.isEmpty()) {
                params.put("v_towns", towns.toArray(String[]::new));
                params.put("v_town_counties", towns.stream().map(t -> t.substring(0, 6)).distinct().toArray(String[]::new));
                alternatives.add("(m.county_code = any(:v_town_counties) and left(m.region_code, 9) = any(:v_towns))");
            }
        }
        if (actor.can(Permission.MATTER_CATALOGUE)) {
            alternatives.add(prefixed(ScopeFilter.predicate(actor, Permission.MATTER_CATALOGUE, "m.county_code",
                    "m.region_code"), "c_", params).sql());
        }
        return new SqlPredicate("(" + String.join(" or ", alternatives) + ")", params);
    }

    /** The matters sitting at one of the actor's units now (their inbox), inside their MATTER_HANDLE region. */
    public SqlPredicate atMyUnit(Actor actor) {
        return ScopeFilter.ownUnitWithin(actor, Permission.MATTER_HANDLE, "m.unit_id", "m.county_code", "m.region_code");
    }

    /** Whether the actor handles for {@code unitId}: a member with MATTER_HANDLE. */
    public boolean handlesFor(Actor actor, UUID unitId) {
        return actor.can(Permission.MATTER_HANDLE) && actor.unitIds().contains(unitId);
    }

    /** The towns whose street office (镇政府/街道办) the supervising actor belongs to. */
    List<String> ledTowns(Actor actor) {
        return actor.unitIds().stream().map(id -> units.find(new UnitId(id))).flatMap(Optional::stream)
                .filter(u -> u.kind() == UnitKind.TOWN_GOVERNMENT && u.active()).map(Unit::regionCode).toList();
    }

    private static SqlPredicate prefixed(SqlPredicate predicate, String prefix, Map<String, Object> into) {
        predicate.params().forEach((k, v) -> into.put(prefix + k, v));
        return new SqlPredicate(predicate.sql().replace(":scope_", ":" + prefix + "scope_"), Map.of());
    }
}
