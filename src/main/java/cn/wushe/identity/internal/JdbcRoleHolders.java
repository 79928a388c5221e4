package cn.wushe.identity.internal;

import cn.wushe.identity.RoleHolders;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Role holders read from the role assignments, for notices addressed to a level of the region tree. */
@Component
class JdbcRoleHolders implements RoleHolders {

    private final JdbcClient jdbc;

    JdbcRoleHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> holding(String roleCode, String scopeCode) {
        return jdbc.sql("""
                select distinct ra.user_id from identity.role_assignments ra join identity.users u on u.id = ra.user_id
                where ra.county_code = left(:scope, 6) and ra.scope_code = :scope and ra.role = :role and u.enabled
                order by ra.user_id""")
                .param("scope", scopeCode).param("role", roleCode).query(UUID.class).list();
    }

    @Override
    public List<UUID> reaching(Set<Permission> permissions, String regionCode) {
        record Assignment(UUID user, Role role, RegionScope scope) {
            boolean reaches(Permission permission, String region) {
                return role.grantOf(permission).map(g -> region.startsWith(g.reach(scope).code())).orElse(false);
            }
        }
        Map<UUID, List<Assignment>> byUser = new TreeMap<>();
        // a county's assignments are a few hundred: the role table (with its widenings) decides in Java
        jdbc.sql("""
                select ra.user_id, ra.role, ra.scope_code from identity.role_assignments ra join identity.users u on u.id = ra.user_id
                where ra.county_code = left(:region, 6) and u.enabled""")
                .param("region", regionCode)
                .query(rs -> {
                    UUID user = rs.getObject(1, UUID.class);
                    RegionScope scope = new RegionScope(rs.getString(3));
                    Role.fromCode(rs.getString(2)).ifPresent(role ->
                            byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(new Assignment(user, role, scope)));
                });
        return byUser.entrySet().stream()
                .filter(e -> permissions.stream().allMatch(p -> e.getValue().stream().anyMatch(a -> a.reaches(p, regionCode))))
                .map(Map.Entry::getKey).toList();
    }
}
