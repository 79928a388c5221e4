package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.platform.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roles granted to accounts ({@code identity.role_assignments}). */
@Repository
public class RoleAssignments {

    private final JdbcClient jdbc;

    RoleAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In a stable order: by role as declared, then scope. */
    public List<RoleAssignment> of(UUID userId) {
        return jdbc.sql("select id, role, scope_code, unit_id from identity.role_assignments where user_id = :user")
                .param("user", userId).query(RoleAssignments::assignment).list().stream()
                .sorted(java.util.Comparator.comparing(RoleAssignment::role).thenComparing(RoleAssignment::scopeCode))
                .toList();
    }

    /** An assignment together with the account holding it. */
    public record Held(UUID userId, RoleAssignment assignment) {
    }

    public Optional<Held> find(UUID assignmentId) {
        return jdbc.sql("select id, user_id, role, scope_code, unit_id from identity.role_assignments where id = :id")
                .param("id", assignmentId)
                .query((rs, i) -> new Held(rs.getObject("user_id", UUID.class), assignment(rs, i)))
                .optional();
    }

    /** @param grantedBy {@code null} only for accounts seeded at startup */
    public void add(UUID userId, RoleAssignment assignment, @Nullable UUID grantedBy, Instant now) {
        try {
            jdbc.sql("""
                    insert into identity.role_assignments (id, user_id, role, scope_code, county_code, unit_id,
                        granted_by, granted_at)
                    values (:id, :user, :role, :scope, :county, :unit, :grantedBy, :at)
                    """)
                    .param("id", assignment.id()).param("user", userId).param("role", assignment.role().name())
                    .param("scope", assignment.scopeCode()).param("county", assignment.countyCode())
                    .param("unit", assignment.unitId()).param("grantedBy", grantedBy).param("at", UserAccounts.ts(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict(ProblemType.ROLE_ALREADY_GRANTED, "role", Messages.text("identity.grant.duplicate"));
        }
    }

    /** Whether any account holds {@code role} anywhere in {@code countyCode}. */
    public boolean anyHolds(Role role, String countyCode) {
        return jdbc.sql("select exists (select 1 from identity.role_assignments where role = :role and county_code = :county)")
                .param("role", role.name()).param("county", countyCode).query(Boolean.class).single();
    }

    public void remove(UUID assignmentId) {
        jdbc.sql("delete from identity.role_assignments where id = :id").param("id", assignmentId).update();
    }

    private static RoleAssignment assignment(ResultSet rs, int row) throws SQLException {
        return new RoleAssignment(rs.getObject("id", UUID.class), Role.valueOf(rs.getString("role")),
                rs.getString("scope_code"), rs.getObject("unit_id", UUID.class));
    }
}
