package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.internal.UnitManagement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The system administrator puts accounts into units (单位) on the user page: both the account and
 * the unit inside the administrator's county, the unit active; the first unit is the primary one;
 * the holder's Actor carries the units; every change is audited. Another county's administrator
 * finds neither the account nor its memberships (404).
 */
@IdentityIntegrationTest
class UnitMembershipIntegrationTest {

    static final UnitId STATION = fixed("station");
    static final UnitId CHARITY = fixed("charity");
    static final UnitId PUCHENG = fixed("pucheng");
    static final UnitId RETIRED = fixed("retired");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    AdminSupport admin;
    TestAccounts.Account sysadmin;
    TestAccounts.Account target;

    static UnitId fixed(String key) {
        return new UnitId(UUID.nameUUIDFromBytes(("membership-test:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeEach
    void setUp(@Autowired UnitManagement units) {
        units.seed(STATION, UnitKind.TOWN_STATION, "610527001", "成员测试社工站", null, null, "测试数据");
        units.seed(CHARITY, UnitKind.CHARITY_ORGANIZATION, "610527", "成员测试慈善会", null, null, "测试数据");
        units.seed(PUCHENG, UnitKind.COUNTY_DEPARTMENT, "610526", "成员测试蒲城县残联", null, null, "测试数据");
        if (units.seed(RETIRED, UnitKind.COMPANY, "610527", "成员测试已撤销企业", null, null, "测试数据")) {
            jdbc.sql("update units.units set active = false, retired_at = now() where id = :id")
                    .param("id", RETIRED.value()).update();
        }
        admin = new AdminSupport(mvc, accounts, jdbc);
        sysadmin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        target = accounts.create("610527001001");
    }

    private org.springframework.test.web.servlet.ResultActions attach(TestAccounts.Account by, UnitId unit, boolean primary)
            throws Exception {
        return mvc.perform(post("/admin/users/{id}/units", target.id()).with(csrf()).with(admin.as(by))
                .param("unitId", unit.toString()).param("primary", String.valueOf(primary)));
    }

    @Test
    void attachesMakesPrimaryAndDetachesWithAuditEntries() throws Exception {
        attach(sysadmin, STATION, false).andExpect(status().isOk())
                .andExpect(content().string(containsString("已加入单位“成员测试社工站”")));
        assertThat(accounts.principal(target.id()).unitIds()).containsExactly(STATION.value());
        assertThat(accounts.principal(target.id()).primaryUnitId()).isEqualTo(STATION.value());

        attach(sysadmin, CHARITY, true).andExpect(status().isOk());
        assertThat(accounts.principal(target.id()).unitIds()).containsExactlyInAnyOrder(STATION.value(), CHARITY.value());
        assertThat(accounts.principal(target.id()).primaryUnitId()).isEqualTo(CHARITY.value());

        mvc.perform(post("/admin/users/{id}/units/{unit}/primary", target.id(), STATION).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已将“成员测试社工站”设为主单位")));
        assertThat(accounts.principal(target.id()).primaryUnitId()).isEqualTo(STATION.value());

        mvc.perform(post("/admin/users/{id}/units/{unit}/remove", target.id(), STATION).with(csrf()).with(admin.as(sysadmin)))
                .andExpect(status().isOk());
        assertThat(accounts.principal(target.id()).unitIds()).containsExactly(CHARITY.value());
        assertThat(accounts.principal(target.id()).primaryUnitId()).as("the remaining unit becomes primary")
                .isEqualTo(CHARITY.value());

        assertThat(admin.audited("USER_UNIT_ATTACH", target.id())).hasSize(2).allMatch(e -> e.startsWith("SUCCESS|"));
        assertThat(admin.audited("USER_UNIT_PRIMARY", target.id())).hasSize(1);
        assertThat(admin.audited("USER_UNIT_DETACH", target.id())).singleElement()
                .satisfies(e -> assertThat(e).contains(STATION.toString()));
        mvc.perform(get("/admin/users/{id}", target.id()).with(admin.as(sysadmin)))
                .andExpect(content().string(containsString("成员测试慈善会")))
                .andExpect(content().string(containsString("主单位")));
    }

    @Test
    void refusesAUnitOutsideTheAdministratorsRegionRetiredOrTwice() throws Exception {
        attach(sysadmin, PUCHENG, false).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("该单位不在您的管辖范围内")));
        attach(sysadmin, RETIRED, false).andExpect(status().isConflict())
                .andExpect(content().string(containsString("单位“成员测试已撤销企业”已撤销，不能再加入")));
        mvc.perform(post("/admin/users/{id}/units", target.id()).with(csrf()).with(admin.as(sysadmin))
                        .param("unitId", UUID.randomUUID().toString()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请选择一个单位")));
        attach(sysadmin, STATION, false).andExpect(status().isOk());
        attach(sysadmin, STATION, false).andExpect(status().isConflict())
                .andExpect(content().string(containsString("该账号已是“成员测试社工站”的成员")));

        assertThat(memberships()).containsExactly(STATION.value());
        assertThat(admin.audited("USER_UNIT_ATTACH", target.id())).anyMatch(e -> e.startsWith("DENIED|"));
    }

    @Test
    void anotherCountysAdministratorFindsNothing() throws Exception {
        attach(sysadmin, STATION, false).andExpect(status().isOk());
        TestAccounts.Account pucheng = accounts.create("610526", "SYSTEM_ADMIN@610526");

        attach(pucheng, PUCHENG, false).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{id}/units/{unit}/remove", target.id(), STATION).with(csrf()).with(admin.as(pucheng)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{id}/units/{unit}/primary", target.id(), STATION).with(csrf()).with(admin.as(pucheng)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/{id}", target.id()).with(admin.as(pucheng))).andExpect(status().isNotFound());
        assertThat(memberships()).containsExactly(STATION.value());
    }

    @Test
    void theUnitChoiceOffersOnlyUnitsInTheAdministratorsCounty() throws Exception {
        mvc.perform(get("/admin/users/{id}", target.id()).with(admin.as(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("成员测试社工站")))
                .andExpect(content().string(not(containsString("成员测试蒲城县残联"))))
                .andExpect(content().string(not(containsString("成员测试已撤销企业"))));
    }

    private List<UUID> memberships() {
        return jdbc.sql("select unit_id from identity.unit_memberships where user_id = :user").param("user", target.id())
                .query(UUID.class).list();
    }
}
