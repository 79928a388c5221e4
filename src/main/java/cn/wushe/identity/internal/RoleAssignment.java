package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.RegionScope;
import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One role held by a user within one region (and, for organization roles, one unit 单位 — the
 * social organization, charity or team the role is held for).
 *
 * @param id        the assignment's identifier, used to revoke it
 * @param scopeCode county (6), town (9), community (12) or grid (15) code, at the role's level
 * @param unitId    the unit for organization roles (a unit of the {@code units} module), else {@code null}
 */
public record RoleAssignment(UUID id, Role role, String scopeCode, @Nullable UUID unitId) implements Serializable {

    public RoleAssignment {
        new RegionScope(scopeCode);
        if (scopeCode.length() != role.scopeLevel().digits()) {
            throw new IllegalArgumentException(Messages.text("identity.grant.scope-level", role.label(), role.scopeLevel().label()));
        }
    }

    public RegionScope scope() {
        return new RegionScope(scopeCode);
    }

    public String countyCode() {
        return scopeCode.substring(0, 6);
    }

    @Override
    public String toString() {
        return role.name() + "@" + scopeCode + (unitId == null ? "" : "#" + unitId);
    }
}
