package cn.wushe.region.web;

import static cn.wushe.region.web.GridFixtures.YAOHE_1;
import static cn.wushe.region.web.GridFixtures.YAOHE_VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The grid API as a client sees it: problem+json naming the field for each bad input with nothing
 * written, numbering, conflicts, ETag/If-Match, and an audit entry for every change in the same
 * transaction. Each test is rolled back.
 */
class GridApiIntegrationTest extends GridWebIntegrationTestBase {

    static final String SQUARE = "[[109.59,35.17],[109.60,35.17],[109.60,35.18],[109.59,35.18],[109.59,35.17]]";

    /** Community worker of 尧禾村, edits its grids. */
    final Authentication yaoheWorker = GridFixtures.yaoheWorker("yaohe");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"communityCode":"61052710220","name":"网格"}                                  | communityCode | 社区代码应为 12 位数字
            {"communityCode":"610527102299","name":"网格"}                                 | communityCode | 社区代码 610527102299 不存在
            {"communityCode":"610527102200","code":"6105271022000012","name":"网格"}       | code          | 网格代码应为 15 位数字（社区代码 12 位 + 网格序号 3 位）
            {"communityCode":"610527102200","code":"61052710220000A","name":"网格"}        | code          | 网格代码应为 15 位数字（社区代码 12 位 + 网格序号 3 位）
            {"communityCode":"610527102200","code":"610527102201009","name":"网格"}        | code          | 网格代码须以所属社区代码 610527102200 开头
            {"communityCode":"610527102200","code":"610527102200000","name":"网格"}        | code          | 网格序号应为 001–999
            {"communityCode":"610527102200","name":" "}                                    | name          | 网格名称不能为空
            {"communityCode":"610527102200"}                                               | name          | 网格名称不能为空
            {"communityCode":"610527102200","name":"网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网网"} | name | 网格名称不能超过 50 个字
            {"communityCode":"610527102200","name":"网格","centreLat":91,"centreLng":109.5}  | centreLat     | 中心点纬度应在 -90 到 90 之间
            {"communityCode":"610527102200","name":"网格","centreLat":35.1,"centreLng":-181} | centreLng     | 中心点经度应在 -180 到 180 之间
            {"communityCode":"610527102200","name":"网格","centreLat":35.1}                  | centreLng     | 中心点的纬度和经度须同时填写
            {"communityCode":"610527102200","name":"网格","boundary":{"type":"Point","coordinates":[109.5,35.1]}} | boundary | 网格边界应为 GeoJSON 的 Polygon 或 MultiPolygon（实际为 Point）
            {"communityCode":"610527102200","name":"网格","boundary":{"type":"Polygon","coordinates":[[[109.5,35.1],[109.6,35.1],[109.6,35.2],[109.5,35.2]]]}} | boundary | 网格边界的环未闭合：首尾坐标点应相同
            {"communityCode":"610527102200","name":"网格","boundary":"not json"}          | boundary      | 网格边界不是有效的 JSON
            """)
    void refusesBadInputNamingTheFieldAndWritesNothing(String body, String field, String message) throws Exception {
        long grids = count("region.grids");
        long audit = AuditFixture.entriesIn(jdbc).count();
        create(body).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-input"))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message").value(message));
        assertThat(count("region.grids")).isEqualTo(grids);
        assertThat(AuditFixture.entriesIn(jdbc).count()).isEqualTo(audit);
    }

    @Test
    void namesEveryWrongFieldAtOnce() throws Exception {
        create("{\"communityCode\":\"x\",\"name\":\"\",\"centreLat\":100,\"centreLng\":200}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "communityCode", "name", "centreLat", "centreLng")));
    }

    @Test
    void refusesUnknownPropertiesSoNothingIsMassAssigned() throws Exception {
        create("{\"communityCode\":\"610527102200\",\"name\":\"网格\",\"countyCode\":\"610526\",\"version\":7}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unreadable-body"));
    }

    @Test
    void takesTheNextFreeNumberWhenTheCodeIsLeftOut() throws Exception {
        int highest = jdbc.sql("select max(right(code, 3)::int) from region.grids where community_code = :c")
                .param("c", YAOHE_VILLAGE).query(Integer.class).single();
        String expected = YAOHE_VILLAGE + "%03d".formatted(highest + 1);
        create("{\"communityCode\":\"610527102200\",\"name\":\"新网格\",\"centreLat\":35.1771234,\"centreLng\":109.59,"
                + "\"boundary\":{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/grids/" + expected))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.code").value(expected))
                .andExpect(jsonPath("$.countyCode").value("610527"))
                .andExpect(jsonPath("$.communityFullName").value("陕西省/渭南市/白水县/尧禾镇/尧禾村委会"))
                .andExpect(jsonPath("$.centreLat").value(35.177123))
                .andExpect(jsonPath("$.boundary.type").value("Polygon"))
                .andExpect(jsonPath("$.active").value(true));
        assertThat(auditDetail("GRID_CREATE", expected)).contains("\"after\":{\"name\":\"新网格\"");
    }

    @Test
    void refusesADuplicateCodeWith409NamingTheField() throws Exception {
        long grids = count("region.grids");
        create("{\"communityCode\":\"610527102200\",\"code\":\"" + YAOHE_1 + "\",\"name\":\"重复网格\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/grid-exists"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("网格代码 " + YAOHE_1 + " 已存在"));
        assertThat(count("region.grids")).isEqualTo(grids);
    }

    @Test
    void refusesCreatingInANeighbouringCommunity() throws Exception {
        create("{\"communityCode\":\"610527102201\",\"name\":\"越界网格\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @ParameterizedTest(name = "{0} → field {1}")
    @CsvSource(textBlock = """
            /api/v1/grids/61052710220000,   code
            /api/v1/grids/61052710220000X,  code
            /api/v1/grids?community=6105,   community
            /api/v1/grids?size=101,         size
            /api/v1/grids?page=-1,          page
            /api/v1/regions/61052,          code
            /api/v1/regions/61052x,         code
            /api/v1/regions/61052/children, code
            /api/v1/regions?q=白,           q
            /api/v1/regions?q=尧禾&limit=0,  limit
            """)
    void refusesAMalformedCodeOrParameterNamingIt(String uri, String field) throws Exception {
        mvc.perform(get(uri).with(authentication(yaoheWorker)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void editsNeedTheCurrentVersionInIfMatch() throws Exception {
        String etag = mvc.perform(get("/api/v1/grids/" + YAOHE_1).with(authentication(yaoheWorker)))
                .andExpect(status().isOk()).andExpect(header().exists("ETag"))
                .andReturn().getResponse().getHeader("ETag");
        long version = Long.parseLong(etag.replace("\"", ""));
        String body = "{\"name\":\"尧禾村东片网格\",\"centreLat\":35.2,\"centreLng\":109.6}";

        update(null, body).andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("/problems/if-match-required"));
        update("\"" + (version + 1) + "\"", body).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/version-mismatch"));
        assertThat(name(YAOHE_1)).isEqualTo("尧禾村第一网格");

        update(etag, body).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (version + 1) + "\""))
                .andExpect(jsonPath("$.name").value("尧禾村东片网格"));
        update(etag, body).andExpect(status().isPreconditionFailed());
        assertThat(auditDetail("GRID_UPDATE", YAOHE_1))
                .contains("\"before\":{\"name\":\"尧禾村第一网格\"", "\"after\":{\"name\":\"尧禾村东片网格\",\"centre\":\"35.200000,109.600000\"");
    }

    @Test
    void retiresOnceWithAnAuditEntryAndRefusesChangesAfterwards() throws Exception {
        mvc.perform(post("/api/v1/grids/" + YAOHE_1 + "/retire").with(authentication(yaoheWorker)).with(csrf())
                        .header("If-Match", "\"999\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/grids/" + YAOHE_1 + "/retire").with(authentication(yaoheWorker)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.retiredAt").isNotEmpty());
        mvc.perform(post("/api/v1/grids/" + YAOHE_1 + "/retire").with(authentication(yaoheWorker)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/grid-retired"));
        assertThat(auditDetail("GRID_RETIRE", YAOHE_1)).contains("\"before\":{", "\"active\":true", "\"active\":false");
        assertThat(AuditFixture.entriesIn(jdbc).about("GRID_RETIRE", YAOHE_1).getLast())
                .extracting(AuditFixture.Entry::actorName, AuditFixture.Entry::objectRegion, AuditFixture.Entry::outcome)
                .containsExactly("yaohe", YAOHE_1, "SUCCESS");
    }

    @Test
    void listsOnlyTheScopeWithATotalCountedInSql() throws Exception {
        Authentication town = TestActor.of("yaohe-town", "TOWN_STATION", "610527102", Permission.GRID_VIEW)
                .authentication();
        long inTown = jdbc.sql("select count(*) from region.grids where left(code, 9) = '610527102'")
                .query(Long.class).single();
        mvc.perform(get("/api/v1/grids").param("size", "1").with(authentication(town)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(inTown))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.size").value(1));
        mvc.perform(get("/api/v1/grids").param("q", "第一网格").param("active", "true").param("size", "100")
                        .with(authentication(town)))
                .andExpect(jsonPath("$.items[*].code").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.startsWith("610527102"))));
    }

    @Test
    void refusesAnonymousCallersAndUsersWithoutGridPermission() throws Exception {
        mvc.perform(get("/api/v1/grids")).andExpect(status().isUnauthorized());
        Authentication volunteer = TestActor.of("vol", "VOLUNTEER", "610527102200", Permission.SELF_SERVICE)
                .authentication();
        mvc.perform(get("/api/v1/grids").with(authentication(volunteer))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/grids").with(authentication(TestActor.of("viewer", "GRID_WORKER", YAOHE_VILLAGE,
                        Permission.GRID_VIEW).authentication())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityCode\":\"610527102200\",\"name\":\"网格\"}"))
                .andExpect(status().isForbidden());
    }

    private ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/v1/grids").with(authentication(yaoheWorker)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions update(String ifMatch, String body) throws Exception {
        var request = put("/api/v1/grids/" + YAOHE_1).with(authentication(yaoheWorker)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String name(String code) {
        return jdbc.sql("select name from region.grids where code = :c").param("c", code).query(String.class).single();
    }

    private String auditDetail(String action, String code) {
        return AuditFixture.entriesIn(jdbc).about(action, code).getLast().detail();
    }
}
