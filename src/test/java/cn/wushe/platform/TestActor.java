package cn.wushe.platform;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * An {@link Actor} with explicitly given scopes per permission (and units, for the unit scopes),
 * for module tests that must not depend on the identity module. Use {@link #authentication()} with
 * Spring Security's test support.
 */
public record TestActor(UUID id, String username, String displayName, Set<String> roles,
        Map<Permission, List<RegionScope>> grants, Set<UUID> unitIds) implements Actor {

    public TestActor {
        unitIds = Set.copyOf(unitIds);
    }

    /** An actor belonging to no unit. */
    public TestActor(UUID id, String username, String displayName, Set<String> roles,
            Map<Permission, List<RegionScope>> grants) {
        this(id, username, displayName, roles, grants, Set.of());
    }

    public static TestActor of(String username, String role, String scopeCode, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        Arrays.stream(permissions).forEach(p -> grants.put(p, List.of(new RegionScope(scopeCode))));
        return new TestActor(UUID.nameUUIDFromBytes(username.getBytes()), username, username, Set.of(role), grants);
    }

    /** The same actor as a member of exactly {@code units}. */
    public TestActor inUnits(UUID... units) {
        return new TestActor(id, username, displayName, roles, grants, Set.of(units));
    }

    @Override
    public List<RegionScope> scopesFor(Permission permission) {
        return grants.getOrDefault(permission, List.of());
    }

    public Authentication authentication() {
        String[] authorities = grants.keySet().stream().map(Enum::name).toArray(String[]::new);
        TestingAuthenticationToken token = new TestingAuthenticationToken(this, null, authorities);
        token.setAuthenticated(true);
        return token;
    }
}
