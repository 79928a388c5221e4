package cn.wushe.identity.internal;

import static cn.wushe.platform.Permission.AUDIT_READ;
import static cn.wushe.platform.Permission.CARE_MANAGE;
import static cn.wushe.platform.Permission.CARE_SETTINGS;
import static cn.wushe.platform.Permission.CARE_TIER_APPROVE;
import static cn.wushe.platform.Permission.CARE_VIEW;
import static cn.wushe.platform.Permission.CARE_VISIT;
import static cn.wushe.platform.Permission.CASEWORK;
import static cn.wushe.platform.Permission.MONITORING_RUN;
import static cn.wushe.platform.Permission.APPLICATION_SCORE;
import static cn.wushe.platform.Permission.ORG_MANAGE;
import static cn.wushe.platform.Permission.ORG_OWN;
import static cn.wushe.platform.Permission.ORG_VIEW;
import static cn.wushe.platform.Permission.PROJECT_EVALUATE;
import static cn.wushe.platform.Permission.PROJECT_VIEW;
import static cn.wushe.platform.Permission.ROUND_MANAGE;
import static cn.wushe.platform.Permission.BACKUP_MANAGE;
import static cn.wushe.platform.Permission.CALENDAR_MANAGE;
import static cn.wushe.platform.Permission.DOCUMENT_REVOKE;
import static cn.wushe.platform.Permission.GRID_EDIT;
import static cn.wushe.platform.Permission.GRID_VIEW;
import static cn.wushe.platform.Permission.MATTER_CATALOGUE;
import static cn.wushe.platform.Permission.MATTER_HANDLE;
import static cn.wushe.platform.Permission.MATTER_SUBMIT;
import static cn.wushe.platform.Permission.MATTER_SUPERVISE;
import static cn.wushe.platform.Permission.MATTER_VIEW;
import static cn.wushe.platform.Permission.PERSON_EDIT;
import static cn.wushe.platform.Permission.PERSON_EXPORT;
import static cn.wushe.platform.Permission.PERSON_IMPORT;
import static cn.wushe.platform.Permission.PERSON_SEARCH;
import static cn.wushe.platform.Permission.PERSON_VIEW;
import static cn.wushe.platform.Permission.PII_UNMASK;
import static cn.wushe.platform.Permission.ROLE_MANAGE;
import static cn.wushe.platform.Permission.TASK_VIEW;
import static cn.wushe.platform.Permission.SELF_SERVICE;
import static cn.wushe.platform.Permission.SIGNUP_CONFIRM;
import static cn.wushe.platform.Permission.UNIT_MANAGE;
import static cn.wushe.platform.Permission.USER_MANAGE;

import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import cn.wushe.units.UnitKind;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The roles (角色) a user can hold, each assigned at one region level, and what each grants. This
 * table is the single source of truth: {@link SignedInUser} derives scopes and Spring authorities
 * from it, the role administration checks assignments against it, and {@code docs/roles.md} is
 * generated from it.
 *
 * <p>A grant either applies at the assignment's own scope or is widened to a coarser level: a grid
 * worker edits people in her grid, views her whole community and searches her whole town (DHIS2's
 * separate capture, view and search scopes).
 */
public enum Role {
    COUNTY_ADMIN("County civil affairs administrator", ScopeLevel.COUNTY, Duty.BUSINESS,
            at(GRID_VIEW, GRID_EDIT, PERSON_SEARCH, PERSON_VIEW, PERSON_EDIT, PII_UNMASK, PERSON_IMPORT, PERSON_EXPORT),
            at(DOCUMENT_REVOKE),
            at(CARE_VIEW, CARE_SETTINGS, MONITORING_RUN),
            at(MATTER_SUPERVISE, MATTER_CATALOGUE, MATTER_VIEW),
            at(Permission.VOLUNTEER_VIEW, Permission.ACTIVITY_MANAGE, Permission.HONOUR_AWARD),
            at(ORG_VIEW, ORG_MANAGE, ROUND_MANAGE, PROJECT_VIEW)),
    COUNTY_STATION("County social work station", ScopeLevel.COUNTY, Duty.BUSINESS,
            at(GRID_VIEW, PERSON_SEARCH, PERSON_VIEW, PERSON_EXPORT),
            at(CARE_VIEW, CARE_MANAGE, CASEWORK),
            at(Permission.VOLUNTEER_VIEW),
            at(ORG_VIEW, PROJECT_VIEW)),
    TOWN_STATION("Town social work station", ScopeLevel.TOWN, Duty.BUSINESS,
            at(GRID_VIEW, GRID_EDIT, PERSON_SEARCH, PERSON_VIEW, PERSON_EDIT, PII_UNMASK, PERSON_IMPORT, PERSON_EXPORT),
            at(SIGNUP_CONFIRM),
            at(CARE_VIEW, CARE_VISIT, CARE_MANAGE, CARE_TIER_APPROVE, CASEWORK),
            at(Permission.VOLUNTEER_VIEW, Permission.ACTIVITY_MANAGE, Permission.HONOUR_AWARD),
            at(ORG_VIEW, PROJECT_VIEW)),
    COMMUNITY_WORKER("Community worker", ScopeLevel.COMMUNITY, Duty.BUSINESS,
            at(GRID_VIEW, GRID_EDIT, PERSON_VIEW, PERSON_EDIT, PERSON_IMPORT, PERSON_EXPORT),
            at(SIGNUP_CONFIRM),
            widened(ScopeLevel.TOWN, PERSON_SEARCH),
            at(CARE_VIEW, CARE_VISIT, CARE_MANAGE),
            at(MATTER_SUBMIT, MATTER_HANDLE, MATTER_VIEW),
            at(Permission.VOLUNTEER_VIEW, Permission.ACTIVITY_MANAGE, Permission.POINTS_REDEEM),
            at(Permission.ORG_CHECKIN_CONFIRM)),
    GRID_WORKER("Grid worker", ScopeLevel.GRID, Duty.BUSINESS,
            at(PERSON_EDIT),
            widened(ScopeLevel.COMMUNITY, PERSON_VIEW, GRID_VIEW),
            widened(ScopeLevel.TOWN, PERSON_SEARCH),
            at(CARE_VIEW, CARE_VISIT),
            widened(ScopeLevel.COMMUNITY, MATTER_SUBMIT, MATTER_VIEW)),
    ORG_STAFF("Social organization staff", ScopeLevel.COUNTY, Duty.ORGANIZATION,
            at(Permission.ACTIVITY_MANAGE),
            at(ORG_OWN)),
    VOLUNTEER("Volunteer", ScopeLevel.COUNTY, Duty.ORGANIZATION,
            at(CARE_VISIT),
            at(Permission.VOLUNTEER_SELF)),
    CHARITY_STAFF("Charity staff", ScopeLevel.COUNTY, Duty.ORGANIZATION),
    REVIEWER("Reviewer", ScopeLevel.COUNTY, Duty.BUSINESS,
            at(APPLICATION_SCORE)),
    TOWN_OFFICE("Town civil affairs office", ScopeLevel.TOWN, Duty.BUSINESS,
            at(ORG_VIEW, ORG_MANAGE, PROJECT_VIEW)),
    EVALUATOR("Third-party evaluator", ScopeLevel.COUNTY, Duty.BUSINESS,
            at(PROJECT_EVALUATE)),
    RESIDENT("Resident", ScopeLevel.COMMUNITY, Duty.BUSINESS,
            at(SELF_SERVICE),
            at(MATTER_SUBMIT, MATTER_VIEW)),
    SYSTEM_ADMIN("System administrator (accounts)", ScopeLevel.COUNTY, Duty.ADMINISTRATION,
            at(USER_MANAGE, CALENDAR_MANAGE, TASK_VIEW),
            at(UNIT_MANAGE),
            at(BACKUP_MANAGE)),
    SECURITY_ADMIN("Security administrator (roles)", ScopeLevel.COUNTY, Duty.ADMINISTRATION,
            at(ROLE_MANAGE)),
    AUDIT_ADMIN("Audit administrator (audit log)", ScopeLevel.COUNTY, Duty.ADMINISTRATION,
            at(AUDIT_READ)),
    /** 单位经办人: handles the matters routed to the street office or department the account is a member of. */
    UNIT_STAFF("Unit staff (matters of a street office or department)", ScopeLevel.COUNTY, Duty.BUSINESS,
            at(MATTER_HANDLE, MATTER_VIEW)),
    /** 单位负责人: handles and supervises its unit's matters (a street office's lead: its town's too). */
    UNIT_LEAD("Unit lead (matters of a street office or department)", ScopeLevel.COUNTY, Duty.BUSINESS,
            at(MATTER_HANDLE, MATTER_SUPERVISE, MATTER_VIEW)),
    TEAM_LEADER("Volunteer team leader", ScopeLevel.COUNTY, Duty.ORGANIZATION,
            at(Permission.ACTIVITY_MANAGE, Permission.VOLUNTEER_SELF)),
    STORE_KEEPER("Points store keeper", ScopeLevel.COMMUNITY, Duty.BUSINESS,
            at(Permission.POINTS_REDEEM));

    /** What kind of work a role is for; the three administrators (三员) are kept apart. */
    public enum Duty {
        BUSINESS, ORGANIZATION, ADMINISTRATION
    }

    /**
     * One permission of a role.
     *
     * @param widenedTo the coarser level the permission reaches, or {@code null} for the assignment's own scope
     */
    public record Grant(Permission permission, @Nullable ScopeLevel widenedTo) {

        /** The region this grant reaches for an assignment at {@code assignmentScope}. */
        public RegionScope reach(RegionScope assignmentScope) {
            return widenedTo == null ? assignmentScope : assignmentScope.widenTo(widenedTo);
        }
    }

    private final String englishName;
    private final ScopeLevel scopeLevel;
    private final Duty duty;
    private final List<Grant> grants;

    @SafeVarargs
    Role(String englishName, ScopeLevel scopeLevel, Duty duty, List<Grant>... grants) {
        this.englishName = englishName;
        this.scopeLevel = scopeLevel;
        this.duty = duty;
        List<Grant> all = new ArrayList<>();
        Arrays.stream(grants).forEach(all::addAll);
        this.grants = List.copyOf(all);
    }

    private static List<Grant> at(Permission... permissions) {
        return Arrays.stream(permissions).map(p -> new Grant(p, null)).toList();
    }

    private static List<Grant> widened(ScopeLevel level, Permission... permissions) {
        return Arrays.stream(permissions).map(p -> new Grant(p, level)).toList();
    }

    /** The Chinese name shown to users, e.g. 网格员 (key {@code identity.role.<CONSTANT>}). */
    public String label() {
        return Messages.text("identity.role." + name());
    }

    public String englishName() {
        return englishName;
    }

    /** The one region level an assignment of this role is made at (a grid worker: a grid). */
    public ScopeLevel scopeLevel() {
        return scopeLevel;
    }

    public Duty duty() {
        return duty;
    }

    public boolean isAdministrator() {
        return duty == Duty.ADMINISTRATION;
    }

    /** Organization roles may name the unit (社会组织、慈善组织) the assignment is for. */
    public boolean takesOrganization() {
        return duty == Duty.ORGANIZATION;
    }

    /**
     * The kinds of unit an assignment of this role may be held for: staff of a social organization
     * for a social organization (or a company), charity staff for a charity, a volunteer for the
     * organization or committee whose team they serve in; empty for roles that take none.
     */
    public Set<UnitKind> unitKinds() {
        return switch (this) {
            case ORG_STAFF -> EnumSet.of(UnitKind.SOCIAL_ORGANIZATION, UnitKind.COMPANY);
            case CHARITY_STAFF -> EnumSet.of(UnitKind.CHARITY_ORGANIZATION);
            case VOLUNTEER, TEAM_LEADER -> EnumSet.of(UnitKind.SOCIAL_ORGANIZATION, UnitKind.CHARITY_ORGANIZATION,
                    UnitKind.COMMUNITY_COMMITTEE, UnitKind.TOWN_STATION, UnitKind.COMMUNITY_ROOM);
            default -> EnumSet.noneOf(UnitKind.class);
        };
    }

    public List<Grant> grants() {
        return grants;
    }

    public Optional<Grant> grantOf(Permission permission) {
        return grants.stream().filter(g -> g.permission() == permission).findFirst();
    }

    /** The Spring Security authority naming this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Lenient lookup for request input; empty for an unknown code. */
    public static Optional<Role> fromCode(@Nullable String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
