package cn.wushe.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The person acting on the system, as every module sees them: who they are, which roles they
 * hold, and where each permission reaches. Implemented by the identity module's principal.
 */
public interface Actor {

    UUID id();

    String username();

    String displayName();

    /** Role codes held, e.g. {@code COMMUNITY_WORKER}; for the audit log and navigation. */
    Set<String> roles();

    /** The regions inside which {@code permission} applies; empty when it applies nowhere. */
    List<RegionScope> scopesFor(Permission permission);

    /**
     * The units (单位) the actor belongs to or acts for: the account's memberships and the units
     * of its organization role assignments. Empty when none, and then every unit predicate of
     * {@link ScopeFilter} matches nothing.
     */
    default Set<UUID> unitIds() {
        return Set.of();
    }

    default boolean can(Permission permission) {
        return !scopesFor(permission).isEmpty();
    }

    default boolean can(Permission permission, String regionCode) {
        return scopesFor(permission).stream().anyMatch(s -> s.contains(regionCode));
    }
}
