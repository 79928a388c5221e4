package cn.wushe.registry;

import static cn.wushe.registry.RegistryFixtures.COMMUNITY_WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A person's status through the API and the pages (销档, 迁出, 死亡, 恢复在册): If-Match, the transitions' guards, history, audit, events. */
@RecordApplicationEvents
class PersonClosureIntegrationTest extends RegistryIntegrationTestBase {

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void aCommunityWorkerClosesARecordThatIsNoLongerInNeed() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).content("{\"reason\":\"NO_LONGER_IN_NEED\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"0\"")
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请选择销档原因"));
        long before = audits("PERSON_CLOSE");

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"0\"")
                        .content("{\"reason\":\"NO_LONGER_IN_NEED\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"1\""));

        LocalDate today = LocalDate.now(clock);
        assertThat(audits("PERSON_CLOSE")).isEqualTo(before + 1);
        assertThat(events.stream(PersonStatusChanged.class)).containsExactly(new PersonStatusChanged(person, RegionFixture.COUNTY,
                RegionFixture.DAOBEI_GRID_1, household(person), PersonStatus.ACTIVE, PersonStatus.CLOSED, today,
                ClosingReason.NO_LONGER_IN_NEED));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person)))
                .andExpect(jsonPath("$.closed").value("已销档（不再符合困难条件，" + today + "）"))
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person + "/history")))
                .andExpect(jsonPath("$[0].before").value("在册"))
                .andExpect(jsonPath("$[0].after").value("不再符合困难条件"));
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"DUPLICATE_RECORD\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/person-closed")))
                .andExpect(jsonPath("$.detail").value("该人员档案已销档，不能再修改"));
        mvc.perform(asUser(COMMUNITY_WORKER, put("/api/v1/people/" + person)).header("If-Match", "\"1\"")
                        .content(RegistryFixtures.json(RegistryFixtures.newName(), "", RegionFixture.DAOBEI, RegionFixture.DAOBEI_GRID_1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/person-closed")));
    }

    @Test
    void aMoveOutIsRecordedWithDateAndDestinationAndUndoneByReopening() throws Exception {
        PersonId person = registerInGrid1();
        LocalDate movedOn = LocalDate.now(clock).minusDays(5);
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/move-out")).header("If-Match", "\"0\"")
                        .content("{\"movedOn\":\"" + movedOn + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("destination"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写迁往何处"));
        long before = audits("PERSON_MOVE_OUT");

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/move-out")).header("If-Match", "\"0\"")
                        .content("{\"movedOn\":\"" + movedOn + "\",\"destination\":\"西安市雁塔区\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"1\""));

        assertThat(audits("PERSON_MOVE_OUT")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select moved_to_enc from registry.people where id = :id").param("id", person.value())
                .query(String.class).single()).doesNotContain("雁塔");
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person)))
                .andExpect(jsonPath("$.closed").value("已迁出（" + movedOn + "，迁往西安市雁塔区）"));
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"NO_LONGER_IN_NEED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/status-not-allowed")))
                .andExpect(jsonPath("$.detail").value("档案状态为「迁出」，不能改为「销档」；请先恢复在册"));
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/reopen")).header("If-Match", "\"1\"")
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请填写恢复在册的原因"));

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/reopen")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"已迁回本社区\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"2\""));

        assertThat(events.stream(PersonStatusChanged.class).map(e -> e.from() + "->" + e.to()))
                .containsExactly("ACTIVE->MOVED_OUT", "MOVED_OUT->ACTIVE");
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person)))
                .andExpect(jsonPath("$.closed").doesNotExist())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person + "/history")))
                .andExpect(jsonPath("$[0].after").value("在册（原因：已迁回本社区）"));
    }

    @Test
    void aDeathIsRecordedOnAPossibleDateOnlyAndUndoneOnlyByACountyCorrection() throws Exception {
        PersonId person = registerInGrid1();
        LocalDate today = LocalDate.now(clock);
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/deceased")).header("If-Match", "\"0\"")
                        .content("{\"dateOfDeath\":\"" + today.plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dateOfDeath"));
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/deceased")).header("If-Match", "\"3\"")
                        .content("{\"dateOfDeath\":\"" + today + "\"}"))
                .andExpect(status().isPreconditionFailed());

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/deceased")).header("If-Match", "\"0\"")
                        .content("{\"dateOfDeath\":\"" + today + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(events.stream(PersonStatusChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(PersonStatus.DECEASED))
                .satisfies(e -> assertThat(e.effectiveOn()).isEqualTo(today));

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"NO_LONGER_IN_NEED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("档案状态为「死亡」，不能改为「销档」；请先恢复在册"));
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/reopen")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"家属称本人健在\"}"))
                .andExpect(status().isForbidden());
        long before = audits("PERSON_REOPEN");

        mvc.perform(asUser(RegistryFixtures.COUNTY_ADMIN, post("/api/v1/people/" + person + "/reopen")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"死亡信息误报，经核实本人健在\"}"))
                .andExpect(status().isNoContent());

        assertThat(audits("PERSON_REOPEN")).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                select reason from audit.entries where action = 'PERSON_REOPEN' and object_id = :id""")
                .param("id", person.toString()).query(String.class).single()).isEqualTo("死亡信息误报，经核实本人健在");
        assertThat(events.stream(PersonStatusChanged.class).map(e -> e.from() + "->" + e.to()))
                .containsExactly("ACTIVE->DECEASED", "DECEASED->ACTIVE");
    }

    private HouseholdId household(PersonId person) {
        return new HouseholdId(jdbc.sql("select household_id from registry.people where id = :id").param("id", person.value())
                .query(java.util.UUID.class).single());
    }

    @Test
    void theDetailPageClosesTheRecordWithAReason() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认销档")));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/close")).param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择销档原因")));

        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/close"))
                        .param("version", "0").param("reason", "NO_LONGER_IN_NEED"))
                .andExpect(redirectedUrl("/people/" + person + "?closed"));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person)))
                .andExpect(content().string(containsString("已销档（不再符合困难条件，" + LocalDate.now(clock) + "）")))
                .andExpect(content().string(not(containsString("确认销档"))));
        mvc.perform(RegistryPagesTest.page(RegistryFixtures.SIBLING_WORKER, post("/people/" + person + "/close"))
                        .param("version", "1").param("reason", "NO_LONGER_IN_NEED"))
                .andExpect(status().isNotFound());
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person)))
                .andExpect(content().string(containsString("恢复在册")));
    }

    @Test
    void theDetailPageRecordsAMoveOutWithFieldMessagesAndReopens() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person)))
                .andExpect(content().string(containsString("确认迁出")));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/move-out"))
                        .param("version", "0").param("destination", "西安市雁塔区"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写迁出日期")));
        LocalDate movedOn = LocalDate.now(clock).minusDays(1);

        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/move-out"))
                        .param("version", "0").param("movedOn", movedOn.toString()).param("destination", "西安市雁塔区"))
                .andExpect(redirectedUrl("/people/" + person + "?movedOut"));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person)))
                .andExpect(content().string(containsString("已迁出（" + movedOn + "，迁往西安市雁塔区）")))
                .andExpect(content().string(not(containsString("确认迁出"))));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/reopen")).param("version", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写恢复在册的原因")));

        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/reopen"))
                        .param("version", "1").param("reason", "已迁回"))
                .andExpect(redirectedUrl("/people/" + person + "?reopened"));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person)))
                .andExpect(content().string(containsString("确认迁出")));
    }

    @Test
    void aClosedRecordsEditPageSaysWhyNothingCanBeChanged() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/close"))
                        .param("version", "0").param("reason", "NO_LONGER_IN_NEED"))
                .andExpect(redirectedUrl("/people/" + person + "?closed"));

        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, get("/people/" + person + "/edit")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该人员档案已销档，不能再修改")));
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/edit"))
                        .param("version", "1").param("name", "钱多多"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该人员档案已销档，不能再修改")));
    }
}
