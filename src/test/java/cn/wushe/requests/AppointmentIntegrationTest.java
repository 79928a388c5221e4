package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.GONGNONG;
import static cn.wushe.requests.RequestsFixtures.GONGNONG_COMMITTEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.TestActor;
import cn.wushe.requests.internal.DeskHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 错时服务: 道北's desk hours with a Tuesday evening of one place per slot; the last place under
 * concurrent bookings goes to one; past, outside-hours and full slots are refused; the reminder is
 * a deadline the day before; outside the community nobody books, sets hours or records attendance.
 */
class AppointmentIntegrationTest extends RequestsTestBase {

    final TestActor worker = RequestsFixtures.communityWorker("slot_worker", DAOBEI, DAOBEI_COMMITTEE);
    final TestActor sibling = RequestsFixtures.communityWorker("slot_sibling", GONGNONG, GONGNONG_COMMITTEE);
    final TestActor otherCounty = RequestsFixtures.resident("slot_other_county", "610526100001");

    @Autowired
    DeskHours deskHours;

    @BeforeAll
    void hours() throws Exception {
        // a database kept from an earlier run (the clock starts on the same day each run) holds its bookings
        jdbc.sql("update requests.appointments set status = 'CANCELLED' where community_code = :c and status = 'BOOKED'")
                .param("c", DAOBEI).update();
        List<Map<String, Object>> hours = List.of(
                Map.of("weekday", 2, "opens", "18:30:00", "closes", "20:30:00", "slotMinutes", 30, "capacity", 1, "openOnHoliday", false),
                Map.of("weekday", 6, "opens", "09:00:00", "closes", "12:00:00", "slotMinutes", 30, "capacity", 2, "openOnHoliday", true));
        assertThat(mvc.perform(MockMvcRequestBuilders.put("/api/v1/appointments/hours").param("community", DAOBEI)
                .with(authentication(sibling.authentication())).with(csrf()).contentType("application/json")
                .content(json.writeValueAsString(hours))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.put("/api/v1/appointments/hours").param("community", DAOBEI)
                .with(authentication(worker.authentication())).with(csrf()).contentType("application/json")
                .content(json.writeValueAsString(hours))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /** A Tuesday evening slot at least a week ahead (and after any holiday week). */
    Instant tuesdayEvening(int weeksAhead, String time) {
        LocalDate day = clock.instant().atZone(cn.wushe.platform.ClockConfiguration.ZONE).toLocalDate().plusWeeks(weeksAhead)
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        return ZonedDateTime.of(day, LocalTime.parse(time), cn.wushe.platform.ClockConfiguration.ZONE).toInstant();
    }

    @Test
    void theLastPlaceGoesToOneOfTwoConcurrentBookings() throws Exception {
        Instant slot = tuesdayEvening(3, "19:00");
        TestActor first = RequestsFixtures.resident("slot_first", DAOBEI);
        TestActor second = RequestsFixtures.resident("slot_second", DAOBEI);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (TestActor resident : List.of(first, second)) {
            Callable<String> booking = () -> {
                start.await();
                try {
                    deskHours.book(resident, DAOBEI, "dibao", slot);
                    return "booked";
                } catch (DomainException e) {
                    return e.type().slug();
                }
            };
            outcomes.add(pool.submit(booking));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder("booked", "slot-unavailable");
        assertThat(jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like 'requests.appointment-reminder|%' "
                + "and execution_time = :at").param("at", java.sql.Timestamp.from(slot.minus(java.time.Duration.ofDays(1))))
                .query(Long.class).single()).as("reminded the day before").isEqualTo(1);
    }

    @Test
    void pastFullAndOutsideHoursSlotsAreRefusedInChinese() throws Exception {
        TestActor resident = RequestsFixtures.resident("slot_resident", DAOBEI);
        Instant slot = tuesdayEvening(4, "18:30");
        assertThat(book(resident, DAOBEI, slot).getStatus()).isEqualTo(201);
        MockHttpServletResponse full = book(RequestsFixtures.resident("slot_late", DAOBEI), DAOBEI, slot);
        assertThat(full.getStatus()).isEqualTo(409);
        assertThat(body(full).get("detail").asString()).isEqualTo("这个时段已约满，请选择其他时段");
        assertThat(body(book(resident, DAOBEI, tuesdayEvening(4, "21:00"))).get("detail").asString())
                .isEqualTo("这个时间不在社区的服务时段内");
        assertThat(body(book(resident, DAOBEI, clock.instant().minusSeconds(3600))).get("detail").asString())
                .isEqualTo("这个时段已经过去，请选择以后的时段");
        assertThat(book(otherCounty, DAOBEI, tuesdayEvening(4, "19:30")).getStatus()).isEqualTo(403);
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.post("/matters/appointments").param("community", DAOBEI)
                .param("item", "dibao").param("startsAt", tuesdayEvening(4, "19:30").toString())
                .with(authentication(otherCounty.authentication())).with(csrf())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(403);

        String id = jdbc.sql("select id::text from requests.appointments where user_id = :user and status = 'BOOKED'")
                .param("user", resident.id()).query(String.class).single();
        assertThat(post(sibling, "/api/v1/appointments/" + id + "/attendance", Map.of("attended", false)).getStatus())
                .as("another community's desk").isEqualTo(404);
        assertThat(post(otherCounty, "/api/v1/appointments/" + id + "/cancel", Map.of()).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/matters/appointments/" + id + "/cancel")
                .with(authentication(resident.authentication())).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(book(RequestsFixtures.resident("slot_after_cancel", DAOBEI), DAOBEI, slot).getStatus())
                .as("the cancelled place is free again").isEqualTo(201);
        assertThat(get(resident, "/api/v1/appointments/slots?community=" + DAOBEI).getStatus()).isEqualTo(200);
        assertThat(get(resident, "/api/v1/appointments").getStatus()).isEqualTo(200);
        assertThat(get(resident, "/matters/appointments").getContentAsString()).contains("晚间");
    }

    private MockHttpServletResponse book(TestActor actor, String community, Instant start) throws Exception {
        return post(actor, "/api/v1/appointments", Map.of("communityCode", community, "item", "dibao", "startsAt", start.toString()));
    }
}
