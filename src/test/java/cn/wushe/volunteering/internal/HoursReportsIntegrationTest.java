package cn.wushe.volunteering.internal;

import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static cn.wushe.volunteering.internal.VolunteeringRulesIntegrationTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 补报时长 against the real database: the limits (no future, half hours up to 24, inside the day and
 * the activity's days, no overlap with checked-in, confirmed or reported time), the organizer's one
 * step (confirmed: booked with points; declined: a reason, and the volunteer may report again).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoursReportsIntegrationTest {

    @Autowired
    HoursReports reports;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Points points;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfirmationsDue confirmations;

    VolunteeringFixtures f;
    UUID organizer;
    TestActor worker;
    /** Two days ago in China: an activity of that day 08:00–20:00 has ended whatever the hour now. */
    LocalDate day;

    @BeforeAll
    void data(@Autowired Volunteers volunteers, @Autowired Activities activities, @Autowired UnitManagement units) {
        f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        organizer = f.committee(DAOBEI).value();
        worker = VolunteeringFixtures.worker("vol_reports_worker", DAOBEI, organizer);
        day = LocalDate.now(Times.CHINA).minusDays(2);
    }

    Instant at(int hour) {
        return day.atTime(hour, 0).atZone(Times.CHINA).toInstant();
    }

    UUID dayActivity(String key) {
        return f.activity("reports-" + key, DAOBEI, organizer, at(8), at(20), 10);
    }

    TestActor volunteer(String key, int number) {
        TestActor actor = VolunteeringFixtures.volunteerActor("vol_reports_" + key, "610527");
        f.volunteer("reports-" + key, DAOBEI, actor.id(), "补报志愿者" + key, number);
        return actor;
    }

    UUID report(TestActor actor, UUID activity, LocalDate date, String start, String hours) {
        return as(actor, () -> reports.report(actor, new HoursReports.NewReport(activity, date, LocalTime.parse(start),
                new BigDecimal(hours), "帮助老人登记")));
    }

    static String refusal(Runnable work) {
        try {
            work.run();
        } catch (DomainException e) {
            return e.status() + " " + e.getMessage() + " " + e.fieldErrors();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void confirmedReportCountsLikeCheckedInHoursAndDecidesOnce() {
        TestActor actor = volunteer("confirm", 951);
        UUID me = VolunteeringFixtures.fixed("volunteer:reports-confirm");
        UUID activity = dayActivity("confirm");
        UUID id = report(actor, activity, day, "09:30", "2.5");
        assertThat(as(worker, () -> reports.ofActivity(worker, activity))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("REPORTED"));
        assertThat(ledger.totalMinutes("610527", me)).isZero();

        // the organizer's 待办 counts it until decided; a neighbouring community's worker never sees it
        long waiting = confirmations.of(worker, Instant.now()).reports();
        assertThat(waiting).isPositive();
        String neighbour = "610527001002";
        TestActor other = VolunteeringFixtures.worker("vol_reports_other", neighbour, f.committee(neighbour).value());
        long othersWaiting = confirmations.of(other, Instant.now()).reports();

        int minutes = as(worker, () -> reports.decide(worker, id, true, null));

        assertThat(confirmations.of(worker, Instant.now()).reports()).isEqualTo(waiting - 1);
        assertThat(confirmations.of(other, Instant.now()).reports()).isEqualTo(othersWaiting);

        assertThat(minutes).isEqualTo(150);
        assertThat(ledger.totalMinutes("610527", me)).isEqualTo(150);
        assertThat(points.balance("610527", DAOBEI, me)).isEqualTo(25);
        assertThat(as(actor, () -> reports.own(actor))).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("CONFIRMED");
            assertThat(r.statusLabel()).isEqualTo("已确认");
        });
        assertThat(refusal(() -> as(worker, () -> reports.decide(worker, id, false, "重复")))).contains("409", "已经处理过");
        // a second report of the same activity, and one overlapping the confirmed time, are refused
        assertThat(refusal(() -> report(actor, activity, day, "14:00", "1"))).contains("409", "已经补报过");
        assertThat(refusal(() -> report(actor, dayActivity("confirm-2"), day, "11:00", "1"))).contains("400", "重叠");
    }

    @Test
    void anEndedActivityWithPeopleCheckedInWaitsInTheOrganizersPendingWorkUntilConfirmed() {
        volunteer("pending", 954);
        UUID me = VolunteeringFixtures.fixed("volunteer:reports-pending");
        long before = confirmations.of(worker, Instant.now()).activities();
        UUID activity = dayActivity("pending");
        // checked in two days ago, as a scan would have recorded it
        jdbc.sql("""
                insert into volunteering.attendances (county_code, activity_id, volunteer_id, checked_in_at,
                    check_in_distance_m, check_in_accuracy_m, recorded_by) values ('610527', :a, :v, :at, 12, 20, :v)""")
                .param("a", activity).param("v", me).param("at", java.sql.Timestamp.from(at(9))).update();

        ConfirmationsDue.Due due = confirmations.of(worker, Instant.now());
        assertThat(due.activities()).isEqualTo(before + 1);
        assertThat(confirmations.of(worker, at(20).plus(ConfirmationsDue.CONFIRM_WITHIN).plusSeconds(1)).activitiesOverdue())
                .as("a week after it ended it is late").isGreaterThanOrEqualTo(1);

        as(worker, () -> ledger.confirm(worker, activity, new HoursLedger.Confirmation(Map.of(), Map.of(), null)));

        assertThat(confirmations.of(worker, Instant.now()).activities()).isEqualTo(before);
        assertThat(ledger.totalMinutes("610527", me)).isEqualTo(11 * 60);
    }

    @Test
    void declineNeedsAReasonAndLetsTheVolunteerReportAgain() {
        TestActor actor = volunteer("decline", 952);
        UUID activity = dayActivity("decline");
        UUID id = report(actor, activity, day, "09:00", "1");
        assertThat(refusal(() -> as(worker, () -> reports.decide(worker, id, false, " ")))).contains("400", "理由");
        as(worker, () -> reports.decide(worker, id, false, "当天未见到本人"));
        assertThat(as(actor, () -> reports.own(actor))).singleElement()
                .satisfies(r -> assertThat(r.declineReason()).isEqualTo("当天未见到本人"));
        assertThat(ledger.totalMinutes("610527", VolunteeringFixtures.fixed("volunteer:reports-decline"))).isZero();
        // the declined time is free again
        report(actor, activity, day, "09:00", "1");
    }

    @Test
    void limitsAreRefusedInChineseAndWriteNothing() {
        TestActor actor = volunteer("limits", 953);
        UUID me = VolunteeringFixtures.fixed("volunteer:reports-limits");
        UUID activity = dayActivity("limits");
        UUID checkedIn = dayActivity("limits-checked-in");
        f.attendance(checkedIn, me, at(10), at(12));
        Instant now = Instant.now();
        UUID running = f.activity("reports-limits-running", DAOBEI, organizer, now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.HOURS), 10);
        Instant recent = now.minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        String recentTime = LocalTime.ofInstant(recent, Times.CHINA).toString();

        assertThat(refusal(() -> report(actor, running, LocalDate.ofInstant(recent, Times.CHINA), recentTime, "1")))
                .contains("还没结束");
        assertThat(refusal(() -> report(actor, activity, day, "08:00", "25"))).contains("0.5 到 24");
        assertThat(refusal(() -> report(actor, activity, day, "08:00", "0.3"))).contains("半小时");
        assertThat(refusal(() -> report(actor, activity, day, "20:00", "5"))).contains("24 时前");
        assertThat(refusal(() -> report(actor, activity, day.minusDays(1), "09:00", "1"))).contains("活动当天");
        assertThat(refusal(() -> report(actor, activity, day, "11:30", "1"))).contains("重叠", "10:00–12:00");
        assertThat(refusal(() -> report(actor, checkedIn, day, "14:00", "1"))).contains("已签到");
        UUID pending = report(actor, activity, day, "13:00", "2");
        assertThat(refusal(() -> report(actor, dayActivity("limits-2"), day, "14:00", "1"))).contains("重叠");
        assertThat(jdbc.sql("select count(*) from volunteering.hours_reports where volunteer_id = :me").param("me", me)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(as(actor, () -> reports.reportable(actor))).extracting(HoursReports.Reportable::id)
                .contains(dayActivity("limits-2")).doesNotContain(activity, checkedIn);
        // a worker of the neighbouring community does not see the report
        TestActor sibling = VolunteeringFixtures.worker("vol_reports_sibling", "610527001002", organizer);
        assertThat(refusal(() -> as(sibling, () -> reports.decide(sibling, pending, true, null)))).startsWith("404");
    }
}
