package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
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
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Four-eyes export (security.md check 23): above the county's size an unmasked export is refused
 * and requested instead; another person at the same or a higher scope approves; the requester
 * downloads once before it expires. Self-approval, approvers below or outside the request's region,
 * second downloads and expired approvals are refused, and every step is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApprovalIntegrationTest extends RegistryIntegrationTestBase {

    static final Map<Permission, String> TOWN_GRANTS = Map.of(Permission.PERSON_VIEW, TOWN, Permission.PERSON_EXPORT, TOWN,
            Permission.PII_UNMASK, TOWN);
    static final TestActor REQUESTER = RegistryFixtures.actor("export-requester", "TOWN_STATION", TOWN_GRANTS);
    static final TestActor TOWN_PEER = RegistryFixtures.actor("export-town-peer", "TOWN_STATION", TOWN_GRANTS);
    static final TestActor COUNTY_APPROVER = RegistryFixtures.actor("export-county-approver", "COUNTY_ADMIN", Map.of(
            Permission.PERSON_VIEW, COUNTY, Permission.PERSON_EXPORT, COUNTY, Permission.PII_UNMASK, COUNTY));
    /** Both permissions, but only in one community: below the town-wide request. */
    static final TestActor COMMUNITY_APPROVER = RegistryFixtures.actor("export-community-approver", "TOWN_STATION", Map.of(
            Permission.PERSON_VIEW, DAOBEI, Permission.PERSON_EXPORT, DAOBEI, Permission.PII_UNMASK, DAOBEI));
    static final TestActor OTHER_COUNTY_APPROVER = RegistryFixtures.actor("export-other-county", "COUNTY_ADMIN", Map.of(
            Permission.PERSON_VIEW, NEIGHBOUR_COUNTY, Permission.PERSON_EXPORT, NEIGHBOUR_COUNTY,
            Permission.PII_UNMASK, NEIGHBOUR_COUNTY));
    static final TestActor MASKED_ONLY = RegistryFixtures.actor("export-masked-only", "COUNTY_STATION", Map.of(
            Permission.PERSON_VIEW, COUNTY, Permission.PERSON_EXPORT, COUNTY));
    static final String API = "/api/v1/people/export-requests";

    final String name = "上官" + RegistryFixtures.newName();
    final String idNumber = newIdNumber();
    private boolean registered;

    @BeforeEach
    void twoPeopleOfOneName() {
        if (!registered) {
            registered = true;
            register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft(name, idNumber, DAOBEI, DAOBEI_GRID_1));
            register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft(name, newIdNumber(), DAOBEI, DAOBEI_GRID_2));
        }
    }

    @Test
    void requestedApprovedByAnotherAtAHigherScopeThenDownloadedOnceAllAudited() throws Exception {
        String id = requested();
        assertThat(AuditFixture.entriesIn(jdbc).about("EXPORT_REQUESTED", id)).hasSize(1);

        long deniedBefore = denied();
        mvc.perform(asUser(REQUESTER, post(API + "/" + id + "/approve")).content("{}")).andExpect(status().isForbidden());
        mvc.perform(asUser(COMMUNITY_APPROVER, post(API + "/" + id + "/approve")).content("{}")).andExpect(status().isNotFound());
        mvc.perform(asUser(OTHER_COUNTY_APPROVER, post(API + "/" + id + "/approve")).content("{}")).andExpect(status().isNotFound());
        mvc.perform(asUser(OTHER_COUNTY_APPROVER, get(API + "/" + id))).andExpect(status().isNotFound());
        mvc.perform(asUser(MASKED_ONLY, post(API + "/" + id + "/approve")).content("{}")).andExpect(status().isForbidden());
        mvc.perform(asUser(REQUESTER, get(API + "/" + id + "/download")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(endsWith("/export-request-closed")));
        assertThat(denied()).as("each refusal audited").isGreaterThanOrEqualTo(deniedBefore + 5);
        assertThat(AuditFixture.entriesIn(jdbc).about("EXPORT_APPROVED", id)).isEmpty();

        mvc.perform(asUser(OTHER_COUNTY_APPROVER, get(API))).andExpect(status().isOk())
                .andExpect(jsonPath("$.toDecide[?(@.id == '" + id + "')]").isEmpty());
        String waiting = mvc.perform(asUser(COUNTY_APPROVER, get(API))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Object> rowCounts = JsonPath.read(waiting, "$.toDecide[?(@.id == '" + id + "')].rowCount");
        assertThat(rowCounts).as(waiting).containsExactly(2);
        mvc.perform(asUser(COUNTY_APPROVER, post(API + "/" + id + "/approve")).content("{\"note\":\"同意，限本次复核\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(asUser(TOWN_PEER, post(API + "/" + id + "/reject")).content("{\"note\":\"重复\"}")).andExpect(status().isConflict());
        mvc.perform(asUser(COUNTY_APPROVER, get(API + "/" + id + "/download"))).andExpect(status().isNotFound());

        byte[] xlsx = mvc.perform(asUser(REQUESTER, get(API + "/" + id + "/download"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterFiles.read(xlsx).toString()).contains(idNumber).contains("低保年度复核");
        AuditFixture.Entry export = AuditFixture.entriesIn(jdbc).latest("PERSON_EXPORT");
        assertThat(export.detail()).contains("rows=2", "masked=false", "request=" + id);
        assertThat(AuditFixture.entriesIn(jdbc).about("EXPORT_APPROVED", id)).singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo("export-county-approver"));

        mvc.perform(asUser(REQUESTER, get(API + "/" + id + "/download"))).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已下载")));
        mvc.perform(asUser(REQUESTER, get(API + "/" + id))).andExpect(jsonPath("$.status").value("DOWNLOADED"));
    }

    @Test
    void aPeerAtTheSameLevelMayApproveExpiredApprovalsAndRequestsCannotBeUsedRejectionsNeedAReason() throws Exception {
        String expiring = requested();
        mvc.perform(asUser(TOWN_PEER, post(API + "/" + expiring + "/approve")).content("{}")).andExpect(status().isOk());
        jdbc.sql("update registry.export_requests set expires_at = now() - interval '1 minute' where id = ?::uuid")
                .param(expiring).update();
        mvc.perform(asUser(REQUESTER, get(API + "/" + expiring + "/download"))).andExpect(status().isConflict());
        mvc.perform(asUser(REQUESTER, get(API + "/" + expiring))).andExpect(jsonPath("$.status").value("EXPIRED"));

        String stale = requested();
        jdbc.sql("update registry.export_requests set expires_at = now() - interval '1 minute' where id = ?::uuid")
                .param(stale).update();
        mvc.perform(asUser(COUNTY_APPROVER, post(API + "/" + stale + "/approve")).content("{}")).andExpect(status().isConflict());

        String rejected = requested();
        mvc.perform(asUser(COUNTY_APPROVER, post(API + "/" + rejected + "/reject")).content("{}")).andExpect(status().isBadRequest());
        mvc.perform(asUser(COUNTY_APPROVER, post(API + "/" + rejected + "/reject")).content("{\"note\":\"事由不充分\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(asUser(REQUESTER, get(API + "/" + rejected + "/download"))).andExpect(status().isConflict());
        assertThat(AuditFixture.entriesIn(jdbc).about("EXPORT_REJECTED", rejected)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("事由不充分"));
    }

    @Test
    void aDirectUnmaskedExportAboveTheCountysSizeIsRefusedAndThePagesCarryTheWholeFlow() throws Exception {
        jdbc.sql("""
                insert into registry.export_policies (county_code, approval_threshold, updated_at) values (?, 1, now())
                on conflict (county_code) do update set approval_threshold = 1""").param(COUNTY).update();
        try {
            mvc.perform(asUser(REQUESTER, get("/api/v1/people/export").param("name", name).param("unmasked", "true")
                            .param("reason", "低保年度复核")))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(endsWith("/export-needs-approval")));
            mvc.perform(page(REQUESTER, post("/people/export.xlsx").param("name", name).param("reason", "低保年度复核")))
                    .andExpect(status().isConflict()).andExpect(content().string(org.hamcrest.Matchers.containsString("申请审批导出")));
        } finally {
            jdbc.sql("update registry.export_policies set approval_threshold = ? where county_code = ?")
                    .params(cn.wushe.registry.exports.ExportPolicies.DEFAULT_THRESHOLD, COUNTY).update();
        }

        mvc.perform(page(REQUESTER, post("/people/export-requests").param("name", name).param("reason", "年")))
                .andExpect(status().isBadRequest());
        mvc.perform(page(REQUESTER, post("/people/export-requests").param("name", name).param("reason", "残疾人两项补贴复核")))
                .andExpect(redirectedUrl("/people/export-requests"));
        String id = jdbc.sql("select id::text from registry.export_requests where requested_by = ? order by created_at desc limit 1")
                .param(REQUESTER.id()).query(String.class).single();
        mvc.perform(page(COUNTY_APPROVER, get("/people/export-requests"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("decide-" + id)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("残疾人两项补贴复核")));
        mvc.perform(page(OTHER_COUNTY_APPROVER, post("/people/export-requests/" + id + "/reject").param("note", "不同意")))
                .andExpect(status().isNotFound());
        mvc.perform(page(REQUESTER, post("/people/export-requests/" + id + "/approve"))).andExpect(status().isForbidden());
        mvc.perform(page(COUNTY_APPROVER, post("/people/export-requests/" + id + "/approve").param("note", "")))
                .andExpect(redirectedUrl("/people/export-requests"));
        mvc.perform(page(OTHER_COUNTY_APPROVER, post("/people/export-requests/" + id + "/download.xlsx")))
                .andExpect(status().isNotFound());
        byte[] xlsx = mvc.perform(page(REQUESTER, post("/people/export-requests/" + id + "/download.xlsx")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterFiles.read(xlsx).toString()).contains(idNumber);
        mvc.perform(page(REQUESTER, get("/people/export-requests"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已下载")));
    }

    private String requested() throws Exception {
        String body = mvc.perform(asUser(REQUESTER, post(API))
                        .content("{\"name\":\"" + name + "\",\"reason\":\"低保年度复核\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.rowCount").value(2)).andExpect(jsonPath("$.regionCode").value(TOWN))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private long denied() {
        return jdbc.sql("select count(*) from audit.entries where outcome = 'DENIED' and actor_name like 'export-%'")
                .query(Long.class).single();
    }

    static MockHttpServletRequestBuilder page(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }
}
