package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.units.Unit;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's work (安全管理员, {@link Permission#ROLE_MANAGE}): grant and revoke
 * roles with a region scope (security.md checks 12, 13). Nobody changes their own roles, a scope
 * must exist, suit the role's level and lie inside the administrator's own scope, and the three
 * administrator roles stay on separate accounts. Every change is audited with before and after.
 */
@Service
public class RoleAdministration {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** An account and the roles it holds. */
    public record Holder(AccountView account, List<RoleAssignment> assignments) {
    }

    /** What the administrator asks for; the unit (单位) only for organization roles. */
    public record GrantRequest(@Nullable String role, @Nullable String scopeCode, @Nullable UUID unitId) {
    }

    private final UserAccounts accounts;
    private final RoleAssignments assignments;
    private final AccountAdministration directory;
    private final RegionDirectory regions;
    private final UnitDirectory units;
    private final SessionEnding sessions;
    private final Denials denials;
    private final AuditLog audit;
    private final Clock clock;

    RoleAdministration(UserAccounts accounts, RoleAssignments assignments, AccountAdministration directory,
            RegionDirectory regions, UnitDirectory units, SessionEnding sessions, Denials denials, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.assignments = assignments;
        this.directory = directory;
        this.regions = regions;
        this.units = units;
        this.sessions = sessions;
        this.denials = denials;
        this.audit = audit;
        this.clock = clock;
    }

    public Holder holder(Actor admin, UUID userId) {
        UserAccount account = inScope(admin, userId, "ROLE_VIEW");
        return new Holder(directory.view(admin, account.id()), assignments.of(userId));
    }

    @Transactional
    public RoleAssignment grant(Actor admin, UUID userId, GrantRequest request) {
        UserAccount account = inScope(admin, userId, "ROLE_GRANT");
        refuseSelf(admin, userId, AuditEvent.success("ROLE_GRANT", "USER", userId.toString(), account.homeRegionCode())
                .withDetail(request.role() + "@" + request.scopeCode()));
        Role role = Role.fromCode(request.role())
                .orElseThrow(() -> DomainException.invalid("role", Messages.text("identity.grant.choose-role")));
        String scope = checkedScope(role, request.scopeCode());
        AuditEvent attempt = AuditEvent.success("ROLE_GRANT", "USER", userId.toString(), scope)
                .withDetail(role.name() + "@" + scope);
        if (!admin.can(Permission.ROLE_MANAGE, scope)) {
            String message = Messages.text("identity.grant.out-of-scope");
            throw denials.recorded(attempt, new DomainException(ProblemType.OUT_OF_SCOPE, message,
                    Map.of("scopeCode", message)));
        }
        List<RoleAssignment> before = assignments.of(userId);
        SeparationOfDuties.conflict(role, before.stream().map(RoleAssignment::role).toList()).ifPresent(message -> {
            throw denials.recorded(attempt, new DomainException(ProblemType.SEPARATION_OF_DUTIES, message,
                    Map.of("role", message)));
        });
        if (request.unitId() != null && !role.takesOrganization()) {
            throw DomainException.invalid("unitId", Messages.text("identity.grant.no-organization", role.label()));
        }
        if (request.unitId() != null) {
            checkUnit(role, scope, request.unitId());
        }
        if (!regions.exists(scope)) {
            throw DomainException.invalid("scopeCode", scope.length() == 15 ? Messages.text("identity.grant.grid-unknown") : Messages.text("identity.grant.region-unknown"));
        }
        RoleAssignment granted = new RoleAssignment(UUID.randomUUID(), role, scope, request.unitId());
        assignments.add(userId, granted, admin.id(), clock.instant());
        if (role == Role.GRID_WORKER) {
            regions.assignGridWorker(scope, userId, account.displayName());
        }
        sessions.endSessionsOf(userId, null);
        audit.record(attempt.withDetail(change(before, assignments.of(userId))));
        return granted;
    }

    @Transactional
    public void revoke(Actor admin, UUID userId, UUID assignmentId) {
        inScope(admin, userId, "ROLE_REVOKE");
        RoleAssignment assignment = assignments.find(assignmentId)
                .filter(held -> held.userId().equals(userId))
                .map(RoleAssignments.Held::assignment)
                .filter(held -> admin.can(Permission.ROLE_MANAGE, held.scopeCode()))
                .orElseThrow(() -> denials.recorded(
                        AuditEvent.success("ROLE_REVOKE", "ROLE_ASSIGNMENT", assignmentId.toString(), null),
                        DomainException.notFound(Messages.text("identity.subject.role-assignment"))));
        AuditEvent attempt = AuditEvent.success("ROLE_REVOKE", "USER", userId.toString(), assignment.scopeCode());
        refuseSelf(admin, userId, attempt.withDetail(assignment.toString()));
        List<RoleAssignment> before = assignments.of(userId);
        assignments.remove(assignmentId);
        if (assignment.role() == Role.GRID_WORKER) {
            regions.releaseGridWorker(assignment.scopeCode(), userId);
        }
        sessions.endSessionsOf(userId, null);
        audit.record(attempt.withDetail(change(before, assignments.of(userId))));
    }

    private UserAccount inScope(Actor admin, UUID userId, String action) {
        return accounts.findInScope(userId,
                        ScopeFilter.predicate(admin, Permission.ROLE_MANAGE, "u.county_code", "u.home_region_code"))
                .orElseThrow(() -> denials.recorded(AuditEvent.success(action, "USER", userId.toString(), null),
                        DomainException.notFound(Messages.text("identity.subject.account"))));
    }

    /** Check 12: not even a security administrator edits their own roles. */
    private void refuseSelf(Actor admin, UUID userId, AuditEvent attempt) {
        if (admin.id().equals(userId)) {
            throw denials.recorded(attempt, DomainException.forbidden(Messages.text("identity.forbidden.own-roles")));
        }
    }

    /** The unit an organization role is held for: active, of a kind the role serves, inside the assignment's scope. */
    private void checkUnit(Role role, String scope, UUID unitId) {
        Unit unit = units.find(unitId).filter(Unit::active)
                .orElseThrow(() -> DomainException.invalid("unitId", Messages.text("identity.grant.unit-unknown")));
        if (!role.unitKinds().contains(unit.kind())) {
            throw DomainException.invalid("unitId", Messages.text("identity.grant.unit-kind", role.label(), unit.kind().label()));
        }
        if (!unit.liesIn(scope)) {
            throw DomainException.invalid("unitId", Messages.text("identity.grant.unit-outside", unit.name()));
        }
    }

    /** The scope code, well formed and at the level the role is assigned at. */
    static String checkedScope(Role role, @Nullable String code) {
        String scope = code == null ? "" : code.strip();
        ScopeLevel level = role.scopeLevel();
        if (!DIGITS.matcher(scope).matches() || scope.length() != level.digits()) {
            throw DomainException.invalid("scopeCode",
                    Messages.text("identity.grant.scope-level-digits", role.label(), level.label(), level.digits()));
        }
        return scope;
    }

    private static String change(List<RoleAssignment> before, List<RoleAssignment> after) {
        return Messages.text("identity.grant.change", describe(before), describe(after));
    }

    private static String describe(List<RoleAssignment> held) {
        return held.isEmpty() ? Messages.text("identity.grant.none") : held.stream().map(RoleAssignment::toString).collect(Collectors.joining(", "));
    }
}
