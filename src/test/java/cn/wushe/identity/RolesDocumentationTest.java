package cn.wushe.identity;

import cn.wushe.identity.internal.Role;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Permission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/roles.md} is generated from {@link Role}, the single source of truth. When the table
 * in code changes, this test rewrites the file and fails once, so the change is committed with it.
 */
class RolesDocumentationTest {

    static final Path FILE = Path.of("docs/roles.md");

    @Test
    void rolesDocumentMatchesTheRoleTable() throws IOException {
        String expected = render();
        String actual = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("docs/roles.md was stale and has been regenerated; commit it").isEqualTo(expected);
    }

    static String render() {
        StringBuilder md = new StringBuilder("""
                # Roles and what they grant (角色与权限)

                Generated from `cn.wushe.identity.internal.Role` by `RolesDocumentationTest`; do not edit by hand.

                A role assignment is (user, role, region scope, optional organization). The scope code has the
                level the role is assigned at: county 6 digits, town 9, community 12, grid 15. Each permission
                applies at the assignment's scope, or at a coarser level where the table says "widened to".
                Spring Security authorities are the permission names plus `ROLE_<role>`.

                | Role | 角色 | Assigned at | Permissions |
                |---|---|---|---|
                """);
        for (Role role : Role.values()) {
            String grants = role.grants().isEmpty() ? "none yet (assignment-based access comes later)"
                    : role.grants().stream().map(g -> g.widenedTo() == null ? "`" + g.permission() + "`"
                            : "`" + g.permission() + "` widened to " + g.widenedTo().name().toLowerCase()
                                    + " (" + g.widenedTo().digits() + ")")
                            .collect(Collectors.joining(", "));
            md.append("| `").append(role.name()).append("` ").append(role.englishName()).append(" | ")
                    .append(role.label()).append(" | ").append(role.scopeLevel().label()).append(" (")
                    .append(role.scopeLevel().digits()).append(") | ").append(grants).append(" |\n");
        }
        md.append("""

                ## Permissions

                | Permission | Meaning |
                |---|---|
                """);
        Arrays.stream(Permission.values()).forEach(p -> md.append("| `").append(p.name()).append("` | ")
                .append(MEANINGS.getOrDefault(p, "")).append(" |\n"));
        md.append("""

                ## Rules on assignments (security.md checks 12, 13)

                - Only a security administrator (`ROLE_MANAGE`) grants or revokes roles, and only with a scope
                  inside their own `ROLE_MANAGE` scope, for accounts whose unit lies inside it (others: 404).
                - Nobody changes their own roles.
                - 三员分立: `SYSTEM_ADMIN`, `SECURITY_ADMIN` and `AUDIT_ADMIN` are never held by one account
                  together, and an account holding `AUDIT_ADMIN` holds no other role at all.
                - The scope code must exist (an official region, or an active grid for `GRID_WORKER`) and have
                  the role's level.
                - Granting or revoking `GRID_WORKER` updates the grid's workers in the same transaction.
                - An organization role (`ORG_STAFF`, `CHARITY_STAFF`, `VOLUNTEER`) may name the unit (单位) it is
                  held for: an active unit of a kind the role serves, inside the assignment's scope; its holder then
                  acts for that unit (`Actor.unitIds()`) as members of a unit do.
                - Every grant and revoke is audited with the holder's roles before and after; refused attempts
                  are audited with outcome `DENIED`.
                - Self-service sign-ups (`SIGNUP_CONFIRM`) are confirmed by a community worker of the community the
                  applicant named, and also by the town social work station for every community of its town (a
                  village often has one part-time worker; the station already edits people town-wide). Confirming
                  grants `RESIDENT` at that community, or `VOLUNTEER` at the level the role is declared at (county);
                  the sign-up keeps the community. A sign-up outside the worker's scope does not exist for her (404).
                """);
        return md.toString();
    }

    static final java.util.Map<Permission, String> MEANINGS = java.util.Map.ofEntries(
            java.util.Map.entry(Permission.GRID_VIEW, "browse the region tree and see grids"),
            java.util.Map.entry(Permission.GRID_EDIT, "create, edit and retire grids"),
            java.util.Map.entry(Permission.USER_MANAGE, "open, disable, enable accounts; reset passwords; lift login locks"),
            java.util.Map.entry(Permission.ROLE_MANAGE, "grant and revoke roles with scopes"),
            java.util.Map.entry(Permission.AUDIT_READ, "read and verify the audit log"),
            java.util.Map.entry(Permission.PERSON_SEARCH, "find people in a minimal masked projection (avoid double registration)"),
            java.util.Map.entry(Permission.PERSON_VIEW, "see people's records"),
            java.util.Map.entry(Permission.PERSON_EDIT, "register and edit people and households"),
            java.util.Map.entry(Permission.PII_UNMASK, "reveal masked sensitive fields with a stated reason"),
            java.util.Map.entry(Permission.PERSON_IMPORT, "import rosters"),
            java.util.Map.entry(Permission.PERSON_EXPORT, "export lists"),
            java.util.Map.entry(Permission.SELF_SERVICE, "a resident's access to their own record"),
            java.util.Map.entry(Permission.UNIT_MANAGE, "register, change and retire units (单位) inside the scope; "
                    + "put accounts into units needs USER_MANAGE too"),
            java.util.Map.entry(Permission.CALENDAR_MANAGE, "enter and correct the working calendar and county office hours"),

            java.util.Map.entry(Permission.SIGNUP_CONFIRM, "confirm or reject residents' and volunteers' own sign-ups (注册审核)"),
            java.util.Map.entry(Permission.TASK_VIEW, "see the scheduled-task queue: pending, late and failing deadlines"),
            java.util.Map.entry(Permission.DOCUMENT_REVOKE, "revoke an issued document (证明) so its QR code no longer verifies"),
            java.util.Map.entry(Permission.MATTER_SUBMIT, "bring a resident's matter in: one's own, or a walk-in's on their behalf"),
            java.util.Map.entry(Permission.MATTER_HANDLE, "sign for, handle, forward, return and close the matters at one's unit"),
            java.util.Map.entry(Permission.MATTER_SUPERVISE, "follow up the matters of one's unit (a street office: its town) or county"),
            java.util.Map.entry(Permission.MATTER_CATALOGUE, "keep the county's service catalogue (服务事项目录)"),
            java.util.Map.entry(Permission.MATTER_VIEW, "read matters' files (materials, notices) in the region"),
            java.util.Map.entry(Permission.VOLUNTEER_SELF, "a volunteer's own profile, activities, check-in, hours, points, certificates"),
            java.util.Map.entry(Permission.VOLUNTEER_VIEW, "see volunteers, teams and their hours"),
            java.util.Map.entry(Permission.ACTIVITY_MANAGE, "organize activities, check people in and confirm their hours"),
            java.util.Map.entry(Permission.POINTS_REDEEM, "redeem points for goods at a community's points store (积分超市)"),
            java.util.Map.entry(Permission.HONOUR_AWARD, "nominate and decide yearly volunteer honours (表彰)"),
            java.util.Map.entry(Permission.CARE_VIEW, "see people under care: tiers, visits, pairings, alerts"),
            java.util.Map.entry(Permission.CARE_VISIT, "record visits and legwork; a volunteer only on the households paired with them"),
            java.util.Map.entry(Permission.CARE_MANAGE, "assess tiers, pair visitors, own and close alerts"),
            java.util.Map.entry(Permission.CARE_TIER_APPROVE, "approve a tier change to or from red"),
            java.util.Map.entry(Permission.CASEWORK, "run cases, crisis interventions, groups and activities"),
            java.util.Map.entry(Permission.CARE_SETTINGS, "set a county's visit cycles, crisis hours and comparison rules"),
            java.util.Map.entry(Permission.MONITORING_RUN, "upload department files, run data comparison and 政策找人"),
            java.util.Map.entry(Permission.ORG_VIEW, "see the register of social organizations and filed community organizations"),
            java.util.Map.entry(Permission.ORG_MANAGE, "register, change, deregister organizations; file community organizations (备案)"),
            java.util.Map.entry(Permission.ORG_OWN, "an organization's own staff: its record, applications and projects only"),
            java.util.Map.entry(Permission.ROUND_MANAGE, "run funding rounds: standards, criteria, experts, decisions, confirmation"),
            java.util.Map.entry(Permission.APPLICATION_SCORE, "score assigned applications inside the scoring window (评审)"),
            java.util.Map.entry(Permission.PROJECT_VIEW, "see funded projects, reports and instalments"),
            java.util.Map.entry(Permission.PROJECT_EVALUATE, "evaluate an assigned project at acceptance (第三方评估)"),
            java.util.Map.entry(Permission.BACKUP_MANAGE, "see backups, their progress and failures; start one now (数据备份)"));
}
