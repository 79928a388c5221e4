package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.units.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator puts accounts into units (单位) and takes them out
 * ({@link Permission#USER_MANAGE}): the account and the unit must both lie inside the
 * administrator's scope, the unit must be active. The holder's sessions end, so their
 * {@code Actor} carries the new units at the next sign-in; every change is audited.
 */
@Service
public class MembershipAdministration {

    /** A unit the account belongs to, as the administrator sees it. */
    public record MemberOf(UUID unitId, String name, String kindLabel, String regionCode, boolean active,
            boolean primary) {
    }

    private final UserAccounts accounts;
    private final UnitMemberships memberships;
    private final UnitDirectory units;
    private final SessionEnding sessions;
    private final Denials denials;
    private final AuditLog audit;
    private final Clock clock;

    MembershipAdministration(UserAccounts accounts, UnitMemberships memberships, UnitDirectory units,
            SessionEnding sessions, Denials denials, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.units = units;
        this.sessions = sessions;
        this.denials = denials;
        this.audit = audit;
        this.clock = clock;
    }

    /** The units the account belongs to, primary first; 404 for an account outside the scope. */
    public List<MemberOf> of(Actor admin, UUID userId) {
        managed(admin, userId, "USER_VIEW");
        return memberships.of(userId).stream().map(m -> units.find(m.unitId())
                        .map(u -> new MemberOf(u.id().value(), u.name(), u.kind().label(), u.regionCode(), u.active(), m.primary()))
                        .orElseGet(() -> new MemberOf(m.unitId(), m.unitId().toString(), "", "", false, m.primary())))
                .toList();
    }

    /** Active units inside the administrator's USER_MANAGE scopes, to choose from. */
    public List<Unit> choices(Actor admin) {
        List<Unit> all = new ArrayList<>();
        for (RegionScope scope : admin.scopesFor(Permission.USER_MANAGE)) {
            if (scope.code().length() >= 6 && scope.code().length() <= 12) {
                all.addAll(units.within(scope.code()));
            }
        }
        return all.stream().sorted(Comparator.comparing(Unit::regionCode).thenComparing(Unit::name)).toList();
    }

    @Transactional
    public Unit attach(Actor admin, UUID userId, @Nullable UUID unitId, boolean primary) {
        UserAccount account = managed(admin, userId, "USER_UNIT_ATTACH");
        AuditEvent attempt = AuditEvent.success("USER_UNIT_ATTACH", "USER", userId.toString(), account.homeRegionCode());
        Unit unit = inScope(admin, unitId, attempt);
        if (!unit.active()) {
            throw new DomainException(ProblemType.UNIT_RETIRED, Messages.text("identity.membership.unit-retired", unit.name()),
                    Map.of("unitId", Messages.text("identity.membership.unit-retired", unit.name())));
        }
        if (!memberships.add(userId, unit.id().value(), admin.id(), clock.instant())) {
            throw DomainException.conflict(ProblemType.UNIT_MEMBERSHIP_EXISTS, "unitId",
                    Messages.text("identity.membership.exists", unit.name()));
        }
        if (primary) {
            memberships.makePrimary(userId, unit.id().value());
        }
        sessions.endSessionsOf(userId, null);
        audit.record(attempt.withDetail(detail(unit, primary || isPrimary(userId, unit))));
        return unit;
    }

    @Transactional
    public Unit detach(Actor admin, UUID userId, UUID unitId) {
        return changeMember(admin, userId, unitId, "USER_UNIT_DETACH", false, () -> memberships.remove(userId, unitId));
    }

    @Transactional
    public Unit makePrimary(Actor admin, UUID userId, UUID unitId) {
        return changeMember(admin, userId, unitId, "USER_UNIT_PRIMARY", true, () -> memberships.makePrimary(userId, unitId));
    }

    /** A change to an existing membership: 404 unless the account and the unit are both in scope; audited. */
    private Unit changeMember(Actor admin, UUID userId, UUID unitId, String action, boolean primaryAfter,
            Runnable change) {
        UserAccount account = managed(admin, userId, action);
        AuditEvent attempt = AuditEvent.success(action, "USER", userId.toString(), account.homeRegionCode());
        Unit unit = member(admin, userId, unitId, attempt);
        change.run();
        sessions.endSessionsOf(userId, null);
        audit.record(attempt.withDetail(detail(unit, primaryAfter)));
        return unit;
    }

    /**
     * Demo data and other seeding by the system itself: adds the membership unless it exists, with
     * no administrator; audited under "system" only when added. @return whether it was added
     */
    @Transactional
    public boolean seed(UUID userId, Unit unit, String why) {
        if (!unit.active() || !memberships.add(userId, unit.id().value(), null, clock.instant())) {
            return false;
        }
        audit.record(AuditEvent.success("USER_UNIT_ATTACH", "USER", userId.toString(), unit.regionCode())
                .withDetail(why + ": " + detail(unit, isPrimary(userId, unit))).byActor("system"));
        return true;
    }

    private boolean isPrimary(UUID userId, Unit unit) {
        return memberships.of(userId).stream().anyMatch(m -> m.primary() && m.unitId().equals(unit.id().value()));
    }

    private UserAccount managed(Actor admin, UUID userId, String action) {
        return accounts.findInScope(userId,
                        ScopeFilter.predicate(admin, Permission.USER_MANAGE, "u.county_code", "u.home_region_code"))
                .orElseThrow(() -> denials.recorded(AuditEvent.success(action, "USER", userId.toString(), null),
                        DomainException.notFound(Messages.text("identity.subject.account"))));
    }

    /** The unit, refused naming the field when absent or outside the administrator's scope. */
    private Unit inScope(Actor admin, @Nullable UUID unitId, AuditEvent attempt) {
        Optional<Unit> unit = unitId == null ? Optional.empty() : units.find(unitId);
        if (unit.isEmpty()) {
            throw DomainException.invalid("unitId", Messages.text("identity.membership.unit-unknown"));
        }
        if (!admin.can(Permission.USER_MANAGE, unit.get().regionCode())) {
            String message = Messages.text("identity.membership.out-of-scope");
            throw denials.recorded(attempt.withDetail(unit.get().id().toString()),
                    DomainException.outOfScope(Map.of("unitId", message)));
        }
        return unit.get();
    }

    /** A unit the account belongs to and the administrator may see; else 404. */
    private Unit member(Actor admin, UUID userId, UUID unitId, AuditEvent attempt) {
        boolean member = memberships.of(userId).stream().anyMatch(m -> m.unitId().equals(unitId));
        return units.find(unitId).filter(u -> member && admin.can(Permission.USER_MANAGE, u.regionCode()))
                .orElseThrow(() -> denials.recorded(attempt.withDetail(unitId.toString()),
                        DomainException.notFound(Messages.text("identity.subject.membership"))));
    }

    private static String detail(Unit unit, boolean primary) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("unit", unit.id().toString());
        detail.put("name", unit.name());
        detail.put("primary", primary);
        return detail.toString();
    }
}
