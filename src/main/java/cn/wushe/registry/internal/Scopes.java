package cn.wushe.registry.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform's {@link ScopeFilter} over the registry's stored code segments (its tables are under
 * row-level security, see V5_95), with named parameters prefixed, so one query can test the edit,
 * view and search scopes of the same actor side by side (to decide what each row may show).
 */
final class Scopes {

    private Scopes() {
    }

    static SqlPredicate of(Actor actor, Permission permission, String alias, String prefix) {
        SqlPredicate p = ScopeFilter.onStoredSegments(actor, permission, alias + ".county_code", alias + ".region_");
        Map<String, Object> params = new HashMap<>();
        p.params().forEach((k, v) -> params.put(prefix + "_" + k, v));
        return new SqlPredicate(p.sql().replace(":scope_", ":" + prefix + "_scope_"), params);
    }

    /** The column holding the first {@code length} digits of the region code of the row aliased {@code alias}. */
    static String segment(String alias, int length) {
        return ScopeFilter.storedSegment(alias + ".county_code", alias + ".region_", length);
    }

    static SqlPredicate edit(Actor actor, String alias) {
        return of(actor, Permission.PERSON_EDIT, alias, "e");
    }

    static SqlPredicate view(Actor actor, String alias) {
        return of(actor, Permission.PERSON_VIEW, alias, "v");
    }

    static SqlPredicate search(Actor actor, String alias) {
        return of(actor, Permission.PERSON_SEARCH, alias, "s");
    }
}
