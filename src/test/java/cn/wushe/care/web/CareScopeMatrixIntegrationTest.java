package cn.wushe.care.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.care.CareIntegrationTestBase;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * security.md checks 7–9 for care: every endpoint (API and pages) × an actor holding every care
 * permission at the target's own community, a child grid beside the target's, the sibling
 * community, the parent town and the neighbour county. Outside scope the person, the tier change,
 * the 四协助 item and the alert do not exist (404, and absent from every list); inside, the action is
 * allowed (any answer but 403/404: a repeated action may be a 409).
 */
class CareScopeMatrixIntegrationTest extends CareIntegrationTestBase {

    static final Permission[] ALL = {Permission.CARE_VIEW, Permission.CARE_VISIT, Permission.CARE_MANAGE,
            Permission.CARE_TIER_APPROVE, Permission.CASEWORK};

    enum Case {
        OWN(DAOBEI, true), CHILD(GRID_2, false), SIBLING(GONGNONG, false), PARENT(TOWN, true),
        OTHER_COUNTY(NEIGHBOUR_COUNTY, false);

        final TestActor actor;
        final boolean sees;

        Case(String scope, boolean sees) {
            this.actor = actor("care-matrix-" + name().toLowerCase(), "TOWN_STATION", scope, ALL);
            this.sees = sees;
        }
    }

    /** The target: a person in 道北 grid 1 with a pending red tier, an open 四协助 item and an open alert. */
    record Target(UUID person, UUID change, UUID assist, UUID alert) {
    }

    static Target target;

    @BeforeEach
    void target() throws Exception {
        if (target != null) {
            return;
        }
        UUID person = personInGrid1();
        TestActor community = COMMUNITY_WORKER;
        mvc.perform(json(community, post("/api/v1/care/people/{id}/tier", person), "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}"));
        mvc.perform(json(community, post("/api/v1/care/people/{id}/visits", person),
                "{\"assists\":[{\"kind\":\"HAZARD\",\"description\":\"电线老化\"}]}"));
        mvc.perform(json(community, post("/api/v1/care/alerts", person), "{\"personId\":\"" + person + "\",\"summary\":\"独居老人摔倒\"}"));
        target = new Target(person,
                jdbc.sql("select id from care.tier_changes where person_id = :p").param("p", person).query(UUID.class).single(),
                jdbc.sql("select id from care.assists where person_id = :p").param("p", person).query(UUID.class).single(),
                jdbc.sql("select id from care.alerts where person_id = :p").param("p", person).query(UUID.class).single());
    }

    /** One endpoint: the request for a target, and whether it is a list (absence proves the scope) or one object. */
    record Endpoint(String name, Function<Target, MockHttpServletRequestBuilder> request, boolean list, boolean form) {

        Endpoint(String name, Function<Target, MockHttpServletRequestBuilder> request, boolean list) {
            this(name, request, list, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Endpoint[] ENDPOINTS = {
            list("GET /api/v1/care/due", t -> get("/api/v1/care/due").param("which", "ALL").param("size", "100")),
            one("GET /api/v1/care/people/{id}", t -> get("/api/v1/care/people/{id}", t.person())),
            one("POST /api/v1/care/people/{id}/visits", t -> post("/api/v1/care/people/{id}/visits", t.person())
                    .contentType(MediaType.APPLICATION_JSON).content("{}")),
            one("POST /api/v1/care/people/{id}/tier", t -> post("/api/v1/care/people/{id}/tier", t.person())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"factors\":[]}")),
            one("POST /api/v1/care/tier-changes/{id}/decision", t -> post("/api/v1/care/tier-changes/{id}/decision", t.change())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")),
            one("POST /api/v1/care/people/{id}/pairing", t -> post("/api/v1/care/people/{id}/pairing", t.person())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"volunteers\":[]}")),
            one("POST /api/v1/care/assists/{id}/close", t -> post("/api/v1/care/assists/{id}/close", t.assist())
                    .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"已整改\"}")),
            list("GET /api/v1/care/alerts", t -> get("/api/v1/care/alerts").param("open", "false").param("size", "100")),
            one("GET /api/v1/care/alerts/{id}", t -> get("/api/v1/care/alerts/{id}", t.alert())),
            one("POST /api/v1/care/alerts", t -> post("/api/v1/care/alerts").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"personId\":\"" + t.person() + "\",\"summary\":\"又发现情况\"}")),
            one("POST /api/v1/care/alerts/{id}/visited", t -> post("/api/v1/care/alerts/{id}/visited", t.alert())
                    .header("If-Match", "\"0\"")),
            one("POST /api/v1/care/alerts/{id}/close", t -> post("/api/v1/care/alerts/{id}/close", t.alert())
                    .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"disposition\":\"RESOLVED\",\"reason\":\"已处理\"}")),
            list("GET /care", t -> get("/care").param("which", "ALL")),
            list("GET /api/v1/care/dashboard", t -> get("/api/v1/care/dashboard")),
            list("GET /care/dashboard", t -> get("/care/dashboard")),
            one("GET /care/people/{id}", t -> get("/care/people/{id}", t.person())),
            one("GET /care/people/{id}/visit", t -> get("/care/people/{id}/visit", t.person())),
            one("POST /care/people/{id}/visit", t -> post("/care/people/{id}/visit", t.person())),
            one("POST /care/people/{id}/tier", t -> post("/care/people/{id}/tier", t.person())),
            one("POST /care/people/{id}/pairing", t -> post("/care/people/{id}/pairing", t.person())),
            one("POST /care/assists/{id}/close", t -> post("/care/assists/{id}/close", t.assist()).param("outcome", "已整改")
                    .param("version", "0")),
            list("GET /care/approvals", t -> get("/care/approvals")),
            list("GET /care/alerts/new", t -> get("/care/alerts/new")),
            new Endpoint("POST /care/alerts", t -> post("/care/alerts").param("subjectText", "村东头王大爷")
                    .param("regionCode", GRID_1).param("summary", "独居无人照看"), false, true),
            one("POST /care/tier-changes/{id}/decision", t -> post("/care/tier-changes/{id}/decision", t.change())
                    .param("approve", "true")),
            list("GET /care/alerts", t -> get("/care/alerts").param("open", "false")),
            one("GET /care/alerts/{id}", t -> get("/care/alerts/{id}", t.alert())),
            one("POST /care/alerts/{id}/visited", t -> post("/care/alerts/{id}/visited", t.alert()).param("version", "0")),
            one("POST /care/alerts/{id}/close", t -> post("/care/alerts/{id}/close", t.alert()).param("disposition", "RESOLVED")
                    .param("reason", "已处理").param("version", "0")),
    };

    static Endpoint one(String name, Function<Target, MockHttpServletRequestBuilder> request) {
        return new Endpoint(name, request, false);
    }

    static Endpoint list(String name, Function<Target, MockHttpServletRequestBuilder> request) {
        return new Endpoint(name, request, true);
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Case.values()).flatMap(c -> Arrays.stream(ENDPOINTS).map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void outsideTheScopeNothingExists(Case scope, Endpoint endpoint) throws Exception {
        MockHttpServletResponse response = mvc.perform(by(scope.actor, endpoint.request().apply(target)))
                .andReturn().getResponse();
        String body = response.getContentAsString();

        if (endpoint.form()) {
            // a form about a region outside the scope comes back refused, and nothing is raised
            assertThat(response.getStatus() == 302).as(body).isEqualTo(scope.sees);
        } else if (endpoint.list()) {
            assertThat(response.getStatus()).isEqualTo(200);
            if (!scope.sees) {
                assertThat(body).doesNotContain(target.person().toString()).doesNotContain(target.alert().toString())
                        .doesNotContain(target.change().toString());
            }
        } else if (scope.sees) {
            assertThat(response.getStatus()).as(body).isNotIn(403, 404);
        } else {
            assertThat(response.getStatus()).as(body).isEqualTo(404);
        }
    }
}
