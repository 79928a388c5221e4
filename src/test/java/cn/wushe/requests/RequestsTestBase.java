package cn.wushe.requests;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.attachments.TestFiles;
import cn.wushe.identity.MutableClock;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.TestActor;
import cn.wushe.requests.internal.Catalogue;
import cn.wushe.units.internal.UnitManagement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The requests tests' common ground: one application context whose clock starts on Monday
 * 2026-0209 09:00 in 白水县 (the week before 春节, so limits cross the holiday and the 调休 Saturdays),
 * the fixture units and the demo catalogue, and helpers that call the API as a {@link TestActor}.
 * Matters are committed (the clock and the deadlines need them), each test makes its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RequestsTestBase.Clocked.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RequestsTestBase {

    public static final Instant START = LocalDateTime.parse("2026-02-09T09:00").atZone(ClockConfiguration.ZONE).toInstant();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocked {

        @Bean
        @Primary
        MutableClock requestsClock() {
            return new MutableClock(START, ClockConfiguration.ZONE);
        }
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected MutableClock clock;

    @BeforeAll
    void fixtures(@Autowired UnitManagement units, @Autowired Catalogue catalogue) {
        RequestsFixtures.createUnits(units);
        // a town has one government: offices other modules' tests left in this town would take this
        // module's matters instead (committees are shared through TestCommittees, one per community)
        jdbc.sql("""
                update units.units set active = false, retired_at = now()
                where active and kind = 'TOWN_GOVERNMENT' and region_code = :town and id <> :ours""")
                .param("town", RequestsFixtures.TOWN).param("ours", RequestsFixtures.STREET_OFFICE.value())
                .update();
        catalogue.seedDemo(RequestsFixtures.COUNTY);
    }

    protected static String png() {
        return Base64.getEncoder().encodeToString(TestFiles.png(40, 30));
    }

    /** A self-service 低保 application with every material attached and both conditions confirmed. */
    protected Map<String, Object> selfServiceDibao(String community) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("item", "dibao");
        body.put("channel", "SELF_SERVICE");
        body.put("regionCode", community);
        body.put("description", "家庭收入下降，申请低保");
        body.put("conditionsConfirmed", java.util.List.of(0, 1));
        Map<String, Object> materials = new LinkedHashMap<>();
        for (String code : java.util.List.of("id-card", "household-book", "application", "income-proof", "bank-card")) {
            materials.put(code, Map.of("file", Map.of("fileName", code + ".png", "contentBase64", png())));
        }
        body.put("materials", materials);
        return body;
    }

    /** A desk intake of 路灯报修 seen at the desk (one material: the photo, seen). */
    protected Map<String, Object> deskStreetlight(String community) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("item", "streetlight");
        body.put("channel", "DESK");
        body.put("regionCode", community);
        body.put("description", "小区门口路灯不亮");
        body.put("applicantName", "张秀英");
        body.put("applicantPhone", "13912345678");
        body.put("materials", Map.of("photo", Map.of("seenAtDesk", true)));
        return body;
    }

    protected MockHttpServletResponse post(TestActor actor, String path, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(authentication(actor.authentication())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    protected MockHttpServletResponse get(TestActor actor, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(authentication(actor.authentication()))).andReturn().getResponse();
    }

    protected JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    /** Submits and returns the new matter's id; fails when refused. */
    protected UUID submit(TestActor actor, Map<String, Object> body) throws Exception {
        MockHttpServletResponse response = post(actor, "/api/v1/matters", body);
        if (response.getStatus() != 201) {
            throw new AssertionError("intake refused " + response.getStatus() + ": " + response.getContentAsString());
        }
        return UUID.fromString(body(response).get("id").asString());
    }

    protected String status(UUID matter) {
        return jdbc.sql("select status from requests.matters where id = :id").param("id", matter).query(String.class).single();
    }

    /** Waits (polling the database, at most 20 s) until {@code condition} holds: deadlines fire on the scheduler's thread. */
    protected static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(100);
        }
    }

}
