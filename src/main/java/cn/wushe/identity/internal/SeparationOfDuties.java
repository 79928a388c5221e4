package cn.wushe.identity.internal;

import cn.wushe.identity.internal.Role;
import cn.wushe.platform.Messages;
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
            return Optional.of(Messages.text("identity.duties.audit-admin-alone"));
        }
        if (role != Role.AUDIT_ADMIN && held.contains(Role.AUDIT_ADMIN)) {
            return Optional.of(Messages.text("identity.duties.already-audit-admin"));
        }
        if (role.isAdministrator() && held.stream().anyMatch(r -> r.isAdministrator() && r != role)) {
            return Optional.of(Messages.text("identity.duties.three-apart"));
        }
        return Optional.empty();
    }
}
