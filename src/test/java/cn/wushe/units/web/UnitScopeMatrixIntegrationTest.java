package cn.wushe.units.web;

import static cn.wushe.units.web.UnitFixtures.STATION;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Units in ONE table of who (the actor's UNIT_MANAGE scope, relative to the target unit — the
 * town station of 城关街道 610527001) × what (list, read, update, retire; through the API and the
 * pages) → expected status. Outside the scope a unit does not exist (404, absent from lists and
 * totals). Creating a unit in the target's town is allowed exactly where the scope reaches it, and
 * refused with a Chinese message on the region field elsewhere. Every cell runs in its own
 * rolled-back transaction.
 */
class UnitScopeMatrixIntegrationTest extends UnitWebIntegrationTestBase {

    enum Action {
        LIST, READ, UPDATE, RETIRE, PAGE_READ(READ), PAGE_EDIT_FORM(READ), PAGE_UPDATE(UPDATE), PAGE_RETIRE(RETIRE);

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

    enum Case {
        OWN_TOWN("610527001", 200),
        PARENT_COUNTY("610527", 200),
        CHILD_COMMUNITY("610527001001", 404),
        SIBLING_TOWN("610527102", 404),
        OTHER_COUNTY("610526", 404);

        final String scope;
        final int expected;

        Case(String scope, int expected) {
            this.scope = scope;
            this.expected = expected;
        }

        int expected(Action action) {
            return expected == 200 && (action == Action.PAGE_UPDATE || action == Action.PAGE_RETIRE) ? 302 : expected;
        }

        TestActor actor() {
            return UnitFixtures.admin("units_" + name().toLowerCase(), scope);
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
            boolean listed = page.get("items").valueStream().anyMatch(i -> i.get("id").asString().equals(STATION.toString()));
            assertThat(listed).as("listed").isEqualTo(expected == 200);
            assertThat(page.get("total").asLong()).as("total counts only what is listed").isEqualTo(page.get("items").size());
            return;
        }
        assertThat(response.getStatus()).isEqualTo(expected);
        if (expected == 404 && !action.page()) {
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(json.readTree(response.getContentAsString()).get("type").asString()).isEqualTo("/problems/not-found");
        }
        if (expected >= 400) {
            assertThat(jdbc.sql("select name || active from units.units where id = :id").param("id", STATION.value())
                    .query(String.class).single()).isEqualTo("矩阵测试社工站true");
        }
    }

    /** Registering a unit in the target's town through the API and the form, and the list page. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Case.class)
    void scopeDecidesRegisteringAndListingPages(Case c) throws Exception {
        var auth = authentication(c.actor().authentication());
        long before = count();
        MockHttpServletResponse api = mvc.perform(post("/api/v1/units").with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"TOWN_GOVERNMENT\",\"name\":\"矩阵新办事处\",\"regionCode\":\"610527001\"}"))
                .andReturn().getResponse();
        MockHttpServletResponse form = mvc.perform(post("/units").with(auth).with(csrf()).param("kind", "SOCIAL_ORGANIZATION")
                .param("name", "矩阵新协会").param("regionCode", "610527001")).andReturn().getResponse();
        long created = count() - before;
        if (c.expected == 200) {
            assertThat(api.getStatus()).isEqualTo(201);
            assertThat(form.getStatus()).isEqualTo(302);
            assertThat(created).isEqualTo(2);
        } else {
            assertThat(api.getStatus()).isEqualTo(403);
            JsonNode problem = json.readTree(api.getContentAsString());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/out-of-scope");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("regionCode");
            assertThat(problem.get("errors").get(0).get("message").asString())
                    .isEqualTo("该区划不在您的管辖范围内，不能在此登记单位");
            assertThat(form.getStatus()).isEqualTo(403);
            assertThat(form.getContentAsString()).contains("该区划不在您的管辖范围内，不能在此登记单位");
            assertThat(created).isZero();
        }
        String list = mvc.perform(get("/units").param("region", "610527001").with(auth))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list.contains("矩阵测试社工站")).as("listed").isEqualTo(c.expected == 200);
    }

    private long count() {
        return jdbc.sql("select count(*) from units.units").query(Long.class).single();
    }

    private RequestBuilder request(Case c, Action action) {
        var auth = authentication(c.actor().authentication());
        String path = "/api/v1/units/" + STATION;
        String page = "/units/" + STATION;
        return switch (action) {
            case LIST -> get("/api/v1/units").param("region", "610527001").param("size", "100").with(auth);
            case READ -> get(path).with(auth);
            case UPDATE -> put(path).with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .header("If-Match", "\"" + version(STATION) + "\"").content("{\"name\":\"矩阵改名社工站\"}");
            case RETIRE -> post(path + "/retire").with(auth).with(csrf());
            case PAGE_READ -> get(page).with(auth);
            case PAGE_EDIT_FORM -> get(page + "/edit").with(auth);
            case PAGE_UPDATE -> post(page).with(auth).with(csrf()).param("name", "矩阵改名社工站")
                    .param("version", String.valueOf(version(STATION)));
            case PAGE_RETIRE -> post(page + "/retire").with(auth).with(csrf());
        };
    }
}
