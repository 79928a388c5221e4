package cn.wushe.identity.internal;

import cn.wushe.identity.Role;
import java.util.Collection;
import java.util.Optional;

/**
 * 三员分立 (GB/T 22239 §8.1.5, security.md check 13): the system, security and audit administrators
 * are three different accounts, and the audit administrator holds nothing else, so no account can
 * both change the system and read (or hide) the record of it.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /** Why an account holding {@code held} may not also get {@code role}; empty if it may. */
    public static Optional<String> conflict(Role role, Collection<Role> held) {
        if (role == Role.AUDIT_ADMIN && held.stream().anyMatch(r -> r != Role.AUDIT_ADMIN)) {
            return Optional.of("审计管理员不能兼任其他任何角色，请为其单独开设账号");
        }
        if (role != Role.AUDIT_ADMIN && held.contains(Role.AUDIT_ADMIN)) {
            return Optional.of("该账号是审计管理员，不能再授予其他角色");
        }
        if (role.isAdministrator() && held.stream().anyMatch(r -> r.isAdministrator() && r != role)) {
            return Optional.of("系统管理员、安全管理员、审计管理员须由不同账号担任（三员分立）");
        }
        return Optional.empty();
    }
}
