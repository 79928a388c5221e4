package cn.wushe.registry;

import cn.wushe.registry.internal.PersonDraft;

import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.TestActor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A resident sees their own record (and nobody else's) and asks for a correction that reaches the worker's queue. */
class SelfServiceIntegrationTest extends RegistryIntegrationTestBase {

    @Autowired
    Clock clock;

    @Test
    void aLinkedResidentSeesOwnRecordInClearAndOnlyThat() throws Exception {
        PersonDraft draft = draftInGrid1();
        PersonId person = register(GRID_WORKER, draft);
        PersonId neighbour = registerInGrid1();
        TestActor resident = resident("resident-" + UUID.randomUUID());
        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people/" + person + "/resident-account"))
                .content("{\"userId\":\"" + resident.id() + "\"}")).andExpect(status().isNoContent());

        mvc.perform(asUser(resident, get("/api/v1/me/person")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(person.toString()))
                .andExpect(jsonPath("$.disclosure").value("SELF"))
                .andExpect(jsonPath("$.idNumber").value(draft.idNumber()))
                .andExpect(jsonPath("$.phone").value("13812345678"));
        mvc.perform(asUser(resident, get("/api/v1/people/" + neighbour))).andExpect(status().isForbidden());
        mvc.perform(asUser(resident("unlinked"), get("/api/v1/me/person"))).andExpect(status().isNotFound());
    }

    @Test
    void aCorrectionRequestLandsInTheCommunityWorkersQueue() throws Exception {
        PersonId person = registerInGrid1();
        TestActor resident = resident("resident-" + UUID.randomUUID());
        jdbc.sql("insert into registry.resident_accounts (user_id, person_id, linked_at) values (:u, :p, now())")
                .param("u", resident.id()).param("p", person.value()).update();

        mvc.perform(asUser(resident, post("/api/v1/me/corrections")).content("{\"field\":\"PHONE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请填写正确的内容"));
        String location = mvc.perform(asUser(resident, post("/api/v1/me/corrections"))
                        .content("{\"field\":\"PHONE\",\"proposedValue\":\"13900001111\",\"note\":\"换了新号码\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/corrections")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].personId", hasItem(person.toString())))
                .andExpect(jsonPath("$[*].proposedValue", hasItem("13900001111")))
                .andExpect(jsonPath("$[?(@.proposedValue == '13900001111')].overdue", hasItem(false)))
                .andExpect(jsonPath("$[?(@.proposedValue == '13900001111')].dueAt").exists());
        String id = location.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/corrections/" + id + "/close")).content("{\"done\":false}"))
                .andExpect(status().isBadRequest());
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/corrections/" + id + "/close")).content("{\"done\":true,\"note\":\"已更新\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/corrections/" + id + "/close")).content("{\"done\":true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/correction-handled")))
                .andExpect(jsonPath("$.detail").value("该更正申请已采纳，不能再次处理"));
    }

    @Test
    void aResidentSeesTheWorkersReplyToARejectedRequestAndNobodyElsesRequests() throws Exception {
        TestActor resident = linkedResident(registerInGrid1());
        TestActor neighbour = linkedResident(registerInGrid1());
        String asked = mvc.perform(asUser(resident, post("/api/v1/me/corrections"))
                        .content("{\"field\":\"HEALTH\",\"proposedValue\":\"已康复出院\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = asked.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(asUser(neighbour, post("/api/v1/me/corrections"))
                        .content("{\"field\":\"PHONE\",\"proposedValue\":\"13900002222\"}"))
                .andExpect(status().isCreated());
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/corrections/" + id + "/close"))
                        .content("{\"done\":false,\"note\":\"请携带出院小结到社区核实\"}"))
                .andExpect(status().isNoContent());

        String residentsPage = page(resident);
        assertThat(residentsPage).contains("我的更正申请", "健康状况", "已康复出院", "未采纳",
                "社区答复：<span class=\"text-break\">请携带出院小结到社区核实</span>",
                "答复于 <span>" + LocalDate.now(clock.withZone(ClockConfiguration.ZONE)) + "</span>");
        assertThat(residentsPage).doesNotContain("13900002222");

        String neighboursPage = page(neighbour);
        assertThat(neighboursPage).contains("13900002222", "待处理", "社区将在 30 天内答复")
                .doesNotContain("已康复出院", "请携带出院小结到社区核实", "未采纳");
    }

    @Autowired
    cn.wushe.registry.internal.Corrections corrections;

    @Test
    void theWorkersWorkbenchCountsOpenAndOverdueCorrectionsInHerScopeOnly() throws Exception {
        var before = corrections.due(GRID_WORKER);
        var siblingBefore = corrections.due(SIBLING_WORKER);
        TestActor resident = linkedResident(registerInGrid1());
        String asked = mvc.perform(asUser(resident, post("/api/v1/me/corrections"))
                        .content("{\"field\":\"PHONE\",\"proposedValue\":\"13900003333\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = asked.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        jdbc.sql("update registry.correction_requests set due_at = now() - interval '1 day' where id = cast(:id as uuid)")
                .param("id", id).update();
        var after = corrections.due(GRID_WORKER);
        assertThat(after.open()).isEqualTo(before.open() + 1);
        assertThat(after.overdue()).isEqualTo(before.overdue() + 1);
        assertThat(corrections.due(SIBLING_WORKER)).isEqualTo(siblingBefore);
        assertThat(corrections.due(resident)).isEqualTo(new cn.wushe.registry.internal.Corrections.Due(0, 0));
        String workbench = mvc.perform(asUser(GRID_WORKER, get("/"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(workbench).contains("居民更正申请待答复", after.open() + " 项", "其中 " + after.overdue() + " 项已超期",
                "href=\"/corrections\"");
    }

    private TestActor linkedResident(PersonId person) {
        TestActor resident = resident("resident-" + UUID.randomUUID());
        jdbc.sql("insert into registry.resident_accounts (user_id, person_id, linked_at) values (:u, :p, now())")
                .param("u", resident.id()).param("p", person.value()).update();
        return resident;
    }

    private String page(TestActor resident) throws Exception {
        return mvc.perform(asUser(resident, get("/me")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCountyAddsItsOwnCategoryThatRegistrationThenAccepts() throws Exception {
        String code = "LOST_ONLY_CHILD_" + Long.toString(System.nanoTime() % 100_000);
        mvc.perform(asUser(GRID_WORKER, post("/api/v1/registry/categories"))
                        .content("{\"code\":\"" + code + "\",\"name\":\"失独" + code.substring(16) + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(asUser(COUNTY_ADMIN, post("/api/v1/registry/categories")).content("{\"code\":\"dibao\",\"name\":\"低保\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message", hasItem("类别名称「低保」已存在")));
        mvc.perform(asUser(COUNTY_ADMIN, post("/api/v1/registry/categories"))
                        .content("{\"code\":\"" + code + "\",\"name\":\"失独" + code.substring(16) + "\"}"))
                .andExpect(status().isCreated());

        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(json(newName(), newIdNumber(), RegionFixture.DAOBEI,
                        RegionFixture.DAOBEI_GRID_1).replace("\"code\":\"DIBAO\"", "\"code\":\"" + code + "\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.categories[*].code", hasItem(code)));
    }
}
