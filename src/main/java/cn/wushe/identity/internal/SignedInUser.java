package cn.wushe.identity.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of a signed-in user (session or access token): who they are and their role
 * assignments, from which the region scope of every permission follows ({@link Role}). Kept in the
 * HTTP session, hence serializable; equal by user id so that all sessions of one user can be found.
 */
public final class SignedInUser implements Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private final String homeRegionCode;
    private final List<RoleAssignment> assignments;
    private final Set<UUID> unitIds;
    private final @Nullable UUID primaryUnitId;
    private final boolean passwordChangeRequired;
    private transient @Nullable Map<Permission, List<RegionScope>> scopes;

    /** A principal belonging to no unit (tests, and accounts not yet placed in one). */
    public SignedInUser(UUID id, String username, String displayName, String homeRegionCode,
            List<RoleAssignment> assignments, boolean passwordChangeRequired) {
        this(id, username, displayName, homeRegionCode, assignments, List.of(), null, passwordChangeRequired);
    }

    /**
     * @param memberUnits   the units the account belongs to (identity's memberships)
     * @param primaryUnitId the primary one of them, {@code null} when there is none
     */
    public SignedInUser(UUID id, String username, String displayName, String homeRegionCode,
            List<RoleAssignment> assignments, Collection<UUID> memberUnits, @Nullable UUID primaryUnitId,
            boolean passwordChangeRequired) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.homeRegionCode = homeRegionCode;
        this.assignments = List.copyOf(assignments);
        this.unitIds = unitsOf(memberUnits, assignments);
        this.primaryUnitId = primaryUnitId;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    /** Members act for their units, and an organization role acts for the unit it is held for. */
    private static Set<UUID> unitsOf(Collection<UUID> memberUnits, List<RoleAssignment> assignments) {
        Set<UUID> units = new LinkedHashSet<>(memberUnits);
        assignments.stream().map(RoleAssignment::unitId).filter(java.util.Objects::nonNull).forEach(units::add);
        return Collections.unmodifiableSet(units);
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** For templates ({@code sec:authentication="principal.displayName"}). */
    public String getDisplayName() {
        return displayName;
    }

    /** The unit the account belongs to (6, 9 or 12 digits). */
    public String homeRegionCode() {
        return homeRegionCode;
    }

    public List<RoleAssignment> assignments() {
        return assignments;
    }

    /** Until the initial or expired password is changed, only the change-password page is open. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public SignedInUser withPasswordChanged() {
        return new SignedInUser(id, username, displayName, homeRegionCode, assignments, unitIds, primaryUnitId, false);
    }

    @Override
    public Set<UUID> unitIds() {
        return unitIds;
    }

    /** The account's primary unit (主单位), shown beside its name; {@code null} when it belongs to none. */
    public @Nullable UUID primaryUnitId() {
        return primaryUnitId;
    }

    @Override
    public Set<String> roles() {
        return assignments.stream().map(a -> a.role().name()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The Chinese labels of the roles held, for the workbench greeting. */
    public List<String> roleLabels() {
        return assignments.stream().map(a -> a.role().label()).distinct().toList();
    }

    @Override
    public List<RegionScope> scopesFor(Permission permission) {
        Map<Permission, List<RegionScope>> computed = scopes;
        if (computed == null) {
            computed = computeScopes(assignments);
            scopes = computed;
        }
        return computed.getOrDefault(permission, List.of());
    }

    /** Permission names granted anywhere, plus {@code ROLE_<role>} for each role held. */
    public List<GrantedAuthority> authorities() {
        Set<String> names = new LinkedHashSet<>();
        assignments.forEach(a -> a.role().grants().forEach(g -> names.add(g.permission().name())));
        assignments.forEach(a -> names.add(a.role().authority()));
        return names.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** Scopes per permission, with scopes lying inside another of the same permission dropped. */
    static Map<Permission, List<RegionScope>> computeScopes(List<RoleAssignment> assignments) {
        Map<Permission, Set<RegionScope>> reach = new EnumMap<>(Permission.class);
        for (RoleAssignment assignment : assignments) {
            for (Role.Grant grant : assignment.role().grants()) {
                reach.computeIfAbsent(grant.permission(), p -> new LinkedHashSet<>()).add(grant.reach(assignment.scope()));
            }
        }
        Map<Permission, List<RegionScope>> result = new EnumMap<>(Permission.class);
        reach.forEach((permission, set) -> {
            List<RegionScope> outermost = new ArrayList<>();
            for (RegionScope candidate : set) {
                boolean inside = set.stream().anyMatch(
                        other -> !other.equals(candidate) && other.contains(candidate.code()));
                if (!inside) {
                    outermost.add(candidate);
                }
            }
            result.put(permission, List.copyOf(outermost));
        });
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + "]";
    }
}
