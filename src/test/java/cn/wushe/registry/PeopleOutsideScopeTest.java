package cn.wushe.registry;

import cn.wushe.registry.internal.CorrectableField;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.SelfService;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.*;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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

    @BeforeEach
    void registerSomeoneWithACorrectionRequest() {
        PersonDraft draft = draftInGrid1();
        idNumber = draft.idNumber();
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
                        .content("{\"reason\":\"MOVED_AWAY\"}")),
                Arguments.of("deceased", (Endpoint) t -> post("/api/v1/people/" + t.person + "/deceased").header("If-Match", "\"0\"")
                        .content("{\"dateOfDeath\":\"2026-01-01\"}")),
                Arguments.of("household", (Endpoint) t -> get("/api/v1/households/" + t.household)),
                Arguments.of("link resident", (Endpoint) t -> post("/api/v1/people/" + t.person + "/resident-account")
                        .content("{\"userId\":\"" + UUID.randomUUID() + "\"}")),
                Arguments.of("close correction", (Endpoint) t -> post("/api/v1/corrections/" + t.correction + "/close")
                        .content("{\"done\":true}")));
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
        int expected = switch (name) {
            case "read" -> 200;            // town-wide search scope: the minimal projection
            case "revise", "reveal" -> 403; // visible through search, but not theirs to change or unmask
            default -> 404;
        };
        mvc.perform(asUser(SIBLING_WORKER, endpoint.request(this))).andExpect(status().is(expected));
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
