package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.internal.UnitManagement;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Role administration by the security administrator (security.md checks 12, 13): scope and level
 * of every grant checked against the real region tree, 三员分立, no self-service, audit with
 * before and after, grid workers kept in step with the region module.
 */
@IdentityIntegrationTest
class RoleAdministrationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    AdminSupport admin;
    TestAccounts.Account secadmin;
    TestAccounts.Account target;

    @BeforeEach
    void setUp() {
        admin = new AdminSupport(mvc, accounts, jdbc);
        secadmin = accounts.create("610527", "SECURITY_ADMIN@610527");
        target = accounts.create("610527001001");
    }

    @Test
    void grantsAndRevokesWithBeforeAndAfterInTheAuditLog() throws Exception {
        String body = admin.grant(secadmin, target.id(), "COMMUNITY_WORKER", "610527001001")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roleLabel").value("社区工作者"))
                .andReturn().getResponse().getContentAsString();
        String assignment = JsonPath.read(body, "$.id");
        mvc.perform(get("/api/v1/users/{id}/roles", target.id()).with(admin.as(secadmin)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].scopeCode").value("610527001001"));
        assertThat(accounts.principal(target.id()).can(cn.wushe.platform.Permission.PERSON_EDIT, "610527001001005"))
                .isTrue();

        mvc.perform(delete("/api/v1/users/{id}/roles/{a}", target.id(), assignment).with(csrf()).with(admin.as(secadmin)))
                .andExpect(status().isNoContent());
        assertThat(accounts.principal(target.id()).roles()).isEmpty();
        assertThat(admin.audited("ROLE_GRANT", target.id())).containsExactly(
                "SUCCESS|变更前：无；变更后：COMMUNITY_WORKER@610527001001|");
        assertThat(admin.audited("ROLE_REVOKE", target.id())).containsExactly(
                "SUCCESS|变更前：COMMUNITY_WORKER@610527001001；变更后：无|");
    }

    @Test
    void grantingAGridWorkerAssignsHerToTheGridAndRevokingReleasesHer() throws Exception {
        String grid = admin.newGrid("610527001003");
        TestAccounts.Account viewer = accounts.create("610527", "COUNTY_ADMIN@610527");
        String body = admin.grant(secadmin, target.id(), "GRID_WORKER", grid).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/grids/{code}", grid).with(admin.as(viewer)))
                .andExpect(jsonPath("$.workers[0].userId").value(target.id().toString()));

        mvc.perform(delete("/api/v1/users/{id}/roles/{a}", target.id(), JsonPath.read(body, "$.id"))
                        .with(csrf()).with(admin.as(secadmin)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/grids/{code}", grid).with(admin.as(viewer)))
                .andExpect(jsonPath("$.workers", hasSize(0)));
    }

    @ParameterizedTest(name = "{0}@{1} → {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            RESIDENT         | 610527001001    | 201 | -         | -
            TOWN_STATION     | 610527001       | 201 | -         | -
            COUNTY_STATION   | 610527          | 201 | -         | -
            GRID_WORKER      | 610527001001    | 400 | scopeCode | 网格员的管辖范围应为网格（15 位代码）
            TOWN_STATION     | 610527001001    | 400 | scopeCode | 镇街社工站的管辖范围应为乡镇（街道）（9 位代码）
            COUNTY_ADMIN     | 610527001       | 400 | scopeCode | 县民政局管理员的管辖范围应为县（区）（6 位代码）
            SYSTEM_ADMIN     | 610527001       | 400 | scopeCode | 系统管理员的管辖范围应为县（区）（6 位代码）
            COMMUNITY_WORKER | 61052700100x    | 400 | scopeCode | 社区工作者的管辖范围应为社区（村）（12 位代码）
            COMMUNITY_WORKER | 610527001999    | 400 | scopeCode | 区划代码不存在
            GRID_WORKER      | 610527001001999 | 400 | scopeCode | 网格不存在或已撤销
            COMMUNITY_WORKER | 610526100001    | 403 | scopeCode | 授权范围不在您的管辖范围内
            COUNTY_ADMIN     | 610526          | 403 | scopeCode | 授权范围不在您的管辖范围内
            NOT_A_ROLE       | 610527          | 400 | role      | 请选择角色
            """)
    void scopeMustExistSuitTheRoleAndLieInsideTheAdministratorsScope(String role, String scope, int status,
            String field, String message) throws Exception {
        var result = admin.grant(secadmin, target.id(), role, scope).andExpect(status().is(status));
        if (status != 201) {
            result.andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message").value(message));
        }
    }

    /** 三员分立: held role(s), role to grant → allowed or the Chinese reason. */
    @ParameterizedTest(name = "holds {0}, gets {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SYSTEM_ADMIN@610527                 | SECURITY_ADMIN   | 系统管理员、安全管理员、审计管理员须由不同账号担任（三员分立）
            SYSTEM_ADMIN@610527                 | AUDIT_ADMIN      | 审计管理员不能兼任其他任何角色，请为其单独开设账号
            SECURITY_ADMIN@610527               | SYSTEM_ADMIN     | 系统管理员、安全管理员、审计管理员须由不同账号担任（三员分立）
            SECURITY_ADMIN@610527               | AUDIT_ADMIN      | 审计管理员不能兼任其他任何角色，请为其单独开设账号
            AUDIT_ADMIN@610527                  | SYSTEM_ADMIN     | 该账号是审计管理员，不能再授予其他角色
            AUDIT_ADMIN@610527                  | COUNTY_ADMIN     | 该账号是审计管理员，不能再授予其他角色
            AUDIT_ADMIN@610527                  | VOLUNTEER        | 该账号是审计管理员，不能再授予其他角色
            COUNTY_ADMIN@610527                 | AUDIT_ADMIN      | 审计管理员不能兼任其他任何角色，请为其单独开设账号
            VOLUNTEER@610527                    | AUDIT_ADMIN      | 审计管理员不能兼任其他任何角色，请为其单独开设账号
            COUNTY_ADMIN@610527                 | SYSTEM_ADMIN     | OK
            SYSTEM_ADMIN@610527                 | COUNTY_STATION   | OK
            -                                   | AUDIT_ADMIN      | OK
            """)
    void administratorDutiesStaySeparate(String held, String role, String expected) throws Exception {
        TestAccounts.Account holder = "-".equals(held) ? accounts.create("610527") : accounts.create("610527", held);
        var result = admin.grant(secadmin, holder.id(), role, "610527");
        if ("OK".equals(expected)) {
            result.andExpect(status().isCreated());
        } else {
            result.andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("/problems/separation-of-duties"))
                    .andExpect(jsonPath("$.errors[0].message").value(expected));
            assertThat(admin.audited("ROLE_GRANT", holder.id())).singleElement().asString().startsWith("DENIED|");
            assertThat(accounts.principal(holder.id()).roles()).hasSize("-".equals(held) ? 0 : 1);
        }
    }

    @Test
    void nobodyEditsTheirOwnRoles() throws Exception {
        admin.grant(secadmin, secadmin.id(), "COUNTY_ADMIN", "610527")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("您没有权限修改自己的角色"));
        UUID own = accounts.principal(secadmin.id()).assignments().getFirst().id();
        mvc.perform(delete("/api/v1/users/{id}/roles/{a}", secadmin.id(), own).with(csrf()).with(admin.as(secadmin)))
                .andExpect(status().isForbidden());
        assertThat(accounts.principal(secadmin.id()).roles()).containsExactly("SECURITY_ADMIN");
        assertThat(admin.audited("ROLE_GRANT", secadmin.id())).singleElement().asString().startsWith("DENIED|");
        assertThat(admin.audited("ROLE_REVOKE", secadmin.id())).singleElement().asString().startsWith("DENIED|");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYSTEM_ADMIN@610527", "AUDIT_ADMIN@610527", "COUNTY_ADMIN@610527",
        "COMMUNITY_WORKER@610527001001"})
    void onlySecurityAdministratorsGrantRoles(String role) throws Exception {
        TestAccounts.Account other = accounts.create("610527", role);
        admin.grant(other, target.id(), "RESIDENT", "610527001001")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/admin/roles/{id}", target.id()).with(admin.as(other))).andExpect(status().isForbidden());
        assertThat(accounts.principal(target.id()).roles()).isEmpty();
        assertThat(AuditFixture.entriesIn(jdbc).about("ADMIN_ACCESS", "POST /api/v1/users/" + target.id() + "/roles"))
                .filteredOn(e -> e.outcome().equals("DENIED") && other.id().equals(e.actorId())).hasSize(1);
    }

    @Test
    void organizationOnlyForOrganizationRoles(@Autowired UnitManagement units) throws Exception {
        UnitId organization = new UnitId(UUID.nameUUIDFromBytes("role-admin-test-organization".getBytes()));
        units.seed(organization, UnitKind.SOCIAL_ORGANIZATION, "610527", "角色授权测试社会组织", null, null, "测试数据");
        UnitId charity = new UnitId(UUID.nameUUIDFromBytes("role-admin-test-charity".getBytes()));
        units.seed(charity, UnitKind.CHARITY_ORGANIZATION, "610527", "角色授权测试慈善组织", null, null, "测试数据");
        mvc.perform(post("/api/v1/users/{id}/roles", target.id()).with(csrf()).with(admin.as(secadmin))
                        .contentType("application/json")
                        .content("{\"role\":\"RESIDENT\",\"scopeCode\":\"610527001001\",\"unitId\":\"" + organization + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        mvc.perform(post("/api/v1/users/{id}/roles", target.id()).with(csrf()).with(admin.as(secadmin))
                        .contentType("application/json")
                        .content("{\"role\":\"ORG_STAFF\",\"scopeCode\":\"610527\",\"unitId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("所选单位不存在或已撤销"));
        mvc.perform(post("/api/v1/users/{id}/roles", target.id()).with(csrf()).with(admin.as(secadmin))
                        .contentType("application/json")
                        .content("{\"role\":\"ORG_STAFF\",\"scopeCode\":\"610527\",\"unitId\":\"" + charity + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        mvc.perform(post("/api/v1/users/{id}/roles", target.id()).with(csrf()).with(admin.as(secadmin))
                        .contentType("application/json")
                        .content("{\"role\":\"ORG_STAFF\",\"scopeCode\":\"610527\",\"unitId\":\"" + organization + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value(organization.toString()));
        assertThat(accounts.principal(target.id()).unitIds()).containsExactly(organization.value());
    }

    @Test
    void rolesPageGrantsAndShowsFieldMessagesInChinese() throws Exception {
        mvc.perform(get("/admin/roles").param("q", target.username()).with(admin.as(secadmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(target.username())));
        mvc.perform(post("/admin/roles/{id}", target.id()).with(csrf()).with(admin.as(secadmin))
                        .param("role", "GRID_WORKER").param("scopeCode", "610527001001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("网格员的管辖范围应为网格（15 位代码）")));
        mvc.perform(post("/admin/roles/{id}", target.id()).with(csrf()).with(admin.as(secadmin))
                        .param("role", "COMMUNITY_WORKER").param("scopeCode", "610527001001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已授予社区工作者")))
                .andExpect(content().string(containsString("道北社区")));
        assertThat(accounts.principal(target.id()).roles()).isEqualTo(java.util.Set.of("COMMUNITY_WORKER"));
    }

    @Test
    void rolesPageGrantsAnOrganizationRoleForAUnit(@Autowired UnitManagement units) throws Exception {
        UnitId charity = new UnitId(UUID.nameUUIDFromBytes("role-page-test-charity".getBytes()));
        units.seed(charity, UnitKind.CHARITY_ORGANIZATION, "610527001", "角色页测试慈善会", null, null, "测试数据");
        mvc.perform(get("/admin/roles/{id}", target.id()).with(admin.as(secadmin)))
                .andExpect(content().string(containsString("角色页测试慈善会")));
        mvc.perform(post("/admin/roles/{id}", target.id()).with(csrf()).with(admin.as(secadmin))
                        .param("role", "ORG_STAFF").param("scopeCode", "610527").param("unitId", charity.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("社会组织人员不能关联“慈善组织”类单位")));
        mvc.perform(post("/admin/roles/{id}", target.id()).with(csrf()).with(admin.as(secadmin))
                        .param("role", "CHARITY_STAFF").param("scopeCode", "610527").param("unitId", charity.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已授予慈善组织人员")));
        assertThat(accounts.principal(target.id()).unitIds()).containsExactly(charity.value());
    }

    @Test
    void grantingEndsTheHoldersSessionsSoNewRightsApplyAtNextLogin() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "RESIDENT@610527001001");
        var session = new LoginSupport(mvc).signIn(worker.username(), worker.password());
        admin.grant(secadmin, worker.id(), "COMMUNITY_WORKER", "610527001001").andExpect(status().isCreated());
        mvc.perform(get("/").with(LoginSupport.browser(session)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?expired"));
        List<String> roles = List.copyOf(accounts.principal(worker.id()).roles());
        assertThat(roles).containsExactlyInAnyOrder("RESIDENT", "COMMUNITY_WORKER");
    }
}
