package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Care teams (关爱帮扶小组): a county admin defines a type with its follow-up form and cycle; a
 * community worker forms a team around a person and adds an outside contact (phone encrypted at
 * rest); the grid worker records a follow-up naming who took part, which moves the next one a cycle
 * on. Every endpoint refuses other communities and counties (404) and actions the role lacks (403).
 */
class CareTeamsIntegrationTest extends CareIntegrationTestBase {

    static final TestActor ADMIN = actor("care-team-admin", "COUNTY_ADMIN", COUNTY, Permission.CARE_VIEW, Permission.CARE_SETTINGS);
    static final TestActor OTHER_ADMIN = actor("care-team-other-admin", "COUNTY_ADMIN", NEIGHBOUR_COUNTY, Permission.CARE_VIEW,
            Permission.CARE_SETTINGS);
    static final String PHONE = "13912345678";

    static UUID person;
    static UUID typeId;
    static UUID teamId;
    static UUID memberId;

    @BeforeEach
    void aTeamWithAMember() throws Exception {
        if (teamId != null) {
            return;
        }
        person = personInGrid1();
        String type = mvc.perform(json(ADMIN, post("/api/v1/care/team-types"), """
                        {"countyCode":"%s","name":"五位一体-%s","cycleDays":30,"questions":["服药情况","情绪与行为"]}"""
                        .formatted(COUNTY, UUID.randomUUID())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        typeId = UUID.fromString(JsonPath.read(type, "$.id"));
        String team = mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/people/{id}/teams", person),
                        "{\"typeId\":\"%s\",\"name\":\"道北五位一体小组\"}".formatted(typeId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        teamId = UUID.fromString(JsonPath.read(team, "$.id"));
        String member = mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/teams/{id}/members", teamId), """
                        {"name":"王医生","unit":"道北卫生室","role":"村医","phone":"%s"}""".formatted(PHONE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        memberId = UUID.fromString(JsonPath.read(member, "$.id"));
    }

    @Test
    void aFollowUpNamesWhoTookPartAndMovesTheNextOneACycleOn() throws Exception {
        assertThat(jdbc.sql("select phone from care.team_members where id = :id").param("id", memberId).query(String.class).single())
                .doesNotContain(PHONE);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));

        mvc.perform(json(GRID_WORKER, post("/api/v1/care/teams/{id}/follow-ups", teamId),
                        "{\"heldOn\":\"%s\",\"participants\":[],\"answers\":[\"按时服药\"]}".formatted(today)))
                .andExpect(status().isBadRequest());
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/teams/{id}/follow-ups", teamId),
                        "{\"heldOn\":\"%s\",\"participants\":[\"%s\"],\"answers\":[\"按时服药\",\"平稳\"]}"
                                .formatted(today.plusDays(1), memberId)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/teams/{id}/follow-ups", teamId),
                        "{\"heldOn\":\"%s\",\"participants\":[\"%s\"],\"answers\":[\"按时服药\",\"平稳\"]}".formatted(today, memberId)))
                .andExpect(status().isCreated());

        long readsBefore = teamReads();
        mvc.perform(by(GRID_WORKER, get("/api/v1/care/teams/{id}", teamId))).andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].phone").value(PHONE))
                .andExpect(jsonPath("$.followUps[0].participants[0]").value("王医生"))
                .andExpect(jsonPath("$.followUps[0].answers[1]").value("平稳"))
                .andExpect(jsonPath("$.nextDueOn").value(today.plusDays(30).toString()));
        assertThat(teamReads()).isEqualTo(readsBefore + 1);
        String page = mvc.perform(by(GRID_WORKER, get("/care/teams/{id}", teamId))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("王医生", PHONE, "服药情况：按时服药");
        mvc.perform(by(GRID_WORKER, post("/care/teams/{id}/follow-ups", teamId)).param("heldOn", today.toString())
                        .param("answers", "按时服药", "平稳"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(ADMIN, post("/api/v1/care/team-types"), """
                        {"countyCode":"%s","name":"空表","cycleDays":30,"questions":[]}""".formatted(COUNTY)))
                .andExpect(status().isBadRequest());
    }

    @ParameterizedTest(name = "{0}: read {1}, form {2}, member {3}, follow-up {4}")
    @CsvSource({
            "COMMUNITY_WORKER, 200, 201, 201, 201",
            "GRID_WORKER, 200, 403, 403, 201",
            "TOWN_STATION, 200, 201, 201, 201",
            "NEXT_GRID_WORKER, 404, 403, 403, 404",
            "SIBLING_WORKER, 404, 404, 404, 404",
            "NEIGHBOUR_STATION, 404, 404, 404, 404",
    })
    void everyTeamEndpointKeepsToTheActorsScope(String who, int read, int form, int member, int followUp) throws Exception {
        TestActor actor = switch (who) {
            case "COMMUNITY_WORKER" -> COMMUNITY_WORKER;
            case "GRID_WORKER" -> GRID_WORKER;
            case "TOWN_STATION" -> TOWN_STATION;
            case "NEXT_GRID_WORKER" -> NEXT_GRID_WORKER;
            case "SIBLING_WORKER" -> SIBLING_WORKER;
            default -> NEIGHBOUR_STATION;
        };
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        mvc.perform(by(actor, get("/api/v1/care/teams/{id}", teamId))).andExpect(status().is(read));
        mvc.perform(by(actor, get("/care/teams/{id}", teamId))).andExpect(status().is(read));
        String list = mvc.perform(by(actor, get("/api/v1/care/teams"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list.contains(teamId.toString())).isEqualTo(read == 200);
        assertThat(mvc.perform(by(actor, get("/care/teams"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString().contains(teamId.toString())).isEqualTo(read == 200);
        mvc.perform(json(actor, post("/api/v1/care/people/{id}/teams", person), "{\"typeId\":\"%s\",\"name\":\"再成立\"}"
                .formatted(typeId))).andExpect(status().is(form));
        mvc.perform(by(actor, post("/care/people/{id}/teams", person)).param("typeId", typeId.toString()).param("name", "页面成立"))
                .andExpect(status().is(form == 201 ? 302 : form));
        mvc.perform(json(actor, post("/api/v1/care/teams/{id}/members", teamId), """
                {"name":"李警官","unit":"城关派出所","role":"民警"}""")).andExpect(status().is(member));
        mvc.perform(by(actor, post("/care/teams/{id}/members", teamId)).param("name", "张某").param("unit", "残联")
                .param("role", "残联专干")).andExpect(status().is(member == 201 ? 302 : member));
        mvc.perform(json(actor, post("/api/v1/care/teams/{id}/follow-ups", teamId),
                "{\"heldOn\":\"%s\",\"participants\":[\"%s\"],\"answers\":[\"好\",\"好\"]}".formatted(today, memberId)))
                .andExpect(status().is(followUp));
        mvc.perform(by(actor, post("/care/teams/{id}/follow-ups", teamId)).param("heldOn", today.toString())
                .param("participants", memberId.toString()).param("answers", "好", "好"))
                .andExpect(status().is(followUp == 201 ? 302 : followUp));
    }

    @ParameterizedTest(name = "{0} defines a type in {1}: {2}")
    @CsvSource({ "ADMIN, own, 201", "OTHER_ADMIN, other-county, 404", "COMMUNITY_WORKER, own, 403" })
    void teamTypesBelongToTheAdminsCounty(String who, String where, int status) throws Exception {
        TestActor actor = switch (who) {
            case "ADMIN" -> ADMIN;
            case "OTHER_ADMIN" -> OTHER_ADMIN;
            default -> COMMUNITY_WORKER;
        };
        String name = "类型-" + UUID.randomUUID();
        mvc.perform(json(actor, post("/api/v1/care/team-types"), """
                {"countyCode":"%s","name":"%s","cycleDays":14,"questions":["近况"]}""".formatted(COUNTY, name)))
                .andExpect(status().is(status));
        mvc.perform(by(actor, post("/care/team-types")).param("countyCode", COUNTY).param("name", name + "页")
                .param("cycleDays", "14").param("questions", "近况")).andExpect(status().is(status == 201 ? 302 : status));
        String types = mvc.perform(by(actor, get("/api/v1/care/team-types"))).andReturn().getResponse().getContentAsString();
        assertThat(types.contains(typeId.toString())).isEqualTo(!"other-county".equals(where));
    }

    @Test
    void aRemovedMemberLeavesWithAReasonAndStaysInPastFollowUps() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        UUID leaving = UUID.fromString(JsonPath.read(mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/teams/{id}/members",
                        teamId), "{\"name\":\"赵警官\",\"unit\":\"城关派出所\",\"role\":\"民警\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/teams/{id}/follow-ups", teamId),
                        "{\"heldOn\":\"%s\",\"participants\":[\"%s\"],\"answers\":[\"按时服药\",\"平稳\"]}"
                                .formatted(today, leaving)))
                .andExpect(status().isCreated());
        String etag = mvc.perform(by(COMMUNITY_WORKER, get("/api/v1/care/teams/{id}", teamId))).andReturn().getResponse()
                .getHeader("ETag");
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/teams/{id}/members/{m}/removal", teamId, leaving),
                "{\"reason\":\"工作调动\"}")).andExpect(status().isPreconditionRequired());
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/teams/{id}/members/{m}/removal", teamId, leaving),
                "{\"reason\":\" \"}").header("If-Match", etag)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/teams/{id}/members/{m}/removal", teamId, leaving),
                        "{\"reason\":\"工作调动\"}").header("If-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[?(@.name == '赵警官')]").isEmpty())
                .andExpect(jsonPath("$.formerMembers[0].name").value("赵警官"))
                .andExpect(jsonPath("$.formerMembers[0].reason").value("工作调动"))
                .andExpect(jsonPath("$.followUps[0].participants[0]").value("赵警官"));
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/teams/{id}/members/{m}/removal", teamId, leaving),
                "{\"reason\":\"工作调动\"}").header("If-Match", etag)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
        // a removed member no longer takes part in follow-ups
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/teams/{id}/follow-ups", teamId),
                        "{\"heldOn\":\"%s\",\"participants\":[\"%s\"],\"answers\":[\"好\",\"好\"]}"
                                .formatted(today, leaving)))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'CARE_TEAM_MEMBER_REMOVE' and object_id = :id")
                .param("id", teamId.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(mvc.perform(by(COMMUNITY_WORKER, get("/care/teams/{id}", teamId))).andReturn().getResponse()
                .getContentAsString()).contains("已移出的成员", "移出：工作调动");
    }

    @ParameterizedTest(name = "{0} removes a member: {1}")
    @CsvSource({
            "GRID_WORKER, 403",
            "NEXT_GRID_WORKER, 403",
            "SIBLING_WORKER, 404",
            "NEIGHBOUR_STATION, 404",
    })
    void removingAMemberKeepsToTheManagersScope(String who, int status) throws Exception {
        TestActor actor = switch (who) {
            case "GRID_WORKER" -> GRID_WORKER;
            case "NEXT_GRID_WORKER" -> NEXT_GRID_WORKER;
            case "SIBLING_WORKER" -> SIBLING_WORKER;
            default -> NEIGHBOUR_STATION;
        };
        mvc.perform(json(actor, post("/api/v1/care/teams/{id}/members/{m}/removal", teamId, memberId),
                "{\"reason\":\"调走\"}").header("If-Match", "\"0\"")).andExpect(status().is(status));
        mvc.perform(by(actor, post("/care/teams/{id}/members/{m}/removal", teamId, memberId)).param("reason", "调走"))
                .andExpect(status().is(status));
        assertThat(jdbc.sql("select removed_at is null from care.team_members where id = :id").param("id", memberId)
                .query(Boolean.class).single()).isTrue();
    }

    private long teamReads() {
        return jdbc.sql("select count(*) from audit.entries where action = 'CARE_TEAM_READ' and object_id = :id")
                .param("id", teamId.toString()).query(Long.class).single();
    }
}
