package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Case-note privacy (个案记录) as a role × scope table: everyone with CASEWORK over the person's
 * region sees that the case exists; its contents and notes only its worker, supervisor and team, each
 * read audited; others in scope get the case without them and 403 on writing; outside the scope
 * nothing exists (404); without CASEWORK the pages are forbidden.
 */
class CaseworkIntegrationTest extends CareIntegrationTestBase {

    static final TestActor WORKER = actor("case-worker", "TOWN_STATION", TOWN, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor SUPERVISOR = actor("case-supervisor", "COUNTY_STATION", COUNTY, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor TEAM = actor("case-team", "TOWN_STATION", DAOBEI, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor COLLEAGUE = actor("case-colleague", "TOWN_STATION", TOWN, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor COUNTY_STATION = actor("case-county", "COUNTY_STATION", COUNTY, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor SIBLING = actor("case-sibling", "TOWN_STATION", GONGNONG, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor OTHER_COUNTY = actor("case-other", "TOWN_STATION", NEIGHBOUR_COUNTY, Permission.CARE_VIEW,
            Permission.CASEWORK);
    static final String NOTE = "老人近来情绪低落，拒绝就医";

    static UUID person;
    static UUID caseId;

    @BeforeEach
    void aCaseWithANote() throws Exception {
        if (caseId != null) {
            return;
        }
        person = personInGrid1();
        String location = mvc.perform(by(WORKER, post("/care/people/{id}/cases", person)).param("intake", "独居，子女在外")
                        .param("supervisor", SUPERVISOR.id().toString()).param("team", TEAM.id().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        caseId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(by(WORKER, post("/care/cases/{id}/notes", caseId)).param("kind", "ASSESSMENT").param("body", NOTE))
                .andExpect(status().is3xxRedirection());
    }

    @ParameterizedTest(name = "{0}: read {1}, contents {2}, write {3}")
    @CsvSource({
            "WORKER, 200, true, 302",
            "SUPERVISOR, 200, true, 302",
            "TEAM, 200, true, 302",
            "COLLEAGUE, 200, false, 403",
            "COUNTY_STATION, 200, false, 403",
            "SIBLING, 404, false, 404",
            "OTHER_COUNTY, 404, false, 404",
            "GRID_WORKER, 403, false, 403",
    })
    void onlyTheCasesPeopleReadItsNotesAndEachReadIsAudited(String who, int read, boolean contents, int write) throws Exception {
        TestActor actor = switch (who) {
            case "WORKER" -> WORKER;
            case "SUPERVISOR" -> SUPERVISOR;
            case "TEAM" -> TEAM;
            case "COLLEAGUE" -> COLLEAGUE;
            case "COUNTY_STATION" -> COUNTY_STATION;
            case "SIBLING" -> SIBLING;
            case "OTHER_COUNTY" -> OTHER_COUNTY;
            default -> GRID_WORKER;
        };
        long readsBefore = reads(actor);

        var response = mvc.perform(by(actor, get("/care/cases/{id}", caseId))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(read);
        assertThat(response.getContentAsString().contains(NOTE)).isEqualTo(contents);
        assertThat(reads(actor) - readsBefore).isEqualTo(contents ? 1 : 0);
        String list = mvc.perform(by(actor, get("/care/cases").param("open", "false"))).andReturn().getResponse().getContentAsString();
        assertThat(list.contains(caseId.toString())).isEqualTo(read == 200);
        mvc.perform(by(actor, post("/care/cases/{id}/notes", caseId)).param("kind", "INTERVENTION").param("body", "电话联系"))
                .andExpect(status().is(write));
        if (write != 302) {
            mvc.perform(by(actor, post("/care/cases/{id}/close", caseId)).param("summary", "结案"))
                    .andExpect(status().is(write));
            mvc.perform(by(actor, post("/care/people/{id}/cases", person)).param("intake", "再开一个"))
                    .andExpect(status().is(read == 200 ? 302 : write));
        }
    }

    private long reads(TestActor actor) {
        return jdbc.sql("select count(*) from audit.entries where action = 'CARE_CASE_READ' and object_id = :id and actor_name = :name")
                .param("id", caseId.toString()).param("name", actor.username()).query(Long.class).single();
    }
}
