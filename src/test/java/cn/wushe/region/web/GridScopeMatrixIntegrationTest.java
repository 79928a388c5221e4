package cn.wushe.region.web;

import static cn.wushe.region.web.GridFixtures.DUKANG_1;
import static cn.wushe.region.web.GridFixtures.MANYI_1;
import static cn.wushe.region.web.GridFixtures.YANGGUO_1;
import static cn.wushe.region.web.GridFixtures.YAOHE_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.TestActor;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * security.md checks 7–9 for grids: ONE table of who (the actor's view and edit scope, relative to
 * the target grid) × what (list, read, update, retire; through the API and through the pages) →
 * expected status. Outside the view scope a
 * grid does not exist (404, and absent from lists and totals); visible but not editable is 403.
 * The two prefix-trap rows prove that scopes compare whole code segments. Every cell runs in its
 * own rolled-back transaction.
 */
class GridScopeMatrixIntegrationTest extends GridWebIntegrationTestBase {

    /** The API's actions, and the pages' forms of the same actions (expected like their API twin; success redirects). */
    enum Action {
        LIST, READ, UPDATE, RETIRE, PAGE_READ(READ), PAGE_EDIT_FORM(UPDATE), PAGE_UPDATE(UPDATE), PAGE_RETIRE(RETIRE);

        final Action api;

        Action() {
            this.api = this;
        }

        Action(Action api) {
            this.api = api;
        }

        boolean page() {
            return api != this;
        }
    }

    /** Target 尧禾村第一网格 610527102200001 (尧禾镇 610527102, 白水县 610527) unless a row says otherwise. */
    enum Case {
        OWN_COMMUNITY("610527102200", "610527102200", YAOHE_1, 200, 200, 200, 200),
        CHILD_GRID("610527102200001", "610527102200001", YAOHE_1, 200, 200, 200, 200),
        PARENT_TOWN("610527102", "610527102", YAOHE_1, 200, 200, 200, 200),
        PARENT_COUNTY("610527", "610527", YAOHE_1, 200, 200, 200, 200),
        SIBLING_COMMUNITY("610527102201", "610527102201", YAOHE_1, 404, 404, 404, 404),
        SIBLING_TOWN("610527103", "610527103", YAOHE_1, 404, 404, 404, 404),
        OTHER_COUNTY("610526", "610526", YAOHE_1, 404, 404, 404, 404),
        /** sees the town, edits only 满义村 */
        VISIBLE_NOT_EDITABLE("610527102", "610527102201", YAOHE_1, 200, 200, 403, 403),
        /** a grid worker: views the community, edits only her own grid 002 */
        GRID_WORKER_NEXT_GRID("610527102200", "610527102200002", YAOHE_1, 200, 200, 403, 403),
        /** 尧禾村 610527102200 → raw prefix "6105271022" would match 满义村 610527102201 */
        PREFIX_TRAP_COMMUNITY("610527102200", "610527102200", MANYI_1, 404, 404, 404, 404),
        /** 桥南镇 610502100 → raw prefix "6105021" would match 阳郭镇 610502101 */
        PREFIX_TRAP_TOWN("610502100", "610502100", YANGGUO_1, 404, 404, 404, 404),
        /** a county scope reaches a grid of another town */
        COUNTY_OTHER_TOWN("610527", "610527", DUKANG_1, 200, 200, 200, 200);

        final String view;
        final String edit;
        final String target;
        final int[] expected;

        Case(String view, String edit, String target, int... expected) {
            this.view = view;
            this.edit = edit;
            this.target = target;
            this.expected = expected;
        }

        int expected(Action action) {
            int status = expected[action.api.ordinal()];
            return status == 200 && (action == Action.PAGE_UPDATE || action == Action.PAGE_RETIRE) ? 302 : status;
        }

        TestActor actor() {
            return GridFixtures.actor(name().toLowerCase(), view, edit);
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Case.values())
                .flatMap(c -> Arrays.stream(Action.values()).map(a -> Arguments.of(c, a, c.expected(a))));
    }

    @Autowired
    ObjectMapper json;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("cells")
    void scopeDecides(Case c, Action action, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(c, action)).andReturn().getResponse();
        if (action == Action.LIST) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode page = json.readTree(response.getContentAsString());
            boolean listed = page.get("items").valueStream().anyMatch(i -> i.get("code").asString().equals(c.target));
            assertThat(listed).as("listed").isEqualTo(expected == 200);
            assertThat(page.get("total").asLong()).as("total counts only what is listed")
                    .isEqualTo(page.get("items").size());
            return;
        }
        assertThat(response.getStatus()).isEqualTo(expected);
        if (expected >= 400 && !action.page()) {
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(json.readTree(response.getContentAsString()).get("type").asString())
                    .isEqualTo(expected == 404 ? "/problems/not-found" : "/problems/forbidden");
        }
        if (expected >= 400 && action.api != Action.READ) {
            assertThat(jdbc.sql("select name, active from region.grids where code = :code").param("code", c.target)
                    .query((rs, i) -> rs.getString(1) + rs.getBoolean(2)).single()).doesNotContain("矩阵").endsWith("true");
        }
    }

    /** Creating a grid in the target's community, through the API and the form, and finding it on the list page. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Case.class)
    void scopeDecidesCreatingAndListingPages(Case c) throws Exception {
        var auth = authentication(c.actor().authentication());
        String community = c.target.substring(0, 12);
        boolean mayCreate = c.target.startsWith(c.edit) || c.edit.startsWith(community);
        long before = jdbc.sql("select count(*) from region.grids").query(Long.class).single();
        int api = mvc.perform(post("/api/v1/grids").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityCode\":\"" + community + "\",\"name\":\"矩阵新网格\"}")).andReturn().getResponse().getStatus();
        int form = mvc.perform(post("/grids").with(auth).with(csrf()).param("communityCode", community)
                .param("name", "矩阵新网格")).andReturn().getResponse().getStatus();
        long created = jdbc.sql("select count(*) from region.grids").query(Long.class).single() - before;
        if (mayCreate && c.edit.length() <= 12) {
            assertThat(api).isEqualTo(201);
            assertThat(form).isEqualTo(302);
            assertThat(created).isEqualTo(2);
        } else {
            assertThat(api).isIn(403, 404);
            assertThat(created).isZero();
        }
        String list = mvc.perform(get("/grids").param("community", community).with(auth))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list.contains(c.target)).as("listed").isEqualTo(c.expected(Action.READ) == 200);
    }

    private RequestBuilder request(Case c, Action action) {
        var auth = authentication(c.actor().authentication());
        String path = "/api/v1/grids/" + c.target;
        String page = "/grids/" + c.target;
        return switch (action) {
            case LIST -> get("/api/v1/grids").param("community", c.target.substring(0, 12)).param("size", "100").with(auth);
            case READ -> get(path).with(auth);
            case UPDATE -> put(path).with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .header("If-Match", "\"" + version(c.target) + "\"").content("{\"name\":\"矩阵改名网格\"}");
            case RETIRE -> post(path + "/retire").with(auth).with(csrf());
            case PAGE_READ -> get(page).with(auth);
            case PAGE_EDIT_FORM -> get(page + "/edit").with(auth);
            case PAGE_UPDATE -> post(page).with(auth).with(csrf()).param("name", "矩阵改名网格")
                    .param("version", String.valueOf(version(c.target)));
            case PAGE_RETIRE -> post(page + "/retire").with(auth).with(csrf());
        };
    }

    private long version(String code) {
        return jdbc.sql("select version from region.grids where code = :code").param("code", code)
                .query(Long.class).single();
    }
}
