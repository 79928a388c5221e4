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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
}
