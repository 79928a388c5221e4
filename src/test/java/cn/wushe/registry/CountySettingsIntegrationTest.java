package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.registry.exports.ExportPolicies;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A county's security settings on their pages (issue 10 items 7 and 10): which roles must use a
 * second factor, how long closed records are kept, above how many people an unmasked export needs
 * approval. Only that county's security admin changes them; each change is audited with before and
 * after; a refused value changes nothing. A fictional county keeps the suite's real counties untouched.
 */
class CountySettingsIntegrationTest extends RegistryIntegrationTestBase {

    static final String COUNTY = "610599";
    static final TestActor SECURITY_ADMIN = RegistryFixtures.actor("settings-security-admin", "SECURITY_ADMIN",
            Map.of(Permission.ROLE_MANAGE, COUNTY));
    static final TestActor OTHER_COUNTY_ADMIN = RegistryFixtures.actor("settings-other-admin", "SECURITY_ADMIN",
            Map.of(Permission.ROLE_MANAGE, "610598"));

    /** The policy records who changed it (a real account): the test's security admin is one. */
    @org.junit.jupiter.api.BeforeEach
    void theSecurityAdminIsAnAccount() {
        jdbc.sql("""
                insert into identity.users (id, username, display_name, password_hash, password_changed_at, must_change_password,
                    enabled, home_region_code, county_code, created_at)
                values (:id, :name, '安全管理员', '$argon2id$v=19$m=32768,t=2,p=1$bm90LXVzZWQ$bm90LWEtcmVhbC1oYXNo', now(), false, true,
                    :county, :county, now())
                on conflict do nothing
                """).param("id", SECURITY_ADMIN.id()).param("name", SECURITY_ADMIN.username()).param("county", COUNTY).update();
    }

    @Test
    void theSecondFactorPolicyNamesRolesOnItsPageAndTheApiAudited() throws Exception {
        mvc.perform(page(SECURITY_ADMIN, get("/admin/security-policy"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("role-COMMUNITY_WORKER")))
                .andExpect(content().string(containsString("本县所有账号")));
        mvc.perform(page(SECURITY_ADMIN, post("/admin/security-policy").param("county", COUNTY)
                        .param("roles", "COMMUNITY_WORKER", "GRID_WORKER")))
                .andExpect(redirectedUrl("/admin/security-policy?county=" + COUNTY));
        mvc.perform(asUser(SECURITY_ADMIN, get("/api/v1/security/second-factor-policy/" + COUNTY)))
                .andExpect(jsonPath("$.required").value(false))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.containsInAnyOrder("COMMUNITY_WORKER", "GRID_WORKER")));
        AuditFixture.Entry entry = AuditFixture.entriesIn(jdbc).latest("SECOND_FACTOR_POLICY");
        assertThat(entry.objectId()).isEqualTo(COUNTY);
        assertThat(entry.detail()).contains("->COMMUNITY_WORKER,GRID_WORKER");

        mvc.perform(page(SECURITY_ADMIN, post("/admin/security-policy").param("county", COUNTY).param("roles", "AUDIT_ADMIN")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("policy-error")));
        mvc.perform(page(OTHER_COUNTY_ADMIN, post("/admin/security-policy").param("county", COUNTY).param("everyone", "true")))
                .andExpect(status().isForbidden());
        mvc.perform(asUser(SECURITY_ADMIN, post("/api/v1/security/second-factor-policy/" + COUNTY))
                        .content("{\"required\":true}"))
                .andExpect(jsonPath("$.required").value(true))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.containsInAnyOrder("COMMUNITY_WORKER", "GRID_WORKER")));
        mvc.perform(page(SECURITY_ADMIN, get("/admin/security-policy"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"everyone\"[^>]*checked.*")));
    }

    @Test
    void retentionAndExportApprovalSizeOnTheDataPolicyPageAudited() throws Exception {
        mvc.perform(page(SECURITY_ADMIN, get("/admin/data-policy"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("本县目前未设置")))
                .andExpect(content().string(containsString("value=\"" + ExportPolicies.DEFAULT_THRESHOLD + "\"")));
        mvc.perform(page(SECURITY_ADMIN, post("/admin/data-policy").param("county", COUNTY).param("retentionDays", "1825")
                        .param("approvalThreshold", "50")))
                .andExpect(redirectedUrl("/admin/data-policy?county=" + COUNTY));
        assertThat(AuditFixture.entriesIn(jdbc).latest("RETENTION_POLICY").detail()).isEqualTo("retentionDays=none->1825");
        assertThat(AuditFixture.entriesIn(jdbc).latest("EXPORT_POLICY").detail())
                .isEqualTo("approvalThreshold=" + ExportPolicies.DEFAULT_THRESHOLD + "->50");

        long before = AuditFixture.entriesIn(jdbc).count("EXPORT_POLICY");
        mvc.perform(page(SECURITY_ADMIN, post("/admin/data-policy").param("county", COUNTY).param("retentionDays", "30")
                        .param("approvalThreshold", "10")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("retention-error")));
        mvc.perform(page(OTHER_COUNTY_ADMIN, post("/admin/data-policy").param("county", COUNTY).param("approvalThreshold", "0")))
                .andExpect(status().isForbidden());
        assertThat(AuditFixture.entriesIn(jdbc).count("EXPORT_POLICY")).as("a refused form changes nothing").isEqualTo(before);
        mvc.perform(page(SECURITY_ADMIN, get("/admin/data-policy"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"1825\"")))
                .andExpect(content().string(containsString("value=\"50\"")));
    }

    static MockHttpServletRequestBuilder page(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }
}
