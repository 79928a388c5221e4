package cn.wushe.volunteering.internal;

import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.LAT;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.LNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.documents.IssuedDocument;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import cn.wushe.volunteering.HoursConfirmed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The volunteering rules against the real database, with committed data (concurrency needs it):
 * check-in refusals and idempotence under concurrent scans, hours without double counting, the
 * one-step confirmation and its corrections with star levels, the points store under concurrent
 * redemptions, the certificate, and no identity number in clear in the database.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteeringRulesIntegrationTest {

    @Autowired
    Volunteers volunteers;
    @Autowired
    Activities activities;
    @Autowired
    Enrolments enrolments;
    @Autowired
    CheckIns checkIns;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Points points;
    @Autowired
    Certificates certificates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PartyReports party;
    @Autowired
    Teams teams;
    @Autowired
    VolunteerRoster roster;
    @Autowired
    Schedules schedules;
    @Autowired
    PointsExpiry expiry;

    VolunteeringFixtures f;
    UUID organizer;
    TestActor worker;
    Instant now;

    @BeforeAll
    void data(@Autowired UnitManagement units) {
        f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        organizer = f.committee(DAOBEI).value();
        worker = VolunteeringFixtures.worker("vol_rules_worker", DAOBEI, organizer);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static <T> T as(TestActor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(actor.authentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    TestActor volunteer(String key, int number) {
        TestActor actor = VolunteeringFixtures.volunteerActor("vol_rules_" + key, "610527");
        f.volunteer("rules-" + key, DAOBEI, actor.id(), "规则志愿者" + key, number);
        return actor;
    }

    CheckIns.Result scan(TestActor actor, UUID activity, String signature, Double lat, Double lng, double accuracy) {
        return as(actor, () -> checkIns.scan(actor, activity, signature, new CheckIns.Position(lat, lng, accuracy)));
    }

    @Test
    void concurrentDoubleScansRecordOneRow() throws Exception {
        TestActor actor = volunteer("double", 1);
        UUID activity = f.activity("rules-double", DAOBEI, organizer, now.minus(5, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS), 10);
        String signature = checkIns.signature(activity);
        List<CheckIns.Outcome> outcomes = concurrently(8, () -> scan(actor, activity, signature, LAT, LNG, 15).outcome());
        assertThat(outcomes).containsOnly(CheckIns.Outcome.CHECKED_IN, CheckIns.Outcome.ALREADY_CHECKED_IN);
        assertThat(outcomes).filteredOn(o -> o == CheckIns.Outcome.CHECKED_IN).hasSize(1);
        assertThat(jdbc.sql("select count(*) from volunteering.attendances where activity_id = :a").param("a", activity)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(scan(actor, activity, signature, LAT, LNG, 15).outcome()).isEqualTo(CheckIns.Outcome.ALREADY_CHECKED_IN);
    }

    @Test
    void concurrentScansIntoTheLastSlotsTakeEachSlotOnceAndACancellationHandsItOn() throws Exception {
        UUID activity = f.activity("rules-slots", DAOBEI, organizer, now.minus(5, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS), 2);
        String signature = checkIns.signature(activity);
        List<TestActor> crowd = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crowd.add(volunteer("slots-" + i, 40 + i));
        }
        List<Object> results = concurrently(crowd.size(), i -> () -> {
            try {
                return scan(crowd.get(i), activity, signature, LAT, LNG, 10).outcome();
            } catch (DomainException e) {
                return e.type();
            }
        });
        assertThat(results).filteredOn(r -> r == CheckIns.Outcome.CHECKED_IN).hasSize(2);
        assertThat(results).filteredOn(r -> r == ProblemType.ACTIVITY_FULL).hasSize(4);
        assertThat(jdbc.sql("select count(*) from volunteering.activity_slots where activity_id = :a and volunteer_id is not null")
                .param("a", activity).query(Integer.class).single()).isEqualTo(2);

        // a slot given back before the cut-off goes to the first on the waitlist, not to a newcomer
        UUID later = f.activity("rules-slots-later", DAOBEI, organizer, now.plus(5, ChronoUnit.HOURS), now.plus(7, ChronoUnit.HOURS), 1);
        TestActor first = crowd.get(0);
        TestActor waiting = crowd.get(1);
        assertThat(as(first, () -> enrolments.enrol(first, later))).isEqualTo(Enrolments.Enrolment.ENROLLED);
        assertThat(as(waiting, () -> enrolments.enrol(waiting, later))).isEqualTo(Enrolments.Enrolment.WAITLISTED);
        as(first, () -> {
            enrolments.cancel(first, later);
            return null;
        });
        assertThat(as(waiting, () -> enrolments.enrolmentOf(waiting, later))).contains("ENROLLED");
        TestActor newcomer = crowd.get(2);
        assertThat(as(newcomer, () -> enrolments.enrol(newcomer, later))).isEqualTo(Enrolments.Enrolment.WAITLISTED);
    }

    @Test
    void aPartyReportIsConfirmedByTheCommunityAndSummedForTheSendingUnitOnly() {
        TestActor member = volunteer("party", 50);
        UUID id = VolunteeringFixtures.fixed("volunteer:rules-party");
        as(member, () -> {
            party.declare(member, true, organizer, null);
            return null;
        });
        UUID past = f.activity("rules-party", DAOBEI, organizer, now.minus(3, ChronoUnit.DAYS), now.minus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 5);
        f.ledgerRow("rules-party", past, id, now.minus(3, ChronoUnit.DAYS), 120);
        int year = java.time.LocalDate.ofInstant(now.minus(3, ChronoUnit.DAYS), Times.CHINA).getYear();
        // the unit sees nobody until the community confirms
        assertThat(as(worker, () -> party.ofOwnUnits(worker, year))).noneMatch(r -> r.volunteerId().equals(id));
        PartyReports.Reported listed = as(worker, () -> party.ofCommunity(worker, year)).stream()
                .filter(r -> r.volunteerId().equals(id)).findFirst().orElseThrow();
        assertThat(listed.confirmed()).isFalse();
        assertThat(listed.minutes()).isEqualTo(120);
        as(worker, () -> {
            party.confirm(worker, id, true);
            return null;
        });
        assertThat(as(worker, () -> party.ofOwnUnits(worker, year))).anyMatch(r -> r.volunteerId().equals(id) && r.activities() == 1);
        // a unit the member did not name sees nothing; a worker of another community cannot confirm
        TestActor otherUnit = VolunteeringFixtures.worker("vol_rules_party_other", DAOBEI, UUID.randomUUID());
        assertThat(as(otherUnit, () -> party.ofOwnUnits(otherUnit, year))).noneMatch(r -> r.volunteerId().equals(id));
        TestActor stranger = VolunteeringFixtures.worker("vol_rules_party_stranger", "610527001002", organizer);
        assertThatThrownBy(() -> as(stranger, () -> {
            party.confirm(stranger, id, false);
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        // a changed report waits for the community again
        as(member, () -> {
            party.declare(member, true, null, "县供电公司");
            return null;
        });
        assertThat(as(member, () -> party.own(member)).confirmed()).isFalse();
    }

    @Test
    void aTeamLeaderIsACurrentMemberWithAnAccountAndLeavingKeepsTheDates() {
        UUID team = f.team("rules-team", DAOBEI, organizer);
        TestActor asVolunteer = volunteer("team-member", 60);
        // the same account as a team leader (the role grants ACTIVITY_MANAGE; the team names the leader)
        TestActor member = TestActor.of(asVolunteer.username(), "TEAM_LEADER", "610527",
                cn.wushe.platform.Permission.VOLUNTEER_SELF, cn.wushe.platform.Permission.ACTIVITY_MANAGE);
        UUID memberId = VolunteeringFixtures.fixed("volunteer:rules-team-member");
        UUID phoneless = f.volunteer("rules-team-phoneless", DAOBEI, null, "无账号队员", 61);
        as(member, () -> {
            teams.join(member, team);
            return null;
        });
        jdbc.sql("insert into volunteering.team_members (county_code, team_id, volunteer_id, joined_on) values ('610527', :t, :v, current_date)")
                .param("t", team).param("v", phoneless).update();
        assertThatThrownBy(() -> as(worker, () -> {
            teams.appointLeader(worker, team, phoneless);
            return null;
        })).isInstanceOf(DomainException.class).hasMessageContaining("已注册账号");
        as(worker, () -> {
            teams.appointLeader(worker, team, memberId);
            return null;
        });
        Teams.TeamDetail detail = as(worker, () -> teams.detail(worker, team));
        assertThat(detail.team().leaderName()).isEqualTo("规则志愿者team-member");
        assertThat(detail.members()).extracting(Teams.Member::realName).contains("规则志愿者team-member", "无账号队员");
        // the leader runs the team; a volunteer who only belongs to it sees no member list
        assertThat(as(member, () -> teams.detail(member, team)).manages()).isTrue();
        TestActor plain = volunteer("team-plain", 62);
        assertThat(as(plain, () -> teams.detail(plain, team)).members()).isEmpty();
        as(worker, () -> {
            teams.endMembership(worker, team, phoneless);
            return null;
        });
        assertThat(jdbc.sql("select left_on is not null from volunteering.team_members where team_id = :t and volunteer_id = :v")
                .param("t", team).param("v", phoneless).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRosterImportEntersGoodRowsAndReportsEachRefusedOneWhileAForgedFileIsRefusedWhole() {
        String number = VolunteeringFixtures.identityNumber("610527", 70);
        byte[] file = cn.wushe.volunteering.web.RosterFiles.roster(
                List.of("花名册甲", number, "13912340070", DAOBEI, "急救、书法", "周末", "是"),
                List.of("花名册乙", number, "", DAOBEI, "", "", ""),
                List.of("花名册丙", "61052719990101123", "", DAOBEI, "", "", ""),
                List.of("花名册丁", VolunteeringFixtures.identityNumber("610526", 71), "", "610526001001", "", "", ""));
        VolunteerRoster.Report report = as(worker, () -> roster.importRoster(worker, new java.io.ByteArrayInputStream(file)));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.refused()).extracting(VolunteerRoster.RowProblem::row).containsExactly(3, 4, 5);
        assertThat(report.refused().get(0).reason()).contains("已登记");
        assertThat(jdbc.sql("select source, backbone from volunteering.volunteers where id_number_bidx = :bidx")
                .param("bidx", volunteers.identityIndex(number))
                .query((rs, i) -> rs.getString(1) + rs.getBoolean(2)).single()).isEqualTo("IMPORTtrue");
        assertThatThrownBy(() -> as(worker, () -> roster.importRoster(worker,
                new java.io.ByteArrayInputStream("姓名,身份证号码\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .isInstanceOf(cn.wushe.platform.files.RejectedFile.class);
    }

    @Test
    void aScheduleMakesOneOccurrencePerChosenWeekdayAndStoppingCancelsTheComingOnesNobodyCheckedInTo() {
        java.time.LocalDate monday = java.time.LocalDate.now(Times.CHINA).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        var in = new Schedules.NewSchedule("规则课后辅导", "CHILDREN", DAOBEI, "儿童服务站", LAT, LNG, 100, java.util.Set.of(1, 3),
                java.time.LocalTime.of(18, 30), 90, 3, monday, monday.plusDays(13));
        UUID id = as(worker, () -> schedules.create(worker, in));
        List<Instant> starts = jdbc.sql("select starts_at from volunteering.activities where series_id = :s order by starts_at")
                .param("s", id).query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
        assertThat(starts).hasSize(4); // two Mondays, two Wednesdays
        assertThat(starts.getFirst()).isEqualTo(monday.atTime(18, 30).atZone(Times.CHINA).toInstant());
        assertThat(as(worker, () -> schedules.list(worker))).anyMatch(v -> v.id().equals(id) && v.occurrences() == 4);
        // an organizer elsewhere neither sees nor stops it
        TestActor stranger = VolunteeringFixtures.worker("vol_rules_sched_stranger", "610527001002", organizer);
        assertThat(as(stranger, () -> schedules.list(stranger))).noneMatch(v -> v.id().equals(id));
        assertThatThrownBy(() -> as(stranger, () -> schedules.stop(stranger, id)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(as(worker, () -> schedules.stop(worker, id))).isEqualTo(4);
        assertThatThrownBy(() -> as(worker, () -> schedules.create(worker, new Schedules.NewSchedule("规则课后辅导", "CHILDREN",
                DAOBEI, "儿童服务站", LAT, LNG, 100, java.util.Set.of(), java.time.LocalTime.of(18, 30), 90, 3, monday, monday))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors()).containsKey("weekdays"));
    }

    @Test
    void unspentPointsEarnedBeforeTheCutoffExpireFirstInFirstOutAndOnlyOnce() {
        String county = "610598"; // a county of its own: the run expires every balance of the county
        String community = county + "001001";
        UUID v = UUID.randomUUID();
        Instant old = now.minus(800, ChronoUnit.DAYS);
        Instant recent = now.minus(10, ChronoUnit.DAYS);
        for (Object[] row : new Object[][] {{100, "HOURS", old}, {-30, "REDEMPTION", recent}, {50, "HOURS", recent}}) {
            jdbc.sql("""
                    insert into volunteering.points_ledger (county_code, id, community_code, volunteer_id, points, kind,
                        recorded_by, recorded_at) values (:county, :id, :community, :v, :points, :kind, :v, :at)""")
                    .param("county", county).param("id", UUID.randomUUID()).param("community", community).param("v", v)
                    .param("points", row[0]).param("kind", row[1]).param("at", Times.ts((Instant) row[2])).update();
        }
        jdbc.sql("insert into volunteering.points_balances values (:county, :community, :v, 120)")
                .param("county", county).param("community", community).param("v", v).update();
        Instant cutoff = now.minus(365, ChronoUnit.DAYS);
        assertThat(expiry.expireEarnedBefore(county, cutoff)).isEqualTo(1);
        // 100 earned before the cutoff, 30 of it spent: 70 expire, the 50 earned since stay
        assertThat(jdbc.sql("select balance from volunteering.points_balances where volunteer_id = :v").param("v", v)
                .query(Integer.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("select sum(points) from volunteering.points_ledger where volunteer_id = :v").param("v", v)
                .query(Integer.class).single()).isEqualTo(50);
        assertThat(expiry.expireEarnedBefore(county, cutoff)).isZero();
    }

    @Test
    void checkInRefusalsSayWhyAndWriteNothing() {
        TestActor actor = volunteer("refused", 2);
        UUID activity = f.activity("rules-refused", DAOBEI, organizer, now.minus(5, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS), 1);
        UUID other = f.activity("rules-refused-other", DAOBEI, organizer, now.minus(5, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS), 5);
        UUID later = f.activity("rules-refused-later", DAOBEI, organizer, now.plus(3, ChronoUnit.HOURS), now.plus(5, ChronoUnit.HOURS), 5);
        String signature = checkIns.signature(activity);
        assertRefused(() -> scan(actor, activity, "forged-signature-xxxxx", LAT, LNG, 5), "签到码无效");
        assertRefused(() -> scan(actor, activity, checkIns.signature(other), LAT, LNG, 5), "签到码无效");
        // 0.003° of latitude ≈ 334 m; radius 100 m, accuracy 30 m
        assertRefused(() -> scan(actor, activity, signature, LAT + 0.003, LNG, 30), "距离活动地点约 334 米，超出签到范围（100 米）");
        assertRefused(() -> scan(actor, later, checkIns.signature(later), LAT, LNG, 5), "还没到签到时间");
        assertRefused(() -> scan(actor, activity, signature, null, null, 5), "没有获取到位置");
        // 0.001° ≈ 111 m: outside the 100 m radius, inside once the reported 20 m accuracy is given
        assertThat(scan(actor, activity, signature, LAT + 0.001, LNG, 20).outcome()).isEqualTo(CheckIns.Outcome.CHECKED_IN);
        // the one slot is now taken by this volunteer; another finds it full
        TestActor second = volunteer("refused-2", 3);
        assertThatThrownBy(() -> scan(second, activity, signature, LAT, LNG, 5))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.ACTIVITY_FULL));
        assertThat(jdbc.sql("select count(*) from volunteering.attendances where activity_id in (:a, :b)")
                .param("a", activity).param("b", later).query(Integer.class).single()).isEqualTo(1);
    }

    private static void assertRefused(Callable<?> scan, String message) {
        assertThatThrownBy(scan::call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.CHECK_IN_REFUSED);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void confirmationCountsOverlapsOnceAndCorrectionsReverseWithTheirStarLevel() {
        TestActor actor = volunteer("hours", 4);
        UUID id = VolunteeringFixtures.fixed("volunteer:rules-hours");
        Instant day = now.minus(10, ChronoUnit.DAYS);
        UUID morning = f.activity("rules-morning", DAOBEI, organizer, day, day.plus(3, ChronoUnit.HOURS), 10);
        UUID overlap = f.activity("rules-overlap", DAOBEI, organizer, day.plus(2, ChronoUnit.HOURS), day.plus(4, ChronoUnit.HOURS), 10);
        f.attendance(morning, id, day, day.plus(3, ChronoUnit.HOURS));
        f.attendance(overlap, id, day.plus(2, ChronoUnit.HOURS), null); // no check-out: the window's end
        // 98 h already confirmed elsewhere: the morning's 3 h make one star
        UUID old = f.activity("rules-old", DAOBEI, organizer, day.minus(40, ChronoUnit.DAYS), day.minus(40, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), 10);
        f.ledgerRow("rules-hours-old", old, id, day.minus(40, ChronoUnit.DAYS), 98 * 60);

        HoursConfirmed first = as(worker, () -> ledger.confirm(worker, morning, new HoursLedger.Confirmation(Map.of(),
                Map.of("MEALS", java.math.BigDecimal.valueOf(12)), 30)));
        assertThat(first.entries()).containsExactly(new HoursConfirmed.Entry(id, 180));
        HoursConfirmed second = as(worker, () -> ledger.confirm(worker, overlap, new HoursLedger.Confirmation(Map.of(), Map.of(), null)));
        assertThat(second.entries()).containsExactly(new HoursConfirmed.Entry(id, 60)); // 2 h, of which 1 h already counted
        assertThat(ledger.totalMinutes("610527", id)).isEqualTo(98 * 60 + 240);
        assertThat(star(id)).isEqualTo(1);
        assertThatThrownBy(() -> as(worker, () -> ledger.confirm(worker, morning, new HoursLedger.Confirmation(Map.of(), Map.of(), null))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.HOURS_CONFIRMED));

        // a volunteer may not confirm; an organizer of elsewhere does not see it
        TestActor stranger = VolunteeringFixtures.worker("vol_rules_stranger", "610527001002", organizer);
        assertThatThrownBy(() -> as(stranger, () -> ledger.confirm(stranger, overlap, new HoursLedger.Confirmation(Map.of(), Map.of(), null))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));

        UUID morningRow = jdbc.sql("select id from volunteering.hours_ledger where activity_id = :a and kind = 'CONFIRMED'")
                .param("a", morning).query(UUID.class).single();
        int pointsBefore = points.balance("610527", DAOBEI, id);
        as(worker, () -> {
            ledger.reverse(worker, morningRow, "签到记录有误");
            return null;
        });
        assertThat(ledger.totalMinutes("610527", id)).isEqualTo(98 * 60 + 60);
        assertThat(star(id)).isZero();
        assertThat(jdbc.sql("select count(*) from volunteering.star_changes where volunteer_id = :v and cause = 'CORRECTION' and to_level = 0")
                .param("v", id).query(Integer.class).single()).isEqualTo(1);
        assertThat(points.balance("610527", DAOBEI, id)).isEqualTo(pointsBefore - 30);
        assertThatThrownBy(() -> as(worker, () -> {
            ledger.reverse(worker, morningRow, "再次冲销");
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.HOURS_CONFIRMED));
        assertThat(as(actor, () -> ledger.own(actor))).extracting(HoursLedger.LedgerRow::kind).contains("CONFIRMED", "REVERSAL");
    }

    private int star(UUID volunteer) {
        return jdbc.sql("select star_level from volunteering.volunteers where id = :id").param("id", volunteer)
                .query(Integer.class).single();
    }

    @Test
    void theLastItemRedeemedConcurrentlyGoesToOneAndBalancesNeverGoNegative() throws Exception {
        UUID goods = f.goods("rules-last", DAOBEI, 40, 1);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID v = f.volunteer("rules-redeem-" + i, DAOBEI, null, "兑换志愿者" + i, 10 + i);
            f.balance(DAOBEI, v, 50);
            cards.add(points.cardCode(v));
        }
        List<Object> results = concurrently(cards.size(), new java.util.function.IntFunction<Callable<Object>>() {
            @Override
            public Callable<Object> apply(int i) {
                return () -> {
                    try {
                        return as(worker, () -> points.redeem(worker, cards.get(i), goods, 1));
                    } catch (DomainException e) {
                        return e.type();
                    }
                };
            }
        });
        assertThat(results).filteredOn(r -> r instanceof Points.Redeemed).hasSize(1);
        assertThat(results).filteredOn(r -> r == ProblemType.OUT_OF_STOCK).hasSize(cards.size() - 1);
        assertThat(jdbc.sql("select stock from volunteering.goods where id = :id").param("id", goods).query(Integer.class).single()).isZero();

        UUID dear = f.goods("rules-dear", DAOBEI, 60, 5);
        assertThatThrownBy(() -> as(worker, () -> points.redeem(worker, cards.get(0), dear, 1)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INSUFFICIENT_POINTS);
                    assertThat(e.getMessage()).contains("需要 60 积分");
                });
        assertThat(jdbc.sql("select stock from volunteering.goods where id = :id").param("id", dear).query(Integer.class).single())
                .as("nothing half-written").isEqualTo(5);
        assertThatThrownBy(() -> as(worker, () -> points.redeem(worker, "bogus.card", dear, 1)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aCertificateNeedsConfirmedHoursAndItsPdfShowsThem() throws IOException {
        TestActor none = volunteer("cert-none", 20);
        assertThatThrownBy(() -> as(none, () -> certificates.issueOwn(none)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NO_CONFIRMED_HOURS));
        TestActor actor = volunteer("cert", 21);
        UUID id = VolunteeringFixtures.fixed("volunteer:rules-cert");
        UUID past = f.activity("rules-cert", DAOBEI, organizer, now.minus(5, ChronoUnit.DAYS), now.minus(5, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 5);
        f.ledgerRow("rules-cert", past, id, now.minus(5, ChronoUnit.DAYS), 150);
        IssuedDocument document = as(actor, () -> certificates.issueOwn(actor));
        try (var pdf = Loader.loadPDF(document.pdf())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("志愿服务记录证明", "规则志愿者cert", "2.5");
            assertThat(text).doesNotContain(VolunteeringFixtures.identityNumber("610527", 21));
        }
    }

    @Test
    void aDuplicateIdentityNumberIsRefusedAndNoNumberIsStoredInClear() throws IOException {
        String number = VolunteeringFixtures.identityNumber("610527", 30);
        String phone = "13912345678";
        var input = new Volunteers.NewVolunteer("重号志愿者", number, phone, DAOBEI, List.of("急救"), null, true, false, null);
        UUID id = as(worker, () -> volunteers.register(worker, input));
        assertThatThrownBy(() -> as(worker, () -> volunteers.register(worker, input)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.DUPLICATE_VOLUNTEER));
        String row = jdbc.sql("select v::text from volunteering.volunteers v where id = :id").param("id", id).query(String.class).single();
        assertThat(row).doesNotContain(number, phone, number.substring(6, 14));
        Volunteers.VolunteerView view = as(worker, () -> volunteers.detail(worker, id));
        assertThat(view.maskedIdentityNumber()).isEqualTo(number.substring(0, 6) + "********" + number.substring(14));
        assertThat(view.maskedPhone()).isEqualTo("139****5678");
        assertThat(view.toString()).doesNotContain(number.substring(6, 14), phone);
        Volunteers.Revealed revealed = as(worker, () -> volunteers.reveal(worker, id, "核对身份"));
        assertThat(revealed.identityNumber()).isEqualTo(number);
        assertThat(logsAndData(number)).as("no identity number in clear in target/test-data or logs").isFalse();
    }

    /** Whether any file under the test data directory (database files, logs) holds {@code text}. */
    private static boolean logsAndData(String text) throws IOException {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(Path.of("target/test-data"))) {
            return files.filter(Files::isRegularFile).filter(p -> p.toFile().length() < 64 * 1024 * 1024).anyMatch(p -> {
                try {
                    byte[] content = Files.readAllBytes(p);
                    return indexOf(content, needle) >= 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        return concurrently(n, i -> task);
    }

    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> task = tasks.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
