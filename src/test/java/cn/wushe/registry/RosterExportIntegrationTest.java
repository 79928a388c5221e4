package cn.wushe.registry;

import cn.wushe.registry.internal.PersonDraft;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The export (导出 Excel): only rows inside the exporter's export scope, masked by default, in full
 * only with PII_UNMASK and a reason, audited either way, and formula-looking text stays text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterExportIntegrationTest extends RegistryIntegrationTestBase {

    static final TestActor EXPORTER = RegistryFixtures.actor("exporter", "TOWN_STATION", Map.of(
            Permission.PERSON_VIEW, TOWN, Permission.PERSON_EXPORT, TOWN, Permission.PII_UNMASK, TOWN));
    static final TestActor MASKED_EXPORTER = RegistryFixtures.actor("masked-exporter", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_VIEW, TOWN, Permission.PERSON_EXPORT, TOWN));
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(1)");

    final String insideId = newIdNumber();
    final String outsideId = newIdNumber();
    final String name = "欧阳" + RegistryFixtures.newName();

    private boolean registered;

    /** Once per class, after the base class has seeded the fixture grids. */
    @BeforeEach
    void registerPeople() {
        if (registered) {
            return;
        }
        registered = true;
        for (int i = 0; i < FORMULAS.size(); i++) {
            PersonDraft d = RegistryFixtures.draft(name, i == 0 ? insideId : newIdNumber(), DAOBEI, DAOBEI_GRID_1);
            register(RegistryFixtures.COUNTY_ADMIN, withAddress(d, FORMULAS.get(i)));
        }
        register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft(name, outsideId, YAOHE, null));
    }

    @Test
    void unmaskedExportWithAReasonHasFullValuesFormulasAsTextOnlyRowsInScopeAndIsAudited() throws Exception {
        long before = audits("PERSON_EXPORT");
        byte[] xlsx = mvc.perform(page(EXPORTER, post("/people/export.xlsx").param("name", name).param("reason", "低保年度复核")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = RosterFiles.read(xlsx);
        assertThat(rows.get(0).get(0)).startsWith("STRING:导出人：exporter").contains("完整信息，事由：低保年度复核");
        assertThat(rows).hasSize(2 + FORMULAS.size());
        List<String> addresses = rows.subList(2, rows.size()).stream().map(r -> r.get(9)).toList();
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(FORMULAS.stream().map(f -> "STRING:'" + f).toList());
        assertThat(rows.stream().flatMap(List::stream)).allMatch(cell -> cell.isEmpty() || cell.startsWith("STRING:"));
        String all = rows.toString();
        assertThat(all).contains(insideId).doesNotContain(outsideId);
        assertThat(audits("PERSON_EXPORT")).isEqualTo(before + 1);
        AuditFixture.Entry export = AuditFixture.entriesIn(jdbc).latest("PERSON_EXPORT");
        assertThat(export.reason() + " " + export.detail()).contains("低保年度复核", "rows=4", "masked=false", "name:*");
    }

    @Test
    void maskedExportHidesIdentityNumbersPhonesAndNames() throws Exception {
        byte[] xlsx = mvc.perform(page(MASKED_EXPORTER, get("/people/export.xlsx").param("name", name)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String all = RosterFiles.read(xlsx).toString();
        assertThat(all).contains("已脱敏", insideId.substring(0, 6) + "********", "138****5678")
                .doesNotContain(insideId, "13812345678", name);
        assertThat(AuditFixture.entriesIn(jdbc).latest("PERSON_EXPORT").detail()).contains("masked=true");
    }

    @Test
    void unmaskingNeedsThePermissionAndAReason() throws Exception {
        mvc.perform(page(MASKED_EXPORTER, post("/people/export.xlsx").param("reason", "低保年度复核")))
                .andExpect(status().isForbidden());
        mvc.perform(page(EXPORTER, post("/people/export.xlsx").param("reason", "看看")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写导出完整信息的事由（至少 4 个字）")));
        mvc.perform(asUser(EXPORTER, get("/api/v1/people/export").param("unmasked", "true")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void theApiExportIsRefusedWithoutTheExportPermissionAndEmptyOutsideTheScope() throws Exception {
        mvc.perform(asUser(RegistryFixtures.GRID_WORKER, get("/api/v1/people/export"))).andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(asUser(RegistryFixtures.actor("neighbour-exporter", "TOWN_STATION",
                        Map.of(Permission.PERSON_VIEW, NEIGHBOUR_COUNTY, Permission.PERSON_EXPORT, NEIGHBOUR_COUNTY)),
                        get("/api/v1/people/export").param("name", name)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterFiles.read(xlsx)).hasSize(2);
    }

    @Test
    void thePageExportsOfANeighbouringCountysExporterHoldNoneOfThisCountysPeople() throws Exception {
        TestActor neighbour = RegistryFixtures.actor("neighbour-page-exporter", "TOWN_STATION", Map.of(Permission.PERSON_VIEW,
                NEIGHBOUR_COUNTY, Permission.PERSON_EXPORT, NEIGHBOUR_COUNTY, Permission.PII_UNMASK, NEIGHBOUR_COUNTY));
        for (TestActor exporter : List.of(EXPORTER, neighbour)) {
            int rows = exporter == EXPORTER ? 2 + FORMULAS.size() : 2; // in scope: 道北's four people, not 尧禾's
            assertThat(RosterFiles.read(pageExport(exporter, get("/people/export.xlsx").param("name", name)))).hasSize(rows);
            assertThat(RosterFiles.read(pageExport(exporter, post("/people/export.xlsx").param("name", name)
                    .param("reason", "低保年度复核")))).hasSize(rows);
        }
    }

    private byte[] pageExport(TestActor exporter, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(page(exporter, request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    @Test
    void theExportPageOffersTheReasonFormOnlyToThoseWhoMayUnmask() throws Exception {
        mvc.perform(page(EXPORTER, get("/people/export").param("name", name)))
                .andExpect(content().string(containsString("导出完整信息")));
        mvc.perform(page(MASKED_EXPORTER, get("/people/export")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("unmasked-form"))));
    }

    private static PersonDraft withAddress(PersonDraft d, String address) {
        return new PersonDraft(d.name(), d.idDocType(), d.idNumber(), d.declaredSex(), d.phone(), d.communityCode(), d.gridCode(),
                address, d.householdId(), d.relationToHead(), d.categories(), d.health(), d.incomeBand(), d.obligors(), d.contacts());
    }

    static MockHttpServletRequestBuilder page(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }
}
