package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.COUNTY;
import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Revealing a matter's applicant (name, phone) in clear, the registry's way: a reason from its list
 * ("other" with a note of at least four Chinese characters), kept in the audit log; for the staff of
 * the unit holding the matter and holders of PII_UNMASK over its place, not for the grid worker who
 * only took it in.
 */
class ApplicantRevealIntegrationTest extends RequestsTestBase {

    final TestActor worker = RequestsFixtures.communityWorker("reveal_worker", DAOBEI, DAOBEI_COMMITTEE);
    final TestActor grid = RequestsFixtures.gridWorker("reveal_grid");
    final TestActor unmasker = RequestsFixtures.actor("reveal_county", "COUNTY_ADMIN", COUNTY,
            Set.of(Permission.MATTER_SUPERVISE, Permission.MATTER_CATALOGUE, Permission.MATTER_VIEW, Permission.PII_UNMASK));

    long entries(UUID matter, String reason) {
        return jdbc.sql("select count(*) from audit.entries where action = 'MATTER_APPLICANT_UNMASK' and object_id = :id "
                + "and reason = :reason").param("id", matter.toString()).param("reason", reason).query(Long.class).single();
    }

    @Test
    void theHandlingUnitRevealsWithAReasonThatTheAuditLogKeeps() throws Exception {
        UUID id = submit(grid, deskStreetlight(DAOBEI));
        assertThat(body(get(worker, "/api/v1/matters/" + id)).get("applicant").asString()).isNotEqualTo("张秀英");

        MockHttpServletResponse noReason = post(worker, "/api/v1/matters/" + id + "/reveal", Map.of());
        assertThat(noReason.getStatus()).isEqualTo(400);
        MockHttpServletResponse shortNote = post(worker, "/api/v1/matters/" + id + "/reveal", Map.of("reason", "OTHER", "note", "回访"));
        assertThat(shortNote.getStatus()).isEqualTo(400);
        assertThat(body(shortNote).get("errors").get(0).get("field").asString()).isEqualTo("note");

        JsonNode clear = body(post(worker, "/api/v1/matters/" + id + "/reveal", Map.of("reason", "VISIT")));
        assertThat(clear.get("applicant").asString()).isEqualTo("张秀英");
        assertThat(clear.get("phone").asString()).isEqualTo("13912345678");
        assertThat(entries(id, "走访")).isEqualTo(1);

        assertThat(post(unmasker, "/api/v1/matters/" + id + "/reveal", Map.of("reason", "OTHER", "note", "核实联系方式是否有误"))
                .getStatus()).as("PII_UNMASK over the county").isEqualTo(200);
        assertThat(entries(id, "其他：核实联系方式是否有误")).isEqualTo(1);

        assertThat(post(grid, "/api/v1/matters/" + id + "/reveal", Map.of("reason", "VISIT")).getStatus())
                .as("taking it in is not handling it").isEqualTo(403);
        assertThat(entries(id, "走访")).isEqualTo(1);
    }

    @Test
    void thePageShowsTheApplicantInClearOnlyAfterTheReason() throws Exception {
        UUID id = submit(worker, deskStreetlight(DAOBEI));
        String masked = get(worker, "/matters/" + id).getContentAsString();
        assertThat(masked).contains("查看申请人完整信息", "139****5678").doesNotContain("13912345678");
        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post("/matters/" + id + "/reveal")
                .param("reason", "OTHER").param("note", "看看").with(authentication(worker.authentication())).with(csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("至少 4 个汉字").doesNotContain("13912345678");
        String clear = mvc.perform(MockMvcRequestBuilders.post("/matters/" + id + "/reveal").param("reason", "CORRECTION")
                .with(authentication(worker.authentication())).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(clear).contains("张秀英", "tel:13912345678", "已记入审计日志");
    }
}
