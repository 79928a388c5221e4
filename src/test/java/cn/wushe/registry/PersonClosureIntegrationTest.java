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

/** Closing a record (销档) and recording a death through the API: If-Match, the transition's guards, history. */
@RecordApplicationEvents
class PersonClosureIntegrationTest extends RegistryIntegrationTestBase {

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void aCommunityWorkerClosesTheRecordOfSomeoneWhoMovedAway() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).content("{\"reason\":\"MOVED_AWAY\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"0\"")
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请选择销档原因"));
        long before = audits("PERSON_CLOSE");

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"0\"")
                        .content("{\"reason\":\"MOVED_AWAY\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"1\""));

        assertThat(audits("PERSON_CLOSE")).isEqualTo(before + 1);
        assertThat(events.stream(PersonClosed.class))
                .containsExactly(new PersonClosed(person, RegionFixture.DAOBEI_GRID_1, PersonClosed.Reason.MOVED_AWAY));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person)))
                .andExpect(jsonPath("$.closed").value("已销档（迁出，" + LocalDate.now(clock) + "）"));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person + "/history")))
                .andExpect(jsonPath("$[0].after").value("迁出"));
        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"NO_LONGER_IN_NEED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/person-closed")))
                .andExpect(jsonPath("$.detail").value("该人员档案已销档，不能再修改"));
        mvc.perform(asUser(COMMUNITY_WORKER, put("/api/v1/people/" + person)).header("If-Match", "\"1\"")
                        .content(RegistryFixtures.json(RegistryFixtures.newName(), "", RegionFixture.DAOBEI, RegionFixture.DAOBEI_GRID_1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/person-closed")));
    }

    @Test
    void aDeathIsRecordedOnAPossibleDateOnly() throws Exception {
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
        assertThat(events.stream(PersonDeceased.class))
                .containsExactly(new PersonDeceased(person, RegionFixture.DAOBEI_GRID_1, today));

        mvc.perform(asUser(COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close")).header("If-Match", "\"1\"")
                        .content("{\"reason\":\"MOVED_AWAY\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该人员已登记为已故，档案不能再修改"));
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
                        .param("version", "1").param("reason", "MOVED_AWAY"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aClosedRecordsEditPageSaysWhyNothingCanBeChanged() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(RegistryPagesTest.page(COMMUNITY_WORKER, post("/people/" + person + "/close"))
                        .param("version", "0").param("reason", "MOVED_AWAY"))
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
