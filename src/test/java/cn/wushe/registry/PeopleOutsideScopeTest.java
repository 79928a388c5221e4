package cn.wushe.registry;

import cn.wushe.registry.internal.CorrectableField;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.SelfService;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.TestActor;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every registry endpoint refuses a user of a neighbouring region: 404 for an object outside all
 * their scopes (its existence does not leak), 403 for an action on an object they can only see.
 */
class PeopleOutsideScopeTest extends RegistryIntegrationTestBase {

    PersonId person;
    UUID household;
    UUID correction;
    String idNumber;
    String name;

    @BeforeEach
    void registerSomeoneWithACorrectionRequest() {
        PersonDraft draft = draftInGrid1();
        idNumber = draft.idNumber();
        name = draft.name();
        person = register(GRID_WORKER, draft);
        household = jdbc.sql("select household_id from registry.people where id = :id").param("id", person.value())
                .query(UUID.class).single();
        TestActor resident = resident("resident-" + UUID.randomUUID());
        jdbc.sql("insert into registry.resident_accounts (user_id, person_id, linked_at) values (:u, :p, now())")
                .param("u", resident.id()).param("p", person.value()).update();
        correction = as(resident, () -> selfService.requestCorrection(resident, CorrectableField.PHONE, "13900001111", null));
    }

    @org.springframework.beans.factory.annotation.Autowired
    SelfService selfService;

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("read", (Endpoint) t -> get("/api/v1/people/" + t.person)),
                Arguments.of("revise", (Endpoint) t -> put("/api/v1/people/" + t.person).header("If-Match", "\"0\"")
                        .content(json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1))),
                Arguments.of("reveal", (Endpoint) t -> post("/api/v1/people/" + t.person + "/reveal").content("{\"reason\":\"核对材料需要\"}")),
                Arguments.of("history", (Endpoint) t -> get("/api/v1/people/" + t.person + "/history")),
                Arguments.of("close", (Endpoint) t -> post("/api/v1/people/" + t.person + "/close").header("If-Match", "\"0\"")
                        .content("{\"reason\":\"NO_LONGER_IN_NEED\"}")),
                Arguments.of("move out", (Endpoint) t -> post("/api/v1/people/" + t.person + "/move-out").header("If-Match", "\"0\"")
                        .content("{\"movedOn\":\"2026-01-01\",\"destination\":\"西安市雁塔区\"}")),
                Arguments.of("reopen", (Endpoint) t -> post("/api/v1/people/" + t.person + "/reopen").header("If-Match", "\"0\"")
                        .content("{\"reason\":\"已迁回\"}")),
                Arguments.of("deceased", (Endpoint) t -> post("/api/v1/people/" + t.person + "/deceased").header("If-Match", "\"0\"")
                        .content("{\"dateOfDeath\":\"2026-01-01\"}")),
                Arguments.of("household", (Endpoint) t -> get("/api/v1/households/" + t.household)),
                Arguments.of("link resident", (Endpoint) t -> post("/api/v1/people/" + t.person + "/resident-account")
                        .content("{\"userId\":\"" + UUID.randomUUID() + "\"}")),
                Arguments.of("close correction", (Endpoint) t -> post("/api/v1/corrections/" + t.correction + "/close")
                        .content("{\"done\":true}")));
    }

    /** The same objects through the pages. */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("read", (Endpoint) t -> get("/people/" + t.person)),
                Arguments.of("edit form", (Endpoint) t -> get("/people/" + t.person + "/edit")),
                Arguments.of("revise", (Endpoint) t -> post("/people/" + t.person + "/edit").param("name", "钱多多")
                        .param("version", "0")),
                Arguments.of("reveal", (Endpoint) t -> post("/people/" + t.person + "/reveal").param("reason", "核对材料需要")),
                Arguments.of("history", (Endpoint) t -> get("/people/" + t.person + "/history")),
                Arguments.of("household", (Endpoint) t -> get("/households/" + t.household)),
                Arguments.of("close record", (Endpoint) t -> post("/people/" + t.person + "/close")
                        .param("version", "0").param("reason", "NO_LONGER_IN_NEED")),
                Arguments.of("move out", (Endpoint) t -> post("/people/" + t.person + "/move-out")
                        .param("version", "0").param("movedOn", "2026-01-01").param("destination", "西安市雁塔区")),
                Arguments.of("reopen", (Endpoint) t -> post("/people/" + t.person + "/reopen")
                        .param("version", "0").param("reason", "已迁回")),
                Arguments.of("close correction", (Endpoint) t -> post("/corrections/" + t.correction + "/close")
                        .param("done", "true")));
    }

    interface Endpoint {
        MockHttpServletRequestBuilder request(PeopleOutsideScopeTest test);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aNeighbourCountysAdminGets404(String name, Endpoint endpoint) throws Exception {
        mvc.perform(asUser(NEIGHBOUR_ADMIN, endpoint.request(this)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theSiblingCommunitysWorkerIsRefused(String name, Endpoint endpoint) throws Exception {
        mvc.perform(asUser(SIBLING_WORKER, endpoint.request(this))).andExpect(status().is(siblingExpects(name)));
    }

    @ParameterizedTest(name = "page {0}")
    @MethodSource("pages")
    void aNeighbourCountysAdminFindsNoPage(String name, Endpoint endpoint) throws Exception {
        mvc.perform(asPageUser(NEIGHBOUR_ADMIN, endpoint.request(this))).andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "page {0}")
    @MethodSource("pages")
    void theSiblingCommunitysWorkerIsRefusedThePage(String name, Endpoint endpoint) throws Exception {
        mvc.perform(asPageUser(SIBLING_WORKER, endpoint.request(this))).andExpect(status().is(siblingExpects(name)));
    }

    /** What the worker of the sibling community 工农 gets, through the API and the pages alike. */
    private static int siblingExpects(String endpoint) {
        return switch (endpoint) {
            case "read" -> 200;                            // town-wide search scope: the minimal projection
            case "revise", "reveal", "edit form" -> 403;   // visible through search, but not theirs to change or unmask
            default -> 404;
        };
    }

    private static MockHttpServletRequestBuilder asPageUser(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }

    @Test
    void listsSearchesAndCountsLeaveOutOtherCountiesPeople() throws Exception {
        mvc.perform(asUser(NEIGHBOUR_ADMIN, get("/api/v1/people?size=100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(person.toString()))));
        mvc.perform(asUser(NEIGHBOUR_ADMIN, post("/api/v1/people/lookup")).content("{\"query\":\"" + idNumber + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(asUser(NEIGHBOUR_ADMIN, get("/api/v1/people/counts")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$._ALL").value(0));
        mvc.perform(asUser(NEIGHBOUR_ADMIN, get("/api/v1/households?size=100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(household.toString()))));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/households?region=" + DAOBEI_GRID_1 + "&size=100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(household.toString())));
        mvc.perform(asUser(NEIGHBOUR_ADMIN, get("/api/v1/corrections")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(correction.toString()))));
        mvc.perform(asUser(SIBLING_WORKER, get("/api/v1/people?region=" + DAOBEI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void theListPagesLeaveOutOtherCountiesAndSiblingsPeople() throws Exception {
        String id = person.toString();
        assertThat(page(COMMUNITY_WORKER, get("/people").param("name", name))).contains(id);
        assertThat(page(NEIGHBOUR_ADMIN, get("/people").param("name", name))).doesNotContain(id);
        assertThat(page(SIBLING_WORKER, get("/people").param("region", DAOBEI).param("name", name))).doesNotContain(id);
        assertThat(page(COMMUNITY_WORKER, post("/people/search").param("q", idNumber))).contains(id);
        assertThat(page(NEIGHBOUR_ADMIN, post("/people/search").param("q", idNumber))).doesNotContain(id);
        assertThat(page(COMMUNITY_WORKER, get("/corrections"))).contains(correction.toString());
        assertThat(page(NEIGHBOUR_ADMIN, get("/corrections"))).doesNotContain(correction.toString());
    }

    private String page(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(asPageUser(actor, request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aNeighbourCannotRegisterIntoThisCountyThroughTheForm() throws Exception {
        long before = count("registry.people");
        mvc.perform(asPageUser(NEIGHBOUR_ADMIN, post("/people/new").param("name", newName()).param("idNumber", newIdNumber())
                        .param("place", DAOBEI + "|" + DAOBEI_GRID_1).param("phone", "13800001111")
                        .param("categories[0].code", "DIBAO").param("categories[0].startDate", "2025-03-01")
                        .param("categories[0].source", "县民政局").param("confirmDistinct", "true")))
                .andExpect(status().isForbidden());
        assertThat(count("registry.people")).isEqualTo(before);
    }

    @Test
    void aNeighbourCannotRegisterIntoThisCounty() throws Exception {
        mvc.perform(asUser(NEIGHBOUR_ADMIN, post("/api/v1/people")).content(json(newName(), newIdNumber(), DAOBEI, null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/out-of-scope"));
    }

    @Test
    void withoutThePermissionTheEndpointIsForbidden() throws Exception {
        TestActor resident = resident("someone");
        mvc.perform(asUser(resident, get("/api/v1/people"))).andExpect(status().isForbidden());
        mvc.perform(asUser(resident, get("/api/v1/people/" + person))).andExpect(status().isForbidden());
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/me/person"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/people/" + person)).andExpect(status().isUnauthorized());
    }
}
