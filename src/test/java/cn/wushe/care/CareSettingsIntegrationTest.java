package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.internal.CareDeadlines;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.scheduling.Deadlines;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A county sets its own visit cycles (If-Match, red ≤ yellow ≤ blue ≤ green); the next tier set uses them; other counties see nothing. */
class CareSettingsIntegrationTest extends CareIntegrationTestBase {

    static final TestActor COUNTY_ADMIN = actor("care-settings-admin", "COUNTY_ADMIN", NEIGHBOUR_COUNTY, Permission.CARE_SETTINGS);
    static final TestActor OTHER_ADMIN = actor("care-settings-other", "COUNTY_ADMIN", COUNTY, Permission.CARE_SETTINGS);

    @Autowired
    Deadlines deadlines;

    @Test
    void aCountysOwnCyclesApplyToTheNextTierAndOthersSeeNothing() throws Exception {
        String url = "/api/v1/care/settings/{county}";
        mvc.perform(by(COUNTY_ADMIN, get(url, NEIGHBOUR_COUNTY))).andExpect(status().isOk())
                .andExpect(jsonPath("$.redDays").value(7)).andExpect(header().string("ETag", "\"0\""));
        mvc.perform(by(OTHER_ADMIN, get(url, NEIGHBOUR_COUNTY))).andExpect(status().isNotFound());
        String body = "{\"redDays\":3,\"yellowDays\":10,\"blueDays\":30,\"greenDays\":60,\"alertWorkingDays\":2,\"crisisHours\":12}";
        mvc.perform(json(OTHER_ADMIN, put(url, NEIGHBOUR_COUNTY), body).header("If-Match", "\"0\"")).andExpect(status().isNotFound());
        mvc.perform(json(COUNTY_ADMIN, put(url, NEIGHBOUR_COUNTY), body)).andExpect(status().isPreconditionRequired());
        mvc.perform(json(COUNTY_ADMIN, put(url, NEIGHBOUR_COUNTY), body.replace("\"redDays\":3", "\"redDays\":40"))
                .header("If-Match", "\"0\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("redDays"));
        mvc.perform(json(COUNTY_ADMIN, put(url, NEIGHBOUR_COUNTY), body).header("If-Match", "\"0\"")).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(json(COUNTY_ADMIN, put(url, NEIGHBOUR_COUNTY), body).header("If-Match", "\"0\""))
                .andExpect(status().isPreconditionFailed());

        UUID person = person(cn.wushe.registry.RegistryTestPeople.NEIGHBOUR, null);
        mvc.perform(json(NEIGHBOUR_STATION, post("/api/v1/care/people/{id}/tier", person),
                "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}")).andExpect(status().isOk());
        assertThat(deadlines.dueAt(CareDeadlines.visitDue(person)))
                .contains(clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));
    }
}
