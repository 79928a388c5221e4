package cn.wushe.identity.internal;

import cn.wushe.identity.StaffDirectory;
import cn.wushe.platform.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link StaffDirectory} over the role assignments and unit memberships; the role table decides which roles grant what. */
@Component
class JdbcStaffDirectory implements StaffDirectory {

    private final JdbcClient jdbc;

    JdbcStaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> membersHolding(UUID unitId, Permission permission) {
        return jdbc.sql("""
                select distinct u.id from identity.users u
                join identity.role_assignments ra on ra.user_id = u.id
                where u.enabled and ra.role = any(:roles)
                  and (ra.unit_id = :unit or exists (select 1 from identity.unit_memberships m
                       where m.user_id = u.id and m.unit_id = :unit))
                """).param("roles", rolesGranting(permission)).param("unit", unitId).query(UUID.class).list();
    }

    @Override
    public List<UUID> holdersAt(String scopeCode, Permission permission) {
        return jdbc.sql("""
                select distinct u.id from identity.users u
                join identity.role_assignments ra on ra.user_id = u.id
                where u.enabled and ra.role = any(:roles) and ra.county_code = :county and ra.scope_code = :scope
                """).param("roles", rolesGranting(permission)).param("county", scopeCode.substring(0, 6))
                .param("scope", scopeCode).query(UUID.class).list();
    }

    private static String[] rolesGranting(Permission permission) {
        return Arrays.stream(Role.values()).filter(r -> r.grantOf(permission).isPresent()).map(Enum::name)
                .toArray(String[]::new);
    }
}
