package cn.wushe.volunteering.internal;

import static cn.wushe.volunteering.internal.HoursReportsIntegrationTest.refusal;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static cn.wushe.volunteering.internal.VolunteeringRulesIntegrationTest.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** 提名 by hand: a volunteer by identity number or a team by name of the deciding region, with a reason. */
@SpringBootTest
@ActiveProfiles("test")
class HonourNominationIntegrationTest {

    @Autowired
    Honours honours;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonOrTeamIsNominatedByHandWithReasonAndHours(@Autowired Volunteers volunteers, @Autowired Activities activities,
            @Autowired UnitManagement units) {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor worker = VolunteeringFixtures.worker("vol_honour_hand", DAOBEI, organizer);
        UUID volunteer = f.volunteer("honour-hand", DAOBEI, null, "抗洪志愿者", 961);
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        UUID activity = f.activity("honour-hand", DAOBEI, organizer, start, start.plus(3, ChronoUnit.HOURS), 5);
        f.ledgerRow("honour-hand", activity, volunteer, start, 180);
        UUID team = f.team("honour-hand", DAOBEI, organizer);
        int year = LocalDate.ofInstant(start, Times.CHINA).getYear();
        String number = VolunteeringFixtures.identityNumber("610527", 961);

        UUID id = as(worker, () -> honours.nominateByHand(worker, year, "EXCELLENT_VOLUNTEER", DAOBEI, " " + number + " ", "抗洪抢险连续服务 7 天"));

        assertThat(as(worker, () -> honours.list(worker, year))).filteredOn(h -> h.id().equals(id)).singleElement().satisfies(h -> {
            assertThat(h.subjectName()).isEqualTo("抗洪志愿者");
            assertThat(h.minutes()).isEqualTo(180);
            assertThat(h.status()).isEqualTo("NOMINATED");
            assertThat(h.nominationReason()).isEqualTo("抗洪抢险连续服务 7 天");
        });
        assertThat(refusal(() -> as(worker, () -> honours.nominateByHand(worker, year, "EXCELLENT_VOLUNTEER", DAOBEI, number, "再次提名"))))
                .contains("409", "已经提名过");
        assertThat(refusal(() -> as(worker, () -> honours.nominateByHand(worker, year, "EXCELLENT_VOLUNTEER", DAOBEI,
                VolunteeringFixtures.identityNumber("610527", 962), "理由充分")))).contains("400", "没有这个身份证号");
        assertThat(refusal(() -> as(worker, () -> honours.nominateByHand(worker, year, "EXCELLENT_TEAM", DAOBEI,
                "测试服务队honour-hand" + VolunteeringFixtures.RUN, " ")))).contains("400", "提名理由");
        UUID teamHonour = as(worker, () -> honours.nominateByHand(worker, year, "EXCELLENT_TEAM", DAOBEI,
                "测试服务队honour-hand" + VolunteeringFixtures.RUN, "组织社区防汛"));
        assertThat(jdbc.sql("select team_id from volunteering.honours where id = :id").param("id", teamHonour).query(UUID.class).single())
                .isEqualTo(team);
        // decided like the others
        as(worker, () -> {
            honours.decide(worker, id, true, null);
            return null;
        });
        TestActor sibling = VolunteeringFixtures.worker("vol_honour_hand_sibling", "610527001002", organizer);
        assertThat(refusal(() -> as(sibling, () -> honours.nominateByHand(sibling, year, "EXCELLENT_VOLUNTEER", DAOBEI, number, "理由充分"))))
                .startsWith("403");
    }
}
