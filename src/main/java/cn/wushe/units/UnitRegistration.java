package cn.wushe.units;

import org.jspecify.annotations.Nullable;

/**
 * Registers and retires units for a module that keeps its own record of them (the organizations
 * register makes every social organization a unit). The caller has checked its own permission;
 * this module checks the name, level and uniqueness, stores, audits ({@code UNIT_CREATE},
 * {@code UNIT_RETIRE}) and publishes {@link UnitRegistered} / {@link UnitRetired} as for its own
 * pages, in the caller's transaction.
 */
public interface UnitRegistration {

    /**
     * @param auditActor the name the audit entry carries when no user is signed in (demo data), else {@code null}
     * @throws cn.wushe.platform.DomainException {@code unit-exists} naming {@code name} or {@code creditCode}, or
     *         naming {@code kind} when a {@link UnitKind#COMMUNITY_COMMITTEE} is registered for a community that
     *         has an active one (one committee per community; retire the old one first)
     */
    Unit register(UnitId id, UnitKind kind, String regionCode, String name, @Nullable CreditCode creditCode,
            @Nullable String auditActor);

    /** Retires the unit (kept for history); nothing happens when it is retired already. */
    void retire(UnitId id, @Nullable String auditActor);

    /**
     * Brings a retired unit back (a retirement made by mistake is revoked, 撤销); nothing happens when
     * it is active. Audited {@code UNIT_REINSTATE}.
     *
     * @throws cn.wushe.platform.DomainException {@code unit-exists} when its name or credit code was taken meanwhile
     */
    void reinstate(UnitId id, @Nullable String auditActor);
}
