package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.DAOBEI;
import static cn.wushe.registry.RegionFixture.DAOBEI_GRID_1;
import static cn.wushe.registry.RegistryFixtures.GRID_WORKER;
import static cn.wushe.registry.RegistryFixtures.json;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static cn.wushe.registry.RegistryFixtures.newName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.wushe.region.Grids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registry module with the modules it uses (region, audit, platform) and not identity: the
 * events its use cases publish, driven through the web API so the test does not depend on where
 * the use cases live inside the module. Same keys as {@link RegistryIntegrationTestBase}, since all
 * tests share one database.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@RegistryTestKeys
class RegistryModuleIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Grids grids;

    @BeforeEach
    void grids() throws Exception {
        RegionFixture.seedGrids(mvc, grids);
    }

    @Test
    void registeringAPersonPublishesPersonRegistered(Scenario scenario) {
        String body = json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1);

        scenario.stimulate(() -> perform(post("/api/v1/people").content(body)))
                .andWaitForEventOfType(PersonRegistered.class)
                .matching(event -> event.regionCode().equals(DAOBEI_GRID_1))
                .toArriveAndVerify((event, response) -> assertThat(response.getHeader("Location"))
                        .isEqualTo("/api/v1/people/" + event.personId().value()));
    }

    @Test
    void revisingAPersonPublishesPersonRevisedNamingTheChangedFields(Scenario scenario) {
        String body = json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1);
        MockHttpServletResponse created = perform(post("/api/v1/people").content(body));
        assertThat(created.getStatus()).isEqualTo(201);
        PersonId id = PersonId.of(created.getHeader("Location").substring("/api/v1/people/".length()));

        scenario.stimulate(() -> perform(put("/api/v1/people/" + id.value()).header("If-Match", created.getHeader("ETag"))
                        .content(body.replace("高血压，行动不便", "糖尿病"))))
                .andWaitForEventOfType(PersonRevised.class)
                .matching(event -> event.personId().equals(id))
                .toArriveAndVerify(event -> assertThat(event.fields()).containsExactly("健康状况"));
    }

    @Test
    void movingAPersonOutPublishesPersonStatusChanged(Scenario scenario) {
        MockHttpServletResponse created = perform(post("/api/v1/people").content(json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1)));
        PersonId id = PersonId.of(created.getHeader("Location").substring("/api/v1/people/".length()));

        scenario.stimulate(() -> perform(post("/api/v1/people/" + id.value() + "/move-out").header("If-Match", created.getHeader("ETag"))
                        .content("{\"movedOn\":\"2026-11-30\",\"destination\":\"西安市雁塔区\"}")))
                .andWaitForEventOfType(PersonStatusChanged.class)
                .matching(event -> event.person().equals(id))
                .toArriveAndVerify((event, response) -> {
                    assertThat(response.getStatus()).isEqualTo(204);
                    assertThat(event.from()).isEqualTo(PersonStatus.ACTIVE);
                    assertThat(event.to()).isEqualTo(PersonStatus.MOVED_OUT);
                    assertThat(event.effectiveOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 30));
                    assertThat(event.regionCode()).isEqualTo(DAOBEI_GRID_1);
                });
    }

    @Test
    void closingAndReopeningPublishOneStatusEventEach(Scenario scenario) {
        MockHttpServletResponse created = perform(post("/api/v1/people").content(json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1)));
        PersonId id = PersonId.of(created.getHeader("Location").substring("/api/v1/people/".length()));
        assertThat(perform(post("/api/v1/people/" + id.value() + "/close").header("If-Match", "\"0\"")
                .content("{\"reason\":\"DUPLICATE_RECORD\"}")).getStatus()).isEqualTo(204);

        scenario.stimulate(() -> perform(post("/api/v1/people/" + id.value() + "/reopen").header("If-Match", "\"1\"")
                        .content("{\"reason\":\"并非重复建档\"}")))
                .andWaitForEventOfType(PersonStatusChanged.class)
                .matching(event -> event.person().equals(id) && event.to() == PersonStatus.ACTIVE)
                .toArriveAndVerify(event -> assertThat(event.from()).isEqualTo(PersonStatus.CLOSED));
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request.with(authentication(GRID_WORKER.authentication())).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
