package cn.wushe.volunteering.internal;

import static cn.wushe.volunteering.internal.HoursReportsIntegrationTest.refusal;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static cn.wushe.volunteering.internal.VolunteeringRulesIntegrationTest.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import java.util.UUID;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 好事积分: the county keeps the list of deeds (a town or community worker may not, another county is
 * out of scope); a worker of the volunteer's community awards one by the card with a note, credited
 * to the ledger and the balance; a worker of another community does not find the volunteer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeedsIntegrationTest {

    @Autowired
    MockMvc mvc;

    /** POST /api/v1/volunteers/store/deeds: the county adds (201); a community worker 403; another county 403 out of scope. */
    @Test
    void onlyTheCountyAddsDeedsThroughTheApi(@Autowired UnitManagement units, @Autowired Volunteers volunteers,
            @Autowired Activities activities) throws Exception {
        UUID organizer = new VolunteeringFixtures(volunteers, activities, units, jdbc).committee(DAOBEI).value();
        String body = "{\"countyCode\":\"610527\",\"name\":\"扶老人过马路" + VolunteeringFixtures.RUN + "\",\"points\":3}";
        for (Object[] c : new Object[][] {{"vol_deeds_api_county", "610527", 201}, {"vol_deeds_api_community", DAOBEI, 403},
                {"vol_deeds_api_other", "610526", 403}}) {
            TestActor actor = VolunteeringFixtures.worker((String) c[0], (String) c[1], organizer);
            int status = mvc.perform(post("/api/v1/volunteers/store/deeds").contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(authentication(actor.authentication())).with(csrf())).andReturn().getResponse().getStatus();
            assertThat(status).as((String) c[1]).isEqualTo(c[2]);
        }
    }

    @Autowired
    Deeds deeds;
    @Autowired
    Points points;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCountyListsDeedsAndAWorkerAwardsOneWithANote(@Autowired Volunteers volunteers, @Autowired Activities activities,
            @Autowired UnitManagement units) {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor county = VolunteeringFixtures.worker("vol_deeds_county", "610527", organizer);
        TestActor community = VolunteeringFixtures.worker("vol_deeds_community", DAOBEI, organizer);
        TestActor otherCounty = VolunteeringFixtures.worker("vol_deeds_other", "610526", organizer);
        UUID volunteer = f.volunteer("deeds", DAOBEI, null, "好事志愿者", 971);
        String name = "垃圾分类" + VolunteeringFixtures.RUN;

        UUID deed = as(county, () -> deeds.add(county, "610527", name, 5));

        assertThat(refusal(() -> as(county, () -> deeds.add(county, "610527", name, 8)))).contains("400", "同名");
        assertThat(refusal(() -> as(county, () -> deeds.add(county, "610527", "扶老人过马路", 0)))).contains("400", "1 到 1000");
        assertThat(refusal(() -> as(community, () -> deeds.add(community, "610527", "扶老人过马路", 3)))).contains("403", "县级");
        assertThat(refusal(() -> as(otherCounty, () -> deeds.add(otherCounty, "610527", "扶老人过马路", 3)))).startsWith("403");
        assertThat(as(community, () -> deeds.list(community))).extracting(Deeds.Deed::id).contains(deed);
        assertThat(as(otherCounty, () -> deeds.list(otherCounty))).extracting(Deeds.Deed::id).doesNotContain(deed);

        String card = points.cardCode(volunteer);
        int before = points.balance("610527", DAOBEI, volunteer);
        Deeds.Awarded awarded = as(community, () -> deeds.award(community, card, deed, "帮助邻居分拣垃圾"));

        assertThat(awarded.points()).isEqualTo(5);
        assertThat(awarded.balanceAfter()).isEqualTo(before + 5);
        assertThat(awarded.volunteerName()).doesNotContain("好事志愿者");
        assertThat(jdbc.sql("select reason from volunteering.points_ledger where volunteer_id = :v and kind = 'DEED'")
                .param("v", volunteer).query(String.class).single()).isEqualTo("帮助邻居分拣垃圾");
        assertThat(refusal(() -> as(community, () -> deeds.award(community, card, deed, " ")))).contains("400", "什么好事");
        assertThat(refusal(() -> as(community, () -> deeds.award(community, volunteer + ".forged", deed, "帮助邻居")))).contains("400");
        assertThat(refusal(() -> as(community, () -> deeds.award(community, card, UUID.randomUUID(), "帮助邻居")))).contains("400", "列表");
        TestActor sibling = VolunteeringFixtures.worker("vol_deeds_sibling", "610527001002", organizer);
        assertThat(refusal(() -> as(sibling, () -> deeds.award(sibling, card, deed, "帮助邻居")))).startsWith("404");
        assertThat(points.balance("610527", DAOBEI, volunteer)).isEqualTo(before + 5);
    }

    /**
     * 好事清单: changing a deed's points applies to new awards only (the ledger keeps 5 and then 8),
     * a retired deed takes no award and leaves the keepers' list, stays on the page with its reason and
     * comes back unless an active deed took its name meanwhile; every change is kept and audited.
     */
    @Test
    void theCountyChangesRetiresAndReinstatesADeedAndAwardsKeepTheirPoints(@Autowired Volunteers volunteers,
            @Autowired Activities activities, @Autowired UnitManagement units) {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor county = VolunteeringFixtures.worker("vol_deedlist_county", "610527", organizer);
        TestActor community = VolunteeringFixtures.worker("vol_deedlist_community", DAOBEI, organizer);
        TestActor otherCounty = VolunteeringFixtures.worker("vol_deedlist_other", "610526", organizer);
        UUID volunteer = f.volunteer("deedlist", DAOBEI, null, "清单志愿者", 972);
        String card = points.cardCode(volunteer);
        String name = "邻里互助" + VolunteeringFixtures.RUN;
        UUID deed = as(county, () -> deeds.add(county, "610527", name, 5));
        as(community, () -> deeds.award(community, card, deed, "帮邻居搬家"));

        as(county, () -> { deeds.changePoints(county, deed, 8); return null; });
        as(community, () -> deeds.award(community, card, deed, "帮邻居修水管"));
        assertThat(jdbc.sql("select points from volunteering.points_ledger where volunteer_id = :v and reference_id = :d order by recorded_at, points")
                .param("v", volunteer).param("d", deed).query(Integer.class).list()).containsExactly(5, 8);
        assertThat(refusal(() -> as(county, () -> { deeds.changePoints(county, deed, 8); return null; }))).contains("400", "没有变化");
        assertThat(refusal(() -> as(county, () -> { deeds.changePoints(county, deed, 1001); return null; }))).contains("400", "1 到 1000");
        assertThat(refusal(() -> as(community, () -> { deeds.changePoints(community, deed, 9); return null; }))).contains("403", "县级");
        assertThat(refusal(() -> as(otherCounty, () -> { deeds.changePoints(otherCounty, deed, 9); return null; }))).startsWith("404");

        assertThat(refusal(() -> as(county, () -> { deeds.retire(county, deed, " "); return null; }))).contains("400", "停用理由");
        as(county, () -> { deeds.retire(county, deed, "并入文明劝导"); return null; });
        assertThat(refusal(() -> as(community, () -> deeds.award(community, card, deed, "帮邻居买菜")))).contains("400", "列表");
        assertThat(as(community, () -> deeds.list(community))).extracting(Deeds.Deed::id).doesNotContain(deed);
        Deeds.DeedList kept = as(county, () -> deeds.kept(county, "610527"));
        assertThat(kept.deeds()).filteredOn(d -> d.id().equals(deed)).singleElement()
                .satisfies(d -> assertThat(d.active()).isFalse()).satisfies(d -> assertThat(d.retireReason()).isEqualTo("并入文明劝导"));
        assertThat(kept.changes()).extracting(Deeds.DeedChange::label).contains(name + "：5 分改为 8 分", name + "：停用");
        assertThat(refusal(() -> as(community, () -> deeds.kept(community, "610527")))).contains("403");
        assertThat(jdbc.sql("select count(*) from volunteering.points_ledger where volunteer_id = :v and reference_id = :d")
                .param("v", volunteer).param("d", deed).query(Integer.class).single()).isEqualTo(2);

        UUID sameName = as(county, () -> deeds.add(county, "610527", name, 3));
        assertThat(refusal(() -> as(county, () -> { deeds.reinstate(county, deed); return null; }))).contains("400", "同名");
        as(county, () -> { deeds.retire(county, sameName, "重复了"); return null; });
        as(county, () -> { deeds.reinstate(county, deed); return null; });
        assertThat(as(community, () -> deeds.list(community))).extracting(Deeds.Deed::id).contains(deed).doesNotContain(sameName);
        assertThat(jdbc.sql("""
                select count(*) from audit.entries where object_id = :id
                  and action in ('POINTS_DEED_ADD', 'POINTS_DEED_CHANGE', 'POINTS_DEED_RETIRE', 'POINTS_DEED_REINSTATE')""")
                .param("id", deed.toString()).query(Integer.class).single()).isEqualTo(4);
    }

    /**
     * 每小时积分 per county: the county's own rate applies to hours confirmed from then on; a row
     * confirmed before keeps what it earned; a community worker may not set it, another county is refused.
     */
    @Test
    void theCountysHourRateAppliesToHoursConfirmedFromThenOn(@Autowired Volunteers volunteers, @Autowired Activities activities,
            @Autowired UnitManagement units, @Autowired HoursLedger ledger) {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor county = VolunteeringFixtures.worker("vol_rate_county", "610527", organizer);
        TestActor community = VolunteeringFixtures.worker("vol_rate_community", DAOBEI, organizer);
        TestActor otherCounty = VolunteeringFixtures.worker("vol_rate_other", "610526", organizer);
        UUID volunteer = f.volunteer("rate" + VolunteeringFixtures.RUN, DAOBEI, null, "费率志愿者", 973);
        java.time.Instant day = java.time.Instant.now().minus(3, java.time.temporal.ChronoUnit.DAYS);
        UUID before = f.activity("rate-before" + VolunteeringFixtures.RUN, DAOBEI, organizer, day, day.plusSeconds(7200), 5);
        UUID after = f.activity("rate-after" + VolunteeringFixtures.RUN, DAOBEI, organizer, day.plusSeconds(10_800), day.plusSeconds(14_400), 5);
        f.attendance(before, volunteer, day, day.plusSeconds(7200));
        f.attendance(after, volunteer, day.plusSeconds(10_800), day.plusSeconds(14_400));
        int rate = points.hourRate("610527").pointsPerHour();
        try {
            as(county, () -> ledger.confirm(county, before, new HoursLedger.Confirmation(java.util.Map.of(), java.util.Map.of(), null)));
            assertThat(refusal(() -> as(community, () -> points.setHourRate(community, "610527", 25)))).contains("403", "县级");
            assertThat(refusal(() -> as(otherCounty, () -> points.setHourRate(otherCounty, "610527", 25)))).startsWith("403");
            assertThat(refusal(() -> as(county, () -> points.setHourRate(county, "610527", -1)))).contains("400", "0 到 1000");
            Points.HourRate set = as(county, () -> points.setHourRate(county, "610527", rate + 15));
            assertThat(set.countySet()).isTrue();
            assertThat(points.hourRate("610527").pointsPerHour()).isEqualTo(rate + 15);
            as(county, () -> ledger.confirm(county, after, new HoursLedger.Confirmation(java.util.Map.of(), java.util.Map.of(), null)));

            assertThat(jdbc.sql("""
                    select l.points from volunteering.points_ledger l join volunteering.hours_ledger h
                      on h.county_code = l.county_code and h.id = l.reference_id
                    where l.volunteer_id = :v and l.kind = 'HOURS' and h.activity_id in (:a1, :a2) order by h.period_start""")
                    .param("v", volunteer).param("a1", before).param("a2", after).query(Integer.class).list()).containsExactly(2 * rate, 1 * (rate + 15));
            assertThat(jdbc.sql("select count(*) from audit.entries where action = 'POINTS_RATE_SET' and actor_id = :a")
                    .param("a", county.id()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            restoreRate(county);
        }
    }

    /**
     * The list's endpoints by scope: the county's keeper changes, retires and reinstates (API and page) and sets
     * the hour rate; a community worker of the county is 403; another county's keeper does not find the deed (404).
     */
    @Test
    void theDeedListEndpointsAnswerByScope(@Autowired UnitManagement units, @Autowired Volunteers volunteers,
            @Autowired Activities activities) throws Exception {
        UUID organizer = new VolunteeringFixtures(volunteers, activities, units, jdbc).committee(DAOBEI).value();
        TestActor county = VolunteeringFixtures.worker("vol_deedapi_county", "610527", organizer);
        TestActor community = VolunteeringFixtures.worker("vol_deedapi_community", DAOBEI, organizer);
        TestActor otherCounty = VolunteeringFixtures.worker("vol_deedapi_other", "610526", organizer);
        UUID deed = as(county, () -> deeds.add(county, "610527", "扶残助残" + VolunteeringFixtures.RUN, 4));
        String api = "/api/v1/volunteers/store/deeds/" + deed;
        String page = "/volunteering/store/deeds/" + deed;
        try {
            for (Object[] c : new Object[][] {{community, 403}, {otherCounty, 404}, {county, 204}}) {
                TestActor actor = (TestActor) c[0];
                int expected = (int) c[1];
                assertThat(status(actor, patch(api).contentType(MediaType.APPLICATION_JSON).content("{\"points\":6}")))
                        .as("PATCH " + actor.username()).isEqualTo(expected);
                assertThat(status(actor, post(api + "/retirement").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不再需要\"}")))
                        .as("retire " + actor.username()).isEqualTo(expected);
                assertThat(status(actor, delete(api + "/retirement"))).as("reinstate " + actor.username()).isEqualTo(expected);
                int pageExpected = expected == 204 ? 302 : expected;
                assertThat(status(actor, post(page + "/points").param("points", "7"))).isEqualTo(pageExpected);
                assertThat(status(actor, post(page + "/retire").param("reason", "不再需要"))).isEqualTo(pageExpected);
                assertThat(status(actor, post(page + "/reinstate"))).isEqualTo(pageExpected);
            }
            String rateBody = "{\"countyCode\":\"610527\",\"pointsPerHour\":12}";
            assertThat(status(community, put("/api/v1/volunteers/store/hour-rate").contentType(MediaType.APPLICATION_JSON).content(rateBody)))
                    .isEqualTo(403);
            assertThat(status(otherCounty, put("/api/v1/volunteers/store/hour-rate").contentType(MediaType.APPLICATION_JSON).content(rateBody)))
                    .isEqualTo(403);
            assertThat(status(county, put("/api/v1/volunteers/store/hour-rate").contentType(MediaType.APPLICATION_JSON).content(rateBody)))
                    .isEqualTo(200);
            assertThat(status(county, post("/volunteering/store/hour-rate").param("pointsPerHour", "12"))).isEqualTo(302);
            assertThat(status(community, post("/volunteering/store/hour-rate").param("pointsPerHour", "12"))).isEqualTo(403);
            assertThat(status(county, post("/volunteering/store/deeds").param("name", "植绿护绿" + VolunteeringFixtures.RUN).param("points", "3")))
                    .isEqualTo(302);
            String shown = mvc.perform(get("/volunteering/store/deeds").with(authentication(county.authentication())))
                    .andReturn().getResponse().getContentAsString();
            assertThat(shown).contains("扶残助残" + VolunteeringFixtures.RUN, "植绿护绿" + VolunteeringFixtures.RUN, "每服务 1 小时得");
            assertThat(mvc.perform(get("/volunteering/store/deeds").with(authentication(community.authentication())))
                    .andReturn().getResponse().getContentAsString()).contains("由县级统一设置").doesNotContain("扶残助残");
            assertThat(points.hourRate("610527").pointsPerHour()).isEqualTo(12);
            assertThat(jdbc.sql("select points from volunteering.points_deeds where id = :id").param("id", deed).query(Integer.class).single())
                    .isEqualTo(7);
        } finally {
            restoreRate(county);
        }
    }

    @org.springframework.beans.factory.annotation.Value("${wushe.volunteering.points-per-hour:10}")
    int configuredRate;

    /** Other tests of the county count on the configured rate; the history keeps this test's settings. */
    private void restoreRate(TestActor county) {
        as(county, () -> points.setHourRate(county, "610527", configuredRate));
    }

    private int status(TestActor actor, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(authentication(actor.authentication())).with(csrf())).andReturn().getResponse().getStatus();
    }
}
