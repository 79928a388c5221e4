package cn.wushe.identity.internal;

import cn.wushe.identity.RoleHolders;
import java.util.List;
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
}
