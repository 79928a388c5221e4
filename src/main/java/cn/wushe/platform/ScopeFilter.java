package cn.wushe.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one place that turns an actor's region scopes into SQL. Every query over region-bound rows
 * adds {@link #predicate} to its WHERE clause, so scoping is never written per query.
 *
 * <p>The predicate compares whole code segments: {@code left(code, 9) = ANY(:towns)} for town
 * scopes and so on, and adds {@code county_code = ANY(…)} so that a table partitioned by county
 * can be pruned (design §6). An actor with no scope for the permission gets {@code false}.
 */
public final class ScopeFilter {

    private ScopeFilter() {
    }

    /**
     * @param actor      the acting user
     * @param permission the purpose (view, search, edit …) whose scopes apply
     * @param countyColumn the row's {@code county_code} column (text, 6 digits)
     * @param codeColumn the row's region or grid code column
     */
    public static SqlPredicate predicate(Actor actor, Permission permission, String countyColumn, String codeColumn) {
        return of(actor.scopesFor(permission), countyColumn, codeColumn);
    }

    /**
     * The predicate {@code true}: a read that no scope limits. The only way to read region-bound rows
     * unscoped, so every such read names why it may (ArchitectureTests holds this).
     *
     * @param reason why this read may ignore the actor's scopes; required, never blank
     */
    public static SqlPredicate unscoped(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unscoped read must state its reason");
        }
        return new SqlPredicate("true", Map.of());
    }

    public static SqlPredicate of(List<RegionScope> scopes, String countyColumn, String codeColumn) {
        return of(scopes, countyColumn, length -> "left(" + codeColumn + ", " + length + ")");
    }

    /**
     * The same rule over a table that stores its code's town, community and grid segments in plain
     * columns {@code <segmentPrefix>9}, {@code …12} and {@code …15}, for tables under row-level
     * security. There PostgreSQL may only use a query's condition in an index once the policy has
     * passed, unless the condition is leakproof: {@code left()} is not, so a scoped list would scan
     * the whole table; text equality on a stored column is, and walks the ordered index.
     *
     * @param segmentPrefix e.g. {@code p.region_} for columns {@code p.region_9}, {@code p.region_12}, {@code p.region_15}
     */
    public static SqlPredicate onStoredSegments(Actor actor, Permission permission, String countyColumn, String segmentPrefix) {
        return of(actor.scopesFor(permission), countyColumn, length -> storedSegment(countyColumn, segmentPrefix, length));
    }

    /** The column (or expression) holding the first {@code length} digits of a row's code on such a table. */
    public static String storedSegment(String countyColumn, String segmentPrefix, int length) {
        return switch (length) {
            case 6 -> countyColumn;
            case 9, 12, 15 -> segmentPrefix + length;
            default -> "left(" + countyColumn + ", " + length + ")";
        };
    }

    private static SqlPredicate of(List<RegionScope> scopes, String countyColumn, java.util.function.IntFunction<String> segment) {
        if (scopes.isEmpty()) {
            return new SqlPredicate("false", Map.of());
        }
        Map<Integer, Set<String>> byLength = new TreeMap<>();
        Set<String> counties = new LinkedHashSet<>();
        boolean wholeCounties = true;
        for (RegionScope scope : scopes) {
            byLength.computeIfAbsent(scope.code().length(), k -> new LinkedHashSet<>()).add(scope.code());
            if (scope.countyCode() == null) {
                wholeCounties = false;
            } else {
                counties.add(scope.countyCode());
            }
        }
        Map<String, Object> params = new TreeMap<>();
        List<String> alternatives = new ArrayList<>();
        byLength.forEach((length, codes) -> {
            String name = "scope_" + length;
            alternatives.add(segment.apply(length) + " " + equalsAny(name, codes, params));
        });
        String segments = "(" + String.join(" or ", alternatives) + ")";
        if (!wholeCounties) {
            // a province or city scope spans many counties: no county pruning possible
            return new SqlPredicate(segments, params);
        }
        return new SqlPredicate("(" + countyColumn + " " + equalsAny("scope_counties", counties, params) + " and " + segments
                + ")", params);
    }

    /**
     * {@code = :name} for one value, {@code = any(:name)} for several: with a single value a btree
     * index on (county, left(code, n), sort columns) returns rows already in order, so a scoped
     * list page reads only the rows it shows instead of sorting the whole region.
     */
    private static String equalsAny(String name, Set<String> values, Map<String, Object> params) {
        if (values.size() == 1) {
            params.put(name, values.iterator().next());
            return "= :" + name;
        }
        params.put(name, values.toArray(String[]::new));
        return "= any(:" + name + ")";
    }

    /**
     * "Own unit": rows owned by one of the actor's units ({@code owner_unit_id = any(:units)}), so a
     * social organization sees only its own projects. An actor without units matches nothing.
     *
     * @param unitColumn the row's owning unit (uuid)
     */
    public static SqlPredicate ownUnit(Actor actor, String unitColumn) {
        Set<UUID> units = actor.unitIds();
        if (units.isEmpty()) {
            return new SqlPredicate("false", Map.of());
        }
        Map<String, Object> params = new TreeMap<>();
        return new SqlPredicate("(" + unitColumn + " " + unitEqualsAny(units, params) + ")", params);
    }

    /**
     * "Assigned to me or my unit": rows routed to the actor in person or to one of their units
     * ({@code assignee_user_id = :me or assignee_unit_id = any(:units)}), so a department sees only
     * the matters routed to it.
     *
     * @param userColumn the row's assigned user (uuid, may be null)
     * @param unitColumn the row's assigned unit (uuid, may be null)
     */
    public static SqlPredicate assignedToMeOrMyUnit(Actor actor, String userColumn, String unitColumn) {
        Map<String, Object> params = new TreeMap<>();
        params.put("scope_me", actor.id());
        Set<UUID> units = actor.unitIds();
        if (units.isEmpty()) {
            return new SqlPredicate("(" + userColumn + " = :scope_me)", params);
        }
        return new SqlPredicate("(" + userColumn + " = :scope_me or " + unitColumn + " " + unitEqualsAny(units, params)
                + ")", params);
    }

    /**
     * Own unit and inside the region scope of {@code permission}: both must hold, so a unit's rows
     * stay invisible to its members once the actor's region no longer reaches them.
     */
    public static SqlPredicate ownUnitWithin(Actor actor, Permission permission, String unitColumn,
            String countyColumn, String codeColumn) {
        return ownUnit(actor, unitColumn).and(predicate(actor, permission, countyColumn, codeColumn));
    }

    /** Assigned to the actor or their unit, and inside the region scope of {@code permission}. */
    public static SqlPredicate assignedWithin(Actor actor, Permission permission, String userColumn, String unitColumn,
            String countyColumn, String codeColumn) {
        return assignedToMeOrMyUnit(actor, userColumn, unitColumn).and(predicate(actor, permission, countyColumn, codeColumn));
    }

    /** Plain equality for one unit (an index on the unit column returns rows in order), else an array. */
    private static String unitEqualsAny(Set<UUID> units, Map<String, Object> params) {
        if (units.size() == 1) {
            params.put("scope_unit", units.iterator().next());
            return "= :scope_unit";
        }
        // text[] cast to uuid[]: the driver binds a String array everywhere, a UUID array not reliably
        params.put("scope_units", units.stream().map(UUID::toString).sorted().toArray(String[]::new));
        return "= any(cast(:scope_units as uuid[]))";
    }

    /**
     * Any of the predicates (a reader who may see a row for one reason or another); each one's
     * parameters are renamed apart, so equal names bound to different values cannot collide.
     */
    public static SqlPredicate anyOf(List<SqlPredicate> predicates) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        for (int i = 0; i < predicates.size(); i++) {
            SqlPredicate p = predicates.get(i);
            if (p.sql().equals("false")) {
                continue;
            }
            String suffix = "_p" + i;
            parts.add(java.util.regex.Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)").matcher(p.sql())
                    .replaceAll(r -> ":" + r.group(1) + suffix));
            p.params().forEach((k, v) -> params.put(k + suffix, v));
        }
        return parts.isEmpty() ? new SqlPredicate("false", Map.of())
                : new SqlPredicate("(" + String.join(" or ", parts) + ")", params);
    }

    /** A WHERE fragment with named parameters (for {@code JdbcClient} / {@code NamedParameterJdbcTemplate}). */
    public record SqlPredicate(String sql, Map<String, Object> params) {

        /**
         * Both predicates. Their parameters come from different families ({@code scope_<n>},
         * {@code scope_unit(s)}, {@code scope_me}); a name bound to two different values is refused.
         */
        public SqlPredicate and(SqlPredicate other) {
            if (sql.equals("false") || other.sql.equals("false")) {
                return new SqlPredicate("false", Map.of());
            }
            Map<String, Object> merged = new TreeMap<>(params);
            other.params.forEach((name, value) -> {
                Object previous = merged.putIfAbsent(name, value);
                if (previous != null && !java.util.Objects.deepEquals(previous, value)) {
                    throw new IllegalArgumentException("parameter :" + name + " bound twice with different values");
                }
            });
            return new SqlPredicate("(" + sql + " and " + other.sql + ")", merged);
        }
    }
}
