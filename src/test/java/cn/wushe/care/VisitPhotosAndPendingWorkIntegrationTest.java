package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.attachments.TestFiles;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Visit photos through [L]'s attachments (type {@code care-visit}): the visitor adds them within a
 * week, whoever sees the person sees them, other communities do not; and care's 待办 lines: overdue
 * visits of the worker's people and the open alerts the worker owns.
 */
class VisitPhotosAndPendingWorkIntegrationTest extends CareIntegrationTestBase {

    @Autowired
    List<PendingWorkContributor> contributors;

    @Test
    void theVisitorAddsPhotosThatOnlyThoseWhoSeeThePersonSee() throws Exception {
        UUID person = personInGrid1();
        String visit = mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person), "{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String visitId = JsonPath.read(visit, "$.id");
        MockMultipartFile photo = new MockMultipartFile("file", "厨房.jpg", "image/jpeg", TestFiles.jpeg(64, 48));

        mvc.perform(by(COMMUNITY_WORKER, multipart("/api/v1/attachments").file(photo).param("ownerType", "care-visit")
                .param("ownerId", visitId))).andExpect(status().isForbidden());
        mvc.perform(by(SIBLING_WORKER, multipart("/api/v1/attachments").file(photo).param("ownerType", "care-visit")
                .param("ownerId", visitId))).andExpect(status().isNotFound());
        mvc.perform(by(GRID_WORKER, multipart("/api/v1/attachments").file(photo).param("ownerType", "care-visit")
                .param("ownerId", visitId))).andExpect(status().isCreated());

        assertThat(mvc.perform(by(COMMUNITY_WORKER, get("/api/v1/attachments").param("ownerType", "care-visit")
                .param("ownerId", visitId))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("厨房.jpg");
        mvc.perform(by(NEIGHBOUR_STATION, get("/api/v1/attachments").param("ownerType", "care-visit").param("ownerId", visitId)))
                .andExpect(status().isNotFound());
        clock.advance(Duration.ofDays(8));
        mvc.perform(by(GRID_WORKER, multipart("/api/v1/attachments").file(photo).param("ownerType", "care-visit")
                .param("ownerId", visitId))).andExpect(status().isForbidden());
    }

    @Test
    void pendingWorkCountsOverdueVisitsAndOwnedAlerts() throws Exception {
        UUID person = personInGrid1();
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/people/{id}/tier", person), "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}"))
                .andExpect(status().isOk());
        long before = overdue(GRID_WORKER);
        clock.advance(Duration.ofDays(8));
        assertThat(overdue(GRID_WORKER)).isGreaterThan(before);
        assertThat(pending(VOLUNTEER).stream().filter(w -> w.href().startsWith("/care?")).mapToLong(PendingWork::count).sum()).isZero();
        UUID owner = account("care-pending-owner", "GRID_WORKER", GRID_1);
        jdbc.sql("""
                insert into care.alerts (county_code, id, person_id, region_code, source, severity, summary, level, owner_ids, due_at,
                    status, created_at, version)
                values (:county, :id, :person, :region, 'LEGWORK', 'HIGH', '摸排发现', 'GRID', array[cast(:owner as uuid)], :due, 'OPEN', :now, 0)""")
                .param("county", COUNTY).param("id", UUID.randomUUID()).param("person", person).param("region", GRID_1)
                .param("owner", owner).param("due", java.sql.Timestamp.from(clock.instant().minusSeconds(60)))
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        var ownerActor = new cn.wushe.platform.TestActor(owner, "care-account-care-pending-owner", "owner", java.util.Set.of("GRID_WORKER"),
                GRID_WORKER.grants());
        PendingWork alerts = pending(ownerActor).stream().filter(w -> w.href().equals("/care/alerts")).findFirst().orElseThrow();
        assertThat(alerts.count()).isEqualTo(1);
        assertThat(alerts.overdue()).isEqualTo(1);
    }

    private long overdue(cn.wushe.platform.TestActor actor) {
        return pending(actor).stream().filter(w -> w.href().startsWith("/care?")).mapToLong(PendingWork::count).sum();
    }

    private List<PendingWork> pending(cn.wushe.platform.TestActor actor) {
        return contributors.stream().filter(c -> c.getClass().getName().contains(".care.")).flatMap(c -> c.pendingFor(actor).stream())
                .toList();
    }
}
