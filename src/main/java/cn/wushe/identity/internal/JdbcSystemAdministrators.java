package cn.wushe.identity.internal;

import cn.wushe.identity.SystemAdministrators;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcSystemAdministrators implements SystemAdministrators {

    private final JdbcClient jdbc;

    JdbcSystemAdministrators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> enabled() {
        return jdbc.sql("""
                        select distinct u.id from identity.users u
                        join identity.role_assignments a on a.user_id = u.id
                        where a.role = :role and u.enabled""")
                .param("role", Role.SYSTEM_ADMIN.name())
                .query(UUID.class).list();
    }
}
