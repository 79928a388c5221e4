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
 * An {@link Actor} with explicitly given scopes per permission, for module tests that must not
 * depend on the identity module. Use {@link #authentication()} with Spring Security's test support.
 */
public record TestActor(UUID id, String username, String displayName, Set<String> roles,
        Map<Permission, List<RegionScope>> grants) implements Actor {

    public static TestActor of(String username, String role, String scopeCode, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        Arrays.stream(permissions).forEach(p -> grants.put(p, List.of(new RegionScope(scopeCode))));
        return new TestActor(UUID.nameUUIDFromBytes(username.getBytes()), username, username, Set.of(role), grants);
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
