package cn.wushe.volunteering.web;

import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.Volunteers;
import cn.wushe.volunteering.internal.VolunteeringFixtures;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly honours through the API, rolled back: nominated by hand with the year's hours beside it,
 * awarded once, certified in one ZIP; a neighbouring community's worker and another county's are
 * refused (403 naming a region outside theirs, 404 for an honour they cannot see, and lists without it).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class HonourApiIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aVolunteerIsNominatedAwardedAndCertifiedOnlyWithinTheDecidersRegion(@Autowired Volunteers volunteers,
            @Autowired Activities activities, @Autowired UnitManagement units) throws Exception {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor worker = VolunteeringFixtures.worker("vol_honour_api", DAOBEI, organizer);
        TestActor sibling = VolunteeringFixtures.worker("vol_honour_api_sibling", "610527001002", organizer);
        TestActor otherCounty = VolunteeringFixtures.worker("vol_honour_api_other", "610526", organizer);
        UUID volunteer = f.volunteer("honour-api", DAOBEI, null, "表彰志愿者", 971);
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        UUID activity = f.activity("honour-api", DAOBEI, organizer, start, start.plus(4, ChronoUnit.HOURS), 5);
        f.ledgerRow("honour-api", activity, volunteer, start, 240);
        int year = LocalDate.ofInstant(start, ZoneId.of("Asia/Shanghai")).getYear();
        String byHand = """
                {"year":%d,"title":"EXCELLENT_VOLUNTEER","regionCode":"%s","subject":"%s","nominationReason":"防汛值守连续 5 天"}"""
                .formatted(year, DAOBEI, VolunteeringFixtures.identityNumber("610527", 971));

        MockHttpServletResponse created = send(worker, json(post("/api/v1/volunteers/honours/nominations/by-hand"), byHand));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = created.getContentAsString().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");

        String listed = send(worker, get("/api/v1/volunteers/honours").param("year", String.valueOf(year))).getContentAsString();
        assertThat(listed).contains(id, "表彰志愿者", "NOMINATED", "\"minutes\":240");
        for (TestActor outsider : List.of(sibling, otherCounty)) {
            assertThat(send(outsider, json(post("/api/v1/volunteers/honours/nominations/by-hand"), byHand)).getStatus())
                    .isEqualTo(403);
            assertThat(send(outsider, get("/api/v1/volunteers/honours").param("year", String.valueOf(year))).getContentAsString())
                    .doesNotContain(id);
            assertThat(send(outsider, json(post("/api/v1/volunteers/honours/" + id + "/decision"), "{\"award\":true}")).getStatus())
                    .isEqualTo(404);
            assertThat(send(outsider, json(post("/api/v1/volunteers/honours/certificates"),
                    "{\"year\":%d,\"regionCode\":\"%s\"}".formatted(year, DAOBEI))).getStatus()).isEqualTo(403);
            assertThat(send(outsider, json(post("/api/v1/volunteers/honours/nominations"),
                    "{\"year\":%d,\"title\":\"EXCELLENT_VOLUNTEER\",\"regionCode\":\"%s\",\"count\":3}".formatted(year, DAOBEI)))
                    .getStatus()).isEqualTo(403);
        }

        MockHttpServletResponse declineWithoutReason = send(worker, json(post("/api/v1/volunteers/honours/" + id + "/decision"),
                "{\"award\":false}"));
        assertThat(declineWithoutReason.getStatus()).isEqualTo(400);
        assertThat(declineWithoutReason.getContentAsString()).contains("不授予时请写明原因");
        assertThat(send(worker, json(post("/api/v1/volunteers/honours/" + id + "/decision"), "{\"award\":true}")).getStatus())
                .isEqualTo(204);
        assertThat(send(worker, json(post("/api/v1/volunteers/honours/" + id + "/decision"), "{\"award\":false,\"reason\":\"改主意\"}"))
                .getStatus()).isEqualTo(409);

        MockHttpServletResponse zip = send(worker, json(post("/api/v1/volunteers/honours/certificates"),
                "{\"year\":%d,\"regionCode\":\"%s\"}".formatted(year, DAOBEI)));
        assertThat(zip.getStatus()).isEqualTo(200);
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(entries(zip.getContentAsByteArray())).isNotEmpty().allMatch(name -> name.endsWith(".pdf"));
        assertThat(jdbc.sql("select certificate_serial is not null from volunteering.honours where id = cast(:id as uuid)")
                .param("id", id).query(Boolean.class).single()).isTrue();
        // nothing left to certify: said so, not an empty ZIP
        assertThat(send(worker, json(post("/api/v1/volunteers/honours/certificates"),
                "{\"year\":%d,\"regionCode\":\"%s\"}".formatted(year, DAOBEI))).getStatus()).isEqualTo(409);
        MockHttpServletResponse top = send(worker, json(post("/api/v1/volunteers/honours/nominations"),
                "{\"year\":%d,\"title\":\"EXCELLENT_VOLUNTEER\",\"regionCode\":\"%s\",\"count\":3}".formatted(year, DAOBEI)));
        assertThat(top.getStatus()).as(top.getContentAsString()).isEqualTo(200);
        assertThat(top.getContentAsString()).matches("\\{\"nominated\":[0-9]+}");
    }

    private MockHttpServletResponse send(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(actor.authentication())).with(csrf())).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
