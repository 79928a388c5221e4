package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Groups (小组), community activities (社区活动) and crises (危机干预) over {@code /api/v1/care}: a
 * resent creation under one Idempotency-Key makes one record, changes need the current version in
 * If-Match, refusals are problem+json in Chinese, and each endpoint keeps to the CASEWORK scope
 * (other community or county 404, not the group's or case's people 403).
 */
class CaseworkApiIntegrationTest extends CareIntegrationTestBase {

    static final TestActor COLLEAGUE = actor("api-colleague", "TOWN_STATION", TOWN, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor COMMUNITY_STATION = actor("api-community", "TOWN_STATION", DAOBEI, Permission.CARE_VIEW,
            Permission.CASEWORK);
    static final TestActor SIBLING = actor("api-sibling", "TOWN_STATION", GONGNONG, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor OTHER_COUNTY = actor("api-other", "TOWN_STATION", NEIGHBOUR_COUNTY, Permission.CARE_VIEW,
            Permission.CASEWORK);

    private TestActor worker(String name) {
        UUID id = account(name, "TOWN_STATION", TOWN);
        return new TestActor(id, "care-account-" + name, name, Set.of("TOWN_STATION"),
                Map.of(Permission.CARE_VIEW, List.of(new RegionScope(TOWN)), Permission.CASEWORK, List.of(new RegionScope(TOWN))));
    }

    @Test
    void aGroupIsOpenedOnceMeetsAndClosesWithASummary() throws Exception {
        TestActor worker = worker("api-group-worker");
        String gKey = UUID.randomUUID().toString();
        String body = "{\"regionCode\":\"%s\",\"name\":\"独居老人互助小组\",\"purpose\":\"减少孤独感\"}".formatted(DAOBEI);
        UUID group = id(mvc.perform(json(worker, post("/api/v1/care/groups"), body).header("Idempotency-Key", gKey))
                .andExpect(status().isCreated()));
        assertThat(id(mvc.perform(json(worker, post("/api/v1/care/groups"), body).header("Idempotency-Key", gKey))
                .andExpect(status().isCreated()))).isEqualTo(group);
        assertThat(jdbc.sql("select count(*) from care.groups where id = :id").param("id", group).query(Long.class).single())
                .isEqualTo(1);

        UUID member = id(mvc.perform(json(worker, post("/api/v1/care/groups/{id}/members", group), "{\"name\":\"刘阿姨\"}"))
                .andExpect(status().isCreated()));
        mvc.perform(json(worker, post("/api/v1/care/groups/{id}/meetings", group),
                        "{\"heldOn\":\"%s\",\"topic\":\"手工编织\",\"attended\":[\"%s\"]}".formatted(today(), member)))
                .andExpect(status().isCreated());
        String etag = mvc.perform(by(worker, get("/api/v1/care/groups/{id}", group))).andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].name").value("刘阿姨"))
                .andExpect(jsonPath("$.meetings[0].attended[0]").value("刘阿姨"))
                .andReturn().getResponse().getHeader("ETag");

        mvc.perform(json(worker, post("/api/v1/care/groups/{id}/close", group), "{\"summary\":\"目标达成\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(worker, post("/api/v1/care/groups/{id}/close", group), "{\"summary\":\"目标达成\"}")
                .header("If-Match", "\"99\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(json(worker, post("/api/v1/care/groups/{id}/close", group), "{\"summary\":\" \"}").header("If-Match", etag))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("summary"));
        mvc.perform(json(worker, post("/api/v1/care/groups/{id}/close", group), "{\"summary\":\"组员互相走动，目标达成\"}")
                        .header("If-Match", etag))
                .andExpect(status().isOk()).andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.summary").value("组员互相走动，目标达成")).andExpect(header().exists("ETag"));
        mvc.perform(json(worker, post("/api/v1/care/groups/{id}/members", group), "{\"name\":\"新组员\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select summary from care.groups where id = :id").param("id", group).query(String.class).single())
                .doesNotContain("目标达成");
        assertThat(audits("CARE_GROUP_CLOSE", group)).isEqualTo(1);
        // a colleague in scope sees that it closed, not what the summary says
        mvc.perform(by(COLLEAGUE, get("/api/v1/care/groups/{id}", group))).andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false)).andExpect(jsonPath("$.summary").doesNotExist());
        // and the page shows the worker the summary
        assertThat(mvc.perform(by(worker, get("/care/groups/{id}", group))).andReturn().getResponse().getContentAsString())
                .contains("已结束", "组员互相走动，目标达成");
    }

    @Test
    void anActivityIsRecordedOnceAndABadHeadCountIsRefusedInChinese() throws Exception {
        TestActor worker = worker("api-activity-worker");
        String aKey = UUID.randomUUID().toString();
        mvc.perform(json(worker, post("/api/v1/care/activities"), """
                        {"regionCode":"%s","title":"重阳节活动","heldOn":"%s","place":"道北社区广场","attendance":-1}"""
                        .formatted(DAOBEI, today())))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("attendance"))
                .andExpect(jsonPath("$.errors[0].message").value("参加人次应为 0 至 100000 的整数"));
        String body = """
                {"regionCode":"%s","title":"重阳节活动","heldOn":"%s","place":"广场-%s","attendance":56}"""
                .formatted(DAOBEI, today(), aKey);
        UUID first = id(mvc.perform(json(worker, post("/api/v1/care/activities"), body).header("Idempotency-Key", aKey))
                .andExpect(status().isCreated()));
        assertThat(id(mvc.perform(json(worker, post("/api/v1/care/activities"), body).header("Idempotency-Key", aKey))))
                .isEqualTo(first);
        mvc.perform(by(worker, get("/api/v1/care/activities").param("size", "100"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.place == '广场-%s')].attendance".formatted(aKey)).value(56));
        assertThat(jdbc.sql("select count(*) from care.activities where place = :p").param("p", "广场-" + aKey)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCrisisRunsFromFirstContactToClosingWithTheVersionItWasSeenAt() throws Exception {
        TestActor worker = worker("api-crisis-worker");
        String cKey = UUID.randomUUID().toString();
        UUID person = personInGrid1();
        String body = "{\"situation\":\"扬言轻生\"}";
        UUID crisis = id(mvc.perform(json(worker, post("/api/v1/care/people/{id}/crises", person), body)
                .header("Idempotency-Key", cKey)).andExpect(status().isCreated()));
        assertThat(id(mvc.perform(json(worker, post("/api/v1/care/people/{id}/crises", person), body)
                .header("Idempotency-Key", cKey)))).isEqualTo(crisis);
        String etag = etag(worker, crisis);
        etag = mvc.perform(json(worker, post("/api/v1/care/crises/{id}/contacts", crisis), "{\"text\":\"电话联系\"}")
                        .header("If-Match", etag))
                .andExpect(status().isOk()).andExpect(jsonPath("$.crisis.firstContactAt").exists())
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(json(worker, post("/api/v1/care/crises/{id}/deescalate", crisis), "{\"text\":\"已稳定\"}")
                .header("If-Match", etag)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("解除危机前须已首次联系并制定安全计划"));
        mvc.perform(json(worker, post("/api/v1/care/crises/{id}/safety-plan", crisis), "{\"text\":\"女儿每晚来电\"}")
                .header("If-Match", "\"0\"")).andExpect(status().isPreconditionFailed());
        etag = mvc.perform(json(worker, post("/api/v1/care/crises/{id}/safety-plan", crisis), "{\"text\":\"女儿每晚来电\"}")
                .header("If-Match", etag)).andExpect(status().isOk())
                .andExpect(jsonPath("$.crisis.safetyPlan").value("女儿每晚来电")).andReturn().getResponse().getHeader("ETag");
        etag = mvc.perform(json(worker, post("/api/v1/care/crises/{id}/deescalate", crisis), "{\"text\":\"已稳定\"}")
                .header("If-Match", etag)).andExpect(status().isOk())
                .andExpect(jsonPath("$.crisis.deescalatedAt").exists()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(json(worker, post("/api/v1/care/crises/{id}/close", crisis), "{\"summary\":\"转入个案跟进\"}")
                .header("If-Match", etag)).andExpect(status().isOk()).andExpect(jsonPath("$.open").value(false));
        mvc.perform(by(worker, get("/api/v1/care/crises").param("size", "100"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(crisis)).exists());
        // a plain case is not a crisis
        String location = mvc.perform(by(worker, post("/care/people/{id}/cases", person)).param("intake", "需要个案跟进"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID plainCase = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(by(worker, get("/api/v1/care/crises/{id}", plainCase))).andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "{0}: read {1}, write {2}")
    @CsvSource({
            "COLLEAGUE, 200, 403",
            "COMMUNITY_STATION, 200, 403",
            "SIBLING, 404, 404",
            "OTHER_COUNTY, 404, 404",
            "GRID_WORKER, 403, 403",
    })
    void everyCaseworkEndpointKeepsToTheActorsScope(String who, int read, int write) throws Exception {
        TestActor actor = switch (who) {
            case "COLLEAGUE" -> COLLEAGUE;
            case "COMMUNITY_STATION" -> COMMUNITY_STATION;
            case "SIBLING" -> SIBLING;
            case "OTHER_COUNTY" -> OTHER_COUNTY;
            default -> GRID_WORKER;
        };
        TestActor worker = worker("api-scope-owner");
        UUID person = personInGrid1();
        UUID group = id(mvc.perform(json(worker, post("/api/v1/care/groups"),
                "{\"regionCode\":\"%s\",\"name\":\"互助小组\",\"purpose\":\"目标\"}".formatted(DAOBEI))));
        UUID member = id(mvc.perform(json(worker, post("/api/v1/care/groups/{id}/members", group), "{\"name\":\"组员甲\"}")));
        UUID crisis = id(mvc.perform(json(worker, post("/api/v1/care/people/{id}/crises", person), "{\"situation\":\"情绪失控\"}")));
        mvc.perform(json(worker, post("/api/v1/care/activities"), """
                {"regionCode":"%s","title":"义诊","heldOn":"%s","place":"道北-%s","attendance":30}"""
                .formatted(DAOBEI, today(), who))).andExpect(status().isCreated());

        mvc.perform(by(actor, get("/api/v1/care/groups/{id}", group))).andExpect(status().is(read))
                .andExpect(read == 200 ? jsonPath("$.members").isEmpty() : status().is(read));
        mvc.perform(by(actor, get("/api/v1/care/crises/{id}", crisis))).andExpect(status().is(read))
                .andExpect(read == 200 ? jsonPath("$.intake").doesNotExist() : status().is(read));
        assertThat(list(actor, "/api/v1/care/groups").contains(group.toString())).isEqualTo(read == 200);
        assertThat(list(actor, "/api/v1/care/crises").contains(crisis.toString())).isEqualTo(read == 200);
        assertThat(list(actor, "/api/v1/care/activities").contains("道北-" + who)).isEqualTo(read == 200);

        mvc.perform(json(actor, post("/api/v1/care/groups/{id}/members", group), "{\"name\":\"乙\"}")).andExpect(status().is(write));
        mvc.perform(json(actor, post("/api/v1/care/groups/{id}/meetings", group),
                "{\"heldOn\":\"%s\",\"topic\":\"主题\",\"attended\":[\"%s\"]}".formatted(today(), member)))
                .andExpect(status().is(write));
        mvc.perform(json(actor, post("/api/v1/care/groups/{id}/close", group), "{\"summary\":\"结束\"}").header("If-Match", "\"0\""))
                .andExpect(status().is(write));
        mvc.perform(by(actor, post("/care/groups/{id}/close", group)).param("summary", "结束")).andExpect(status().is(write));
        for (String action : List.of("/api/v1/care/crises/{id}/contacts", "/api/v1/care/crises/{id}/safety-plan",
                "/api/v1/care/crises/{id}/deescalate")) {
            mvc.perform(json(actor, post(action, crisis), "{\"text\":\"记录\"}")
                    .header("If-Match", "\"0\"")).andExpect(status().is(write));
        }
        mvc.perform(json(actor, post("/api/v1/care/crises/{id}/close", crisis), "{\"summary\":\"结案\"}").header("If-Match", "\"0\""))
                .andExpect(status().is(write));
        // opening needs CASEWORK over the person (a colleague in scope may open one) or the region
        mvc.perform(json(actor, post("/api/v1/care/people/{id}/crises", person), "{\"situation\":\"再次危机\"}"))
                .andExpect(status().is(read == 200 ? 201 : write));
        mvc.perform(json(actor, post("/api/v1/care/groups"), "{\"regionCode\":\"%s\",\"name\":\"组\",\"purpose\":\"目标\"}"
                .formatted(TOWN))).andExpect(status().is(who.equals("COLLEAGUE") ? 201 : 403));
        mvc.perform(json(actor, post("/api/v1/care/activities"), """
                {"regionCode":"%s","title":"义诊","heldOn":"%s","place":"广场","attendance":3}""".formatted(DAOBEI, today())))
                .andExpect(status().is(read == 200 ? 201 : 403));
        assertThat(jdbc.sql("select status from care.groups where id = :id").param("id", group).query(String.class).single())
                .isEqualTo("OPEN");
    }

    private String list(TestActor actor, String path) throws Exception {
        var response = mvc.perform(by(actor, get(path).param("size", "100"))).andReturn().getResponse();
        return response.getStatus() == 200 ? response.getContentAsString() : "";
    }

    private String etag(TestActor actor, UUID crisis) throws Exception {
        return mvc.perform(by(actor, get("/api/v1/care/crises/{id}", crisis))).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
    }

    private long audits(String action, UUID object) {
        return jdbc.sql("select count(*) from audit.entries where action = :a and object_id = :id").param("a", action)
                .param("id", object.toString()).query(Long.class).single();
    }

    private static UUID id(ResultActions result) throws Exception {
        return UUID.fromString(JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
}
