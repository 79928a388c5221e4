package cn.wushe.identity;

import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.identity.internal.SignedInUser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Role → permission → scope (design §3, security.md check 10): what each assignment reaches, with
 * the widened search and view scopes of community and grid workers.
 */
class RoleScopeUnitTest {

    static SignedInUser holding(String... assignments) {
        List<RoleAssignment> list = Arrays.stream(assignments).map(a -> {
            String[] parts = a.split("@");
            return new RoleAssignment(UUID.randomUUID(), Role.valueOf(parts[0]), parts[1], null);
        }).toList();
        return new SignedInUser(UUID.randomUUID(), "u", "用户", "610527", list, false);
    }

    @ParameterizedTest(name = "{0}@{1}: {2} → {3}")
    @CsvSource(textBlock = """
            GRID_WORKER,      610527001001001, PERSON_EDIT,   610527001001001
            GRID_WORKER,      610527001001001, PERSON_VIEW,   610527001001
            GRID_WORKER,      610527001001001, GRID_VIEW,     610527001001
            GRID_WORKER,      610527001001001, PERSON_SEARCH, 610527001
            GRID_WORKER,      610527001001001, GRID_EDIT,     -
            GRID_WORKER,      610527001001001, PII_UNMASK,    -
            GRID_WORKER,      610527001001001, PERSON_EXPORT, -
            COMMUNITY_WORKER, 610527001001,    PERSON_EDIT,   610527001001
            COMMUNITY_WORKER, 610527001001,    PERSON_VIEW,   610527001001
            COMMUNITY_WORKER, 610527001001,    GRID_EDIT,     610527001001
            COMMUNITY_WORKER, 610527001001,    PERSON_SEARCH, 610527001
            COMMUNITY_WORKER, 610527001001,    PII_UNMASK,    -
            TOWN_STATION,     610527001,       PII_UNMASK,    610527001
            TOWN_STATION,     610527001,       PERSON_SEARCH, 610527001
            COUNTY_ADMIN,     610527,          PERSON_EXPORT, 610527
            COUNTY_ADMIN,     610527,          PII_UNMASK,    610527
            COUNTY_ADMIN,     610527,          USER_MANAGE,   -
            COUNTY_STATION,   610527,          PERSON_VIEW,   610527
            COUNTY_STATION,   610527,          PERSON_EDIT,   -
            COUNTY_STATION,   610527,          GRID_EDIT,     -
            RESIDENT,         610527001001,    SELF_SERVICE,  610527001001
            RESIDENT,         610527001001,    PERSON_VIEW,   -
            ORG_STAFF,        610527,          PERSON_VIEW,   -
            VOLUNTEER,        610527,          PERSON_SEARCH, -
            CHARITY_STAFF,    610527,          GRID_VIEW,     -
            REVIEWER,         610527,          PERSON_VIEW,   -
            SYSTEM_ADMIN,     610527,          USER_MANAGE,   610527
            SYSTEM_ADMIN,     610527,          ROLE_MANAGE,   -
            SYSTEM_ADMIN,     610527,          PERSON_VIEW,   -
            SECURITY_ADMIN,   610527,          ROLE_MANAGE,   610527
            SECURITY_ADMIN,   610527,          AUDIT_READ,    -
            AUDIT_ADMIN,      610527,          AUDIT_READ,    610527
            AUDIT_ADMIN,      610527,          USER_MANAGE,   -
            AUDIT_ADMIN,      610527,          PERSON_EDIT,   -
            """)
    void assignmentReachesExactlyItsScope(Role role, String scope, Permission permission, String expected) {
        SignedInUser user = holding(role + "@" + scope);
        List<String> reach = user.scopesFor(permission).stream().map(RegionScope::code).toList();
        assertThat(reach).isEqualTo("-".equals(expected) ? List.of() : List.of(expected));
    }

    @Test
    void gridWorkerEditsHerGridViewsHerCommunitySearchesHerTown() {
        SignedInUser worker = holding("GRID_WORKER@610527001001001");
        assertThat(worker.can(Permission.PERSON_EDIT, "610527001001001")).isTrue();
        assertThat(worker.can(Permission.PERSON_EDIT, "610527001001002")).isFalse();
        assertThat(worker.can(Permission.PERSON_VIEW, "610527001001002")).isTrue();
        assertThat(worker.can(Permission.PERSON_VIEW, "610527001002001")).isFalse();
        assertThat(worker.can(Permission.PERSON_SEARCH, "610527001002001")).isTrue();
        assertThat(worker.can(Permission.PERSON_SEARCH, "610527002001001")).isFalse();
    }

    @Test
    void overlappingAssignmentsKeepOnlyTheOutermostScope() {
        SignedInUser user = holding("GRID_WORKER@610527001001001", "COMMUNITY_WORKER@610527001001",
                "COMMUNITY_WORKER@610527001002");
        assertThat(user.scopesFor(Permission.PERSON_EDIT)).extracting(RegionScope::code)
                .containsExactly("610527001001", "610527001002");
        assertThat(user.scopesFor(Permission.PERSON_SEARCH)).extracting(RegionScope::code)
                .containsExactly("610527001");
    }

    @Test
    void authoritiesArePermissionNamesAndRoles() {
        SignedInUser worker = holding("GRID_WORKER@610527001001001");
        assertThat(worker.authorities()).extracting(Object::toString).containsExactlyInAnyOrder(
                "PERSON_EDIT", "PERSON_VIEW", "GRID_VIEW", "PERSON_SEARCH", "CARE_VIEW", "CARE_VISIT", "MATTER_SUBMIT", "MATTER_VIEW", "ROLE_GRID_WORKER");
        assertThat(holding().authorities()).isEmpty();
    }

    @Test
    void everyRoleIsAssignedAtOneLevelAndAdministratorsAtTheCounty() {
        for (Role role : Role.values()) {
            if (role.isAdministrator()) {
                assertThat(role.scopeLevel().digits()).isEqualTo(6);
            }
            assertThat(role.label()).matches("[\\u4e00-\\u9fa5]+");
        }
    }

    @Test
    void signedInUserSurvivesSerializationForTheSessionStore() throws Exception {
        SignedInUser user = holding("GRID_WORKER@610527001001001");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(user);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            SignedInUser back = (SignedInUser) in.readObject();
            assertThat(back).isEqualTo(user);
            assertThat(back.scopesFor(Permission.PERSON_VIEW)).extracting(RegionScope::code)
                    .containsExactly("610527001001");
        }
    }
}
