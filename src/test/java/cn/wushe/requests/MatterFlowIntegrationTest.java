package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.CIVIL_AFFAIRS;
import static cn.wushe.requests.RequestsFixtures.COUNTY;
import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.GONGNONG;
import static cn.wushe.requests.RequestsFixtures.GONGNONG_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.STREET_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.TestActor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * A matter from a resident's own application to the rating, through both forwards, one 一次告知 and
 * the resubmission, with the time limits counted on the working calendar across 春节 2026 (15–23
 * February off, Saturdays 14 and 28 February worked), the clock paused while the return waits.
 */
class MatterFlowIntegrationTest extends RequestsTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    cn.wushe.calendar.WorkingCalendar calendar;

    final TestActor resident = RequestsFixtures.resident("flow_resident", DAOBEI);
    final TestActor otherResident = RequestsFixtures.resident("flow_other_resident", DAOBEI);
    final TestActor worker = RequestsFixtures.communityWorker("flow_worker", DAOBEI, DAOBEI_COMMITTEE);
    final TestActor street = RequestsFixtures.unitStaff("flow_street", COUNTY, STREET_OFFICE);
    final TestActor department = RequestsFixtures.unitStaff("flow_dept", COUNTY, CIVIL_AFFAIRS);

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ClockConfiguration.ZONE).toInstant();
    }

    Instant column(UUID matter, String column) {
        return jdbc.sql("select " + column + " from requests.matters where id = :id").param("id", matter)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    @Test
    void residentsMatterGoesUpTheChainIsReturnedOnceResubmittedClosedAndRated() throws Exception {
        Instant submittedAt = clock.instant();
        UUID id = submit(resident, selfServiceDibao(DAOBEI));
        assertThat(get(resident, "/matters/" + id).getContentAsString()).as("her own name, in clear, to herself")
                .contains(resident.displayName());
        assertThat(get(worker, "/matters/" + id).getContentAsString()).as("masked to staff, in the timeline too")
                .doesNotContain(resident.displayName());

        assertThat(status(id)).isEqualTo("AWAITING_SIGN");
        if (submittedAt.equals(START)) {
            // one working day to sign; the committee's 5 days end on the 调休 Saturday; 30 days skip 春节
            assertThat(column(id, "sign_due_at")).isEqualTo(at("2026-02-10T09:00"));
            assertThat(column(id, "level_due_at")).isEqualTo(at("2026-02-14T09:00"));
            assertThat(column(id, "due_at")).isEqualTo(at("2026-03-27T09:00"));
        }
        assertThat(jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like :ref")
                .param("ref", "requests.%|matter|" + COUNTY + ":" + id).query(Long.class).single())
                .as("one deadline stands for the sign-for, level, warning and overall limits").isEqualTo(1);

        assertThat(post(department, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus())
                .as("a department it was never routed to does not see it").isEqualTo(404);
        assertThat(post(worker, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus()).isEqualTo(200);
        assertThat(post(worker, "/api/v1/matters/" + id + "/forward", Map.of()).getStatus()).isEqualTo(200);
        assertThat(post(street, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus()).isEqualTo(200);
        MockHttpServletResponse forwarded = post(street, "/api/v1/matters/" + id + "/forward", Map.of("note", "请民政局审批"));
        assertThat(forwarded.getStatus()).isEqualTo(200);
        assertThat(body(forwarded).get("unitId").asString()).as("the catalogue proposes 民政局").isEqualTo(CIVIL_AFFAIRS.toString());
        assertThat(post(street, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus())
                .as("the street office still sees it, but it no longer sits there").isEqualTo(403);
        assertThat(post(department, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus()).isEqualTo(200);

        MockHttpServletResponse returned = post(department, "/api/v1/matters/" + id + "/return", Map.of("problems", List.of(
                Map.of("material", "income-proof", "problem", "缺少单位盖章"),
                Map.of("material", "id-card", "problem", "照片不清晰"))));
        assertThat(returned.getStatus()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("RETURNED");
        MockHttpServletResponse again = post(department, "/api/v1/matters/" + id + "/return",
                Map.of("problems", List.of(Map.of("material", "bank-card", "problem", "卡号不符"))));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(body(again).get("type").asString()).isEqualTo("/problems/matter-returned-once");
        assertThat(jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like :ref")
                .param("ref", "requests.%|matter|" + COUNTY + ":" + id).query(Long.class).single())
                .as("the clock stops while the resident gathers the materials").isZero();
        int left = jdbc.sql("select remaining_days from requests.matters where id = :id").param("id", id).query(Integer.class).single();
        assertThat(jdbc.sql("select document_serial from requests.matter_returns where matter_id = :id").param("id", id)
                .query(String.class).single()).as("the notice as a PDF with QR code").isNotBlank();

        JsonNode detail = body(get(resident, "/api/v1/matters/" + id));
        assertThat(detail.get("returnProblems").size()).isEqualTo(2);

        clock.advance(Duration.ofDays(10));
        MockHttpServletResponse resubmitted = post(resident, "/api/v1/matters/" + id + "/resubmit", Map.of("materials",
                Map.of("income-proof", Map.of("fileName", "proof.png", "contentBase64", png()))));
        assertThat(resubmitted.getStatus()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("HANDLING");
        assertThat(column(id, "due_at")).as("the days left when it was returned count again from the resubmission")
                .isEqualTo(calendar.addWorkingDays(clock.instant(), Math.max(left, 1), COUNTY));

        assertThat(post(department, "/api/v1/matters/" + id + "/close", Map.of()).getStatus()).as("a result is required").isEqualTo(400);
        assertThat(post(department, "/api/v1/matters/" + id + "/close", Map.of("result", "已审批，次月起发放")).getStatus()).isEqualTo(200);
        assertThat(post(otherResident, "/api/v1/matters/" + id + "/rate", Map.of("rating", 1)).getStatus())
                .as("another resident's matter does not exist for them").isEqualTo(404);
        assertThat(post(resident, "/api/v1/matters/" + id + "/rate", Map.of("rating", 5, "comment", "很快")).getStatus()).isEqualTo(200);
        assertThat(post(resident, "/api/v1/matters/" + id + "/rate", Map.of("rating", 4)).getStatus()).as("twice").isEqualTo(409);
        assertThat(post(resident, "/api/v1/matters/" + id + "/reopen", Map.of("reason", "想再看看")).getStatus())
                .as("a satisfied resident does not reopen").isEqualTo(409);

        List<String> timeline = jdbc.sql("select kind from requests.matter_events where matter_id = :id order by at, id")
                .param("id", id).query(String.class).list();
        assertThat(timeline).containsExactly("SUBMITTED", "SIGNED", "FORWARDED", "SIGNED", "FORWARDED", "SIGNED", "RETURNED",
                "RESUBMITTED", "CLOSED", "RATED");
        assertThat(jdbc.sql("select count(*) from notifications.inbox where user_id = :user").param("user", resident.id())
                .query(Long.class).single()).as("forwarded twice, returned, closed").isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit.entries where object_id = :id").param("id", id.toString())
                .query(Long.class).single()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void afterItsOneReturnAMatterStillShortOfMaterialsIsRejectedWithAReason() throws Exception {
        UUID id = submit(worker, deskStreetlight(DAOBEI));
        MockHttpServletResponse early = post(worker, "/api/v1/matters/" + id + "/reject", Map.of("reason", "照片看不清"));
        assertThat(early.getStatus()).as("first the one return").isEqualTo(409);
        assertThat(body(early).get("detail").asString()).contains("请先一次告知退回");
        assertThat(post(worker, "/api/v1/matters/" + id + "/return", Map.of("problems",
                List.of(Map.of("material", "photo", "problem", "照片看不清路灯编号")))).getStatus()).isEqualTo(200);
        assertThat(post(worker, "/api/v1/matters/" + id + "/resubmit", Map.of()).getStatus()).isEqualTo(200);
        assertThat(post(worker, "/api/v1/matters/" + id + "/reject", Map.of()).getStatus()).as("a reason").isEqualTo(400);
        MockHttpServletResponse rejected = post(worker, "/api/v1/matters/" + id + "/reject", Map.of("reason", "补交的照片仍看不清路灯编号"));
        assertThat(rejected.getStatus()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select rejected from requests.matters where id = :id").param("id", id).query(Boolean.class).single())
                .isTrue();
        assertThat(get(worker, "/matters/" + id).getContentAsString()).contains("不予办理", "补交的照片仍看不清路灯编号");
    }

    @Test
    void anUnsatisfiedResidentReopensOnceBackToTheClosingUnit() throws Exception {
        UUID id = submit(resident, selfServiceDibao(DAOBEI));
        post(worker, "/api/v1/matters/" + id + "/sign", Map.of());
        post(worker, "/api/v1/matters/" + id + "/close", Map.of("result", "已上报"));
        assertThat(post(resident, "/api/v1/matters/" + id + "/rate", Map.of("rating", 2)).getStatus()).isEqualTo(200);
        assertThat(post(resident, "/api/v1/matters/" + id + "/reopen", Map.of()).getStatus()).as("a reason").isEqualTo(400);
        assertThat(post(resident, "/api/v1/matters/" + id + "/reopen", Map.of("reason", "没有解决")).getStatus()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("HANDLING");
        post(worker, "/api/v1/matters/" + id + "/close", Map.of("result", "再次办理"));
        assertThat(post(resident, "/api/v1/matters/" + id + "/reopen", Map.of("reason", "还是不行")).getStatus()).as("once").isEqualTo(409);
        clock.advance(Duration.ofDays(16));
        MockHttpServletResponse late = post(resident, "/api/v1/matters/" + id + "/rate", Map.of("rating", 3));
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(body(late).get("detail").asString()).contains("评价期限");
    }

    @Test
    void aDeskIntakeByProxyKeepsNameAndPhoneEncryptedAndStartsSigned() throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(deskStreetlight(DAOBEI));
        body.put("item", "elderly-allowance");
        body.put("channel", "PROXY");
        body.put("proxyName", "王建国");
        body.put("proxyRelation", "儿子");
        body.put("conditionsConfirmed", List.of(0));
        body.put("materials", Map.of("id-card", Map.of("seenAtDesk", true), "bank-card", Map.of("seenAtDesk", true)));

        MockHttpServletResponse refused = post(worker, "/api/v1/matters", body);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused).get("errors").toString()).contains("委托书");

        body.put("consent", Map.of("fileName", "consent.pdf", "contentBase64",
                java.util.Base64.getEncoder().encodeToString(cn.wushe.attachments.TestFiles.pdf())));
        UUID id = submit(worker, body);
        assertThat(status(id)).as("taken at its own committee's desk").isEqualTo("HANDLING");
        Map<String, Object> row = jdbc.sql("select applicant_name, applicant_phone, applicant_phone_index, proxy_name from requests.matters where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("张秀英", "13912345678", "王建国"));
        JsonNode detail = body(get(worker, "/api/v1/matters/" + id));
        assertThat(detail.get("applicant").asString()).isEqualTo("张*英");
        assertThat(detail.get("phone").asString()).isEqualTo("139****5678");
        assertThat(detail.get("materials").toString()).contains("SEEN_AT_DESK", "proxy-consent");
    }

    @Test
    void theIdempotencyKeyMakesOneMatter() throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/matters")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(worker.authentication()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header("Idempotency-Key", "flow-" + UUID.randomUUID()).contentType("application/json")
                .content(json.writeValueAsString(deskStreetlight(DAOBEI)));
        String first = mvc.perform(request).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(request).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(second).get("id")).isEqualTo(json.readTree(first).get("id"));
    }

    @Test
    void aMatterIsFoundByItsNumberWithinWhatTheReaderMaySee() throws Exception {
        UUID id = submit(worker, deskStreetlight(DAOBEI));
        String number = jdbc.sql("select number from requests.matters where id = :id").param("id", id).query(String.class).single();

        JsonNode found = body(get(worker, "/api/v1/matters?box=ALL&number=" + number));
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("moreThanTotal").asBoolean()).isFalse();
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id.toString());
        // a worker of the neighbouring community does not see it, by number or otherwise
        TestActor sibling = RequestsFixtures.communityWorker("flow_sibling", GONGNONG, GONGNONG_COMMITTEE);
        assertThat(body(get(sibling, "/api/v1/matters?box=ALL&number=" + number)).get("total").asLong()).isZero();

        MockHttpServletResponse mistyped = get(worker, "/api/v1/matters?box=ALL&number=2026-12");
        assertThat(mistyped.getStatus()).isEqualTo(400);
        assertThat(body(mistyped).get("errors").toString()).contains("受理编号格式");
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/matters")
                        .param("box", "ALL").param("number", "2026-12")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(worker.authentication())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("受理编号格式", "共 0 件");
    }
}
