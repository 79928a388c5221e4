package cn.wushe.volunteering.web;

import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.LAT;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.LNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.CheckIns;
import cn.wushe.volunteering.internal.Points;
import cn.wushe.volunteering.internal.Volunteers;
import cn.wushe.volunteering.internal.VolunteeringFixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteering in ONE table of who × what → status, every cell in its own rolled-back transaction.
 * Workers (volunteers, activities, store) at the target community 道北社区 (own), its town (parent),
 * a grid under it (child), the neighbouring community (sibling) and 蒲城县 (other county): outside
 * the scope a volunteer, activity, ledger row or goods does not exist (404), a create is refused
 * (403 out-of-scope), a list leaves it out. Volunteers of 白水县 and of 蒲城县 against the activity:
 * enrol, cancel, check in and the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteeringScopeMatrixIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Points points;

    @Autowired
    CheckIns checkIns;

    static UUID organizer;
    static UUID target;
    static UUID targetActivity;
    static UUID futureActivity;
    static UUID ledgerRow;
    static UUID goods;
    static String card;
    static UUID team;
    static UUID schedule;
    static UUID nominated;
    static UUID reportActivity;
    static UUID hoursReport;
    static UUID deed;

    @BeforeAll
    void data(@Autowired Volunteers volunteers, @Autowired Activities activities, @Autowired UnitManagement units) {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        organizer = f.committee(DAOBEI).value();
        target = f.volunteer("matrix-target", DAOBEI, Vol.OWN_COUNTY.actor().id(), "矩阵志愿者", 801);
        f.volunteer("matrix-other", "610526001001", Vol.OTHER_COUNTY.actor().id(), "蒲城志愿者", 802);
        UUID walkIn = f.volunteer("matrix-walk-in", DAOBEI, null, "无手机志愿者", 803);
        targetActivity = f.activity("matrix-now", DAOBEI, organizer, now.minus(10, ChronoUnit.MINUTES),
                now.plus(3, ChronoUnit.HOURS), 5);
        futureActivity = f.activity("matrix-future", DAOBEI, organizer, now.plus(2, ChronoUnit.DAYS),
                now.plus(50, ChronoUnit.HOURS), 5);
        f.attendance(targetActivity, walkIn, now.minus(5, ChronoUnit.MINUTES), null);
        UUID past = f.activity("matrix-past", DAOBEI, organizer, now.minus(30, ChronoUnit.DAYS),
                now.minus(30, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 5);
        ledgerRow = f.ledgerRow("matrix", past, target, now.minus(30, ChronoUnit.DAYS), 120);
        goods = f.goods("matrix", DAOBEI, 10, 5);
        f.balance(DAOBEI, target, 100);
        card = points.cardCode(target);
        team = f.team("matrix", DAOBEI, organizer);
        for (UUID member : new UUID[] {target, walkIn}) {
            jdbc.sql("""
                    insert into volunteering.team_members (county_code, team_id, volunteer_id, joined_on)
                    values ('610527', :team, :member, current_date - 30) on conflict do nothing""")
                    .param("team", team).param("member", member).update();
        }
        jdbc.sql("update volunteering.volunteers set party_member = true where id = :id").param("id", target).update();
        schedule = VolunteeringFixtures.fixed("schedule:matrix");
        jdbc.sql("""
                insert into volunteering.schedules (county_code, id, region_code, organizer_unit_id, title, service_line, venue_name,
                    weekdays, starts_time, duration_minutes, slots, first_day, last_day, created_by, created_at)
                values ('610527', :id, :region, :unit, :title, 'CHILDREN', '儿童服务站', '{1,3}', '18:30', 90, 3,
                    current_date, current_date + 30, :unit, now()) on conflict do nothing""")
                .param("id", schedule).param("region", DAOBEI).param("unit", organizer)
                .param("title", "矩阵排期" + VolunteeringFixtures.RUN).update();
        // 补报: a day of twenty days ago, 08:00–12:00; the walk-in's report waits for the organizer
        java.time.LocalDate reportDay = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(20);
        Instant reportStart = reportDay.atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        reportActivity = f.activity("matrix-report", DAOBEI, organizer, reportStart, reportStart.plus(4, ChronoUnit.HOURS), 5);
        hoursReport = VolunteeringFixtures.fixed("report:matrix");
        jdbc.sql("""
                insert into volunteering.hours_reports (county_code, id, volunteer_id, activity_id, region_code, period_start,
                    period_end, minutes, description, status, reported_at)
                values ('610527', :id, :volunteer, :activity, :region, :start, :end, 60, '维持秩序', 'REPORTED', now())
                on conflict do nothing""")
                .param("id", hoursReport).param("volunteer", walkIn).param("activity", reportActivity).param("region", DAOBEI)
                .param("start", java.sql.Timestamp.from(reportStart)).param("end", java.sql.Timestamp.from(reportStart.plusSeconds(3600)))
                .update();
        deed = VolunteeringFixtures.fixed("deed:matrix");
        jdbc.sql("""
                insert into volunteering.points_deeds (county_code, id, name, points, created_at)
                values ('610527', :id, :name, 5, now()) on conflict do nothing""")
                .param("id", deed).param("name", "矩阵好事" + VolunteeringFixtures.RUN).update();
        nominated = VolunteeringFixtures.fixed("honour:matrix-nominated");
        UUID awarded = VolunteeringFixtures.fixed("honour:matrix-awarded");
        for (Object[] h : new Object[][] {{nominated, "EXCELLENT_VOLUNTEER", target, null, "NOMINATED"},
                {awarded, "EXCELLENT_TEAM", null, team, "AWARDED"}}) {
            jdbc.sql("""
                    insert into volunteering.honours (county_code, id, year, title, region_code, volunteer_id, team_id, minutes,
                        status, nominated_by, nominated_at)
                    values ('610527', :id, :year, :title, :region, :volunteer, :team, 600, :status, :by, now()) on conflict do nothing""")
                    .param("id", h[0]).param("year", YEAR).param("title", h[1]).param("region", DAOBEI).param("volunteer", h[2])
                    .param("team", h[3]).param("status", h[4]).param("by", organizer).update();
        }
    }

    static java.time.LocalDate reportDay() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(20);
    }

    static final int YEAR = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

    enum Case {
        OWN_COMMUNITY(DAOBEI, true),
        PARENT_TOWN("610527001", true),
        CHILD_GRID("610527001001001", false),
        SIBLING_COMMUNITY("610527001002", false),
        OTHER_COUNTY("610526", false);

        final String scope;
        final boolean reaches;

        Case(String scope, boolean reaches) {
            this.scope = scope;
            this.reaches = reaches;
        }

        TestActor actor() {
            return VolunteeringFixtures.worker("vol_matrix_" + name().toLowerCase(), scope, organizer);
        }
    }

    enum Action {
        API_VOLUNTEERS(200, true), API_VOLUNTEER(200), API_REVEAL(200), API_REGISTER(201, Kind.CREATE),
        API_ACTIVITIES(200, true), API_ACTIVITY(200), API_CREATE_ACTIVITY(201, Kind.CREATE),
        API_ATTENDANCES(200), API_CHECK_IN_FOR(204), API_CONFIRM(200), API_REVERSAL(204),
        API_GOODS(200, true), API_ADD_GOODS(201, Kind.CREATE), API_REDEEM(201),
        API_SUMMARY(200, true), API_TEAMS(200, true), API_CREATE_TEAM(201, Kind.CREATE), API_EXPORT(200, Kind.CREATE),
        API_TEAM(200), API_TEAM_LEADER(204), API_TEAM_END(204), API_PARTY(200, true), API_PARTY_CONFIRM(204),
        PAGE_ACTIVITY(200), PAGE_QR(200), PAGE_CHECK_IN_FOR(302), PAGE_CONFIRM(302), PAGE_CREATE_ACTIVITY(302, Kind.CREATE),
        PAGE_VOLUNTEERS(200, true), PAGE_MANAGE(200, true), PAGE_STORE(200, true), PAGE_REDEEM(200),
        PAGE_TEAMS(200, true), PAGE_TEAM(200), PAGE_CREATE_TEAM(302, Kind.CREATE), PAGE_TEAM_LEADER(302), PAGE_TEAM_END(302),
        PAGE_PARTY(200, true), PAGE_PARTY_CONFIRM(302), PAGE_IMPORT(200, true),
        PAGE_SCHEDULES(200, true), PAGE_CREATE_SCHEDULE(302, Kind.CREATE), PAGE_STOP_SCHEDULE(302),
        PAGE_HONOURS(200, true), PAGE_NOMINATE(302, Kind.CREATE), PAGE_HONOUR_DECISION(302), PAGE_HONOUR_CERTIFICATES(200, Kind.CREATE),
        API_HOURS_REPORTS(200), API_HOURS_REPORT_DECISION(200), PAGE_HOURS_REPORT_DECISION(302),
        PAGE_NOMINATE_BY_HAND(302, Kind.CREATE), API_DEED_AWARD(201), PAGE_DEED_AWARD(302);

        enum Kind { OBJECT, LIST, CREATE }

        final int success;
        final Kind kind;

        Action(int success) {
            this(success, Kind.OBJECT);
        }

        Action(int success, boolean list) {
            this(success, Kind.LIST);
        }

        Action(int success, Kind kind) {
            this.success = success;
            this.kind = kind;
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Case.values()).flatMap(c -> Arrays.stream(Action.values()).map(a -> Arguments.of(c, a)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void workerScopeDecides(Case c, Action action) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(action).with(authentication(c.actor().authentication()))
                .with(csrf())).andReturn().getResponse();
        String body = response.getContentAsString();
        switch (action.kind) {
            case LIST -> {
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(body.contains(listMarker(action))).as("listed").isEqualTo(c.reaches);
            }
            case CREATE -> assertThat(response.getStatus()).as(body)
                    .isEqualTo(c.reaches ? action.success : action == Action.API_EXPORT ? 409 : 403);
            case OBJECT -> assertThat(response.getStatus()).as(body).isEqualTo(c.reaches ? action.success : 404);
        }
    }

    private static String listMarker(Action action) {
        return switch (action) {
            case API_VOLUNTEERS -> target.toString();
            case PAGE_VOLUNTEERS -> "矩阵志愿者";
            case API_ACTIVITIES -> targetActivity.toString();
            case PAGE_MANAGE -> "测试活动matrix-now";
            case API_GOODS, PAGE_STORE -> "测试商品matrix" + VolunteeringFixtures.RUN;
            case API_TEAMS -> team.toString();
            case API_SUMMARY -> DAOBEI;
            case PAGE_TEAMS -> "测试服务队matrix" + VolunteeringFixtures.RUN;
            case PAGE_PARTY, API_PARTY -> "矩阵志愿者";
            case PAGE_IMPORT -> "已导入 <strong>1</strong>";
            case PAGE_SCHEDULES -> "矩阵排期" + VolunteeringFixtures.RUN;
            case PAGE_HONOURS -> "矩阵志愿者";
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    private org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request(Action action) {
        String activity = "/api/v1/activities/" + targetActivity;
        String page = "/volunteering/activities/" + targetActivity;
        UUID walkIn = VolunteeringFixtures.fixed("volunteer:matrix-walk-in");
        return switch (action) {
            case API_VOLUNTEERS -> get("/api/v1/volunteers").param("size", "100").param("q", "矩阵");
            case API_VOLUNTEER -> get("/api/v1/volunteers/" + target);
            case API_REVEAL -> json(post("/api/v1/volunteers/" + target + "/reveal"), "{\"reason\":\"核对身份\"}");
            case API_REGISTER -> json(post("/api/v1/volunteers"), "{\"realName\":\"新志愿者\",\"identityNumber\":\""
                    + VolunteeringFixtures.identityNumber("610527", 811) + "\",\"communityCode\":\"" + DAOBEI + "\"}");
            case API_ACTIVITIES -> get("/api/v1/activities").param("size", "100");
            case API_ACTIVITY -> get(activity);
            case API_CREATE_ACTIVITY -> json(post("/api/v1/activities"), newActivity());
            case API_ATTENDANCES -> get(activity + "/attendances");
            case API_CHECK_IN_FOR -> json(post(activity + "/attendances"),
                    "{\"volunteerId\":\"" + target + "\",\"reason\":\"没有智能手机\"}");
            case API_CONFIRM -> json(post(activity + "/confirmation"), "{\"outcomes\":{\"MEALS\":3}}");
            case API_REVERSAL -> json(post("/api/v1/volunteers/hours/" + ledgerRow + "/reversal"), "{\"reason\":\"重复登记\"}");
            case API_GOODS -> get("/api/v1/volunteers/store/goods");
            case API_ADD_GOODS -> json(post("/api/v1/volunteers/store/goods"),
                    "{\"communityCode\":\"" + DAOBEI + "\",\"name\":\"肥皂\",\"pricePoints\":5,\"stock\":10}");
            case API_REDEEM -> json(post("/api/v1/volunteers/store/redemptions"),
                    "{\"card\":\"" + card + "\",\"goodsId\":\"" + goods + "\",\"quantity\":1}");
            case API_TEAMS -> get("/api/v1/volunteers/teams");
            case API_SUMMARY -> get("/api/v1/activities/summary").param("from", "2000-01-01T00:00:00Z")
                    .param("to", "2100-01-01T00:00:00Z");
            case API_CREATE_TEAM -> json(post("/api/v1/volunteers/teams"), "{\"unitId\":\"" + organizer + "\",\"name\":\"矩阵新队\"}");
            case API_EXPORT -> json(post("/api/v1/volunteers/hours/export"),
                    "{\"from\":\"2000-01-01T00:00:00Z\",\"to\":\"2100-01-01T00:00:00Z\"}");
            case API_TEAM -> get("/api/v1/volunteers/teams/" + team);
            case API_TEAM_LEADER -> json(post("/api/v1/volunteers/teams/" + team + "/leader"), "{\"volunteerId\":\"" + target + "\"}");
            case API_TEAM_END -> post("/api/v1/volunteers/teams/" + team + "/members/" + walkIn + "/end");
            case API_PARTY -> get("/api/v1/volunteers/party");
            case API_PARTY_CONFIRM -> json(post("/api/v1/volunteers/party/" + target + "/confirmation"), "{\"confirmed\":true}");
            case PAGE_ACTIVITY -> get(page);
            case PAGE_QR -> get(page + "/qr.png");
            case PAGE_CHECK_IN_FOR -> post(page + "/attendances").param("volunteerId", walkIn.toString())
                    .param("reason", "没有智能手机");
            case PAGE_CONFIRM -> post(page + "/confirmation").param("outcome-MEALS", "2");
            case PAGE_CREATE_ACTIVITY -> post("/volunteering/activities").param("title", "矩阵新活动")
                    .param("serviceLine", "COMMUNITY").param("regionCode", DAOBEI)
                    .param("startsAt", "2099-01-01T09:00").param("endsAt", "2099-01-01T11:00").param("venueName", "广场")
                    .param("venueLat", String.valueOf(LAT)).param("venueLng", String.valueOf(LNG))
                    .param("radiusM", "200").param("slots", "10");
            case PAGE_VOLUNTEERS -> get("/volunteering/volunteers").param("q", "矩阵");
            case PAGE_MANAGE -> get("/volunteering/manage");
            case PAGE_STORE -> get("/volunteering/store");
            case PAGE_REDEEM -> post("/volunteering/store/redemptions").param("card", card)
                    .param("goodsId", goods.toString()).param("quantity", "1");
            case PAGE_TEAMS -> get("/volunteering/teams");
            case PAGE_TEAM -> get("/volunteering/teams/" + team);
            case PAGE_CREATE_TEAM -> post("/volunteering/teams").param("unitId", organizer.toString()).param("name", "矩阵新队");
            case PAGE_TEAM_LEADER -> post("/volunteering/teams/" + team + "/leader").param("volunteerId", target.toString());
            case PAGE_TEAM_END -> post("/volunteering/teams/" + team + "/members/" + walkIn + "/end");
            case PAGE_PARTY -> get("/volunteering/party");
            case PAGE_PARTY_CONFIRM -> post("/volunteering/party/" + target + "/confirmation").param("confirmed", "true");
            case PAGE_IMPORT -> multipart("/volunteering/volunteers/import").file(new MockMultipartFile("file", "roster.xlsx",
                    "application/octet-stream", RosterFiles.roster(List.of("导入志愿者", VolunteeringFixtures.identityNumber("610527", 821), "",
                            DAOBEI, "急救、书法", "周末", "是"))));
            case PAGE_SCHEDULES -> get("/volunteering/schedules");
            case PAGE_CREATE_SCHEDULE -> post("/volunteering/schedules").param("title", "矩阵课后辅导").param("serviceLine", "CHILDREN")
                    .param("regionCode", DAOBEI).param("venueName", "儿童服务站").param("venueLat", String.valueOf(LAT))
                    .param("venueLng", String.valueOf(LNG)).param("weekdays", "1", "2", "3", "4", "5", "6", "7")
                    .param("startsTime", "18:30").param("durationMinutes", "90").param("slots", "3")
                    .param("firstDay", java.time.LocalDate.now().plusDays(1).toString())
                    .param("lastDay", java.time.LocalDate.now().plusDays(8).toString());
            case PAGE_STOP_SCHEDULE -> post("/volunteering/schedules/" + schedule + "/stop");
            case PAGE_HONOURS -> get("/volunteering/honours").param("year", String.valueOf(YEAR));
            case PAGE_NOMINATE -> post("/volunteering/honours/nominations").param("year", String.valueOf(YEAR))
                    .param("title", "EXCELLENT_VOLUNTEER").param("regionCode", DAOBEI).param("count", "5");
            case PAGE_HONOUR_DECISION -> post("/volunteering/honours/" + nominated + "/decision").param("award", "true");
            case PAGE_HONOUR_CERTIFICATES -> post("/volunteering/honours/certificates").param("year", String.valueOf(YEAR))
                    .param("regionCode", DAOBEI);
            case API_HOURS_REPORTS -> get("/api/v1/activities/" + reportActivity + "/hours-reports");
            case API_HOURS_REPORT_DECISION -> json(post("/api/v1/volunteers/hours-reports/" + hoursReport + "/decision"),
                    "{\"confirm\":true}");
            case PAGE_HOURS_REPORT_DECISION -> post("/volunteering/hours-reports/" + hoursReport + "/decision")
                    .param("activityId", reportActivity.toString()).param("confirm", "false").param("reason", "未见到本人");
            case API_DEED_AWARD -> json(post("/api/v1/volunteers/store/deed-awards"),
                    "{\"card\":\"" + card + "\",\"deedId\":\"" + deed + "\",\"note\":\"帮助邻居分拣垃圾\"}");
            case PAGE_DEED_AWARD -> post("/volunteering/store/deed-awards").param("card", card).param("deedId", deed.toString())
                    .param("note", "帮助邻居分拣垃圾");
            case PAGE_NOMINATE_BY_HAND -> post("/volunteering/honours/nominations/by-hand").param("year", String.valueOf(YEAR))
                    .param("title", "EXCELLENT_VOLUNTEER").param("regionCode", DAOBEI)
                    .param("subject", VolunteeringFixtures.identityNumber("610527", 803)).param("nominationReason", "抗洪抢险表现突出");
        };
    }

    private static String newActivity() {
        return "{\"title\":\"矩阵新活动\",\"serviceLine\":\"ELDERLY\",\"regionCode\":\"" + DAOBEI + "\","
                + "\"startsAt\":\"2099-01-01T01:00:00Z\",\"endsAt\":\"2099-01-01T03:00:00Z\",\"venueName\":\"广场\","
                + "\"venueLat\":" + LAT + ",\"venueLng\":" + LNG + ",\"radiusM\":150,\"slots\":20}";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Volunteers of the activity's county and of the neighbouring county. */
    enum Vol {
        OWN_COUNTY("610527", true),
        OTHER_COUNTY("610526", false);

        final String county;
        final boolean reaches;

        Vol(String county, boolean reaches) {
            this.county = county;
            this.reaches = reaches;
        }

        TestActor actor() {
            return VolunteeringFixtures.volunteerActor("vol_matrix_self_" + name().toLowerCase(), county);
        }
    }

    enum SelfAction { API_OPEN, API_ACTIVITY, API_ENROL, API_CANCEL, API_CHECK_IN, API_JOIN, API_LEAVE, API_TEAM, PAGE_ACTIVITY, PAGE_ENROL,
        PAGE_CHECK_IN, PAGE_CHECK_IN_POST, PAGE_TEAM, PAGE_TEAM_JOIN,
        API_HOURS_REPORT, PAGE_HOURS_REPORT }

    static Stream<Arguments> selfCells() {
        return Arrays.stream(Vol.values()).flatMap(v -> Arrays.stream(SelfAction.values()).map(a -> Arguments.of(v, a)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("selfCells")
    void volunteerCountyDecides(Vol v, SelfAction action) throws Exception {
        var auth = authentication(v.actor().authentication());
        String activity = "/api/v1/activities/";
        String signature = checkIns.signature(targetActivity);
        if (action == SelfAction.API_CANCEL && v.reaches) {
            mvc.perform(post(activity + futureActivity + "/enrolment").with(auth).with(csrf()));
        }
        MockHttpServletRequestBuilder request = switch (action) {
            case API_OPEN -> get("/api/v1/activities/open").param("size", "100");
            case API_ACTIVITY -> get(activity + targetActivity);
            case API_ENROL -> post(activity + futureActivity + "/enrolment");
            case API_CANCEL -> delete(activity + futureActivity + "/enrolment");
            case API_CHECK_IN -> json(post(activity + targetActivity + "/check-in"), "{\"signature\":\"" + signature
                    + "\",\"lat\":" + LAT + ",\"lng\":" + LNG + ",\"accuracy\":10}");
            case API_JOIN -> post("/api/v1/volunteers/teams/" + team + "/membership");
            case API_LEAVE -> delete("/api/v1/volunteers/teams/" + team + "/membership");
            case API_TEAM -> get("/api/v1/volunteers/teams/" + team);
            case PAGE_ACTIVITY -> get("/volunteering/activities/" + futureActivity);
            case PAGE_ENROL -> post("/volunteering/activities/" + futureActivity + "/enrolment");
            case PAGE_CHECK_IN -> get("/volunteering/check-in/" + targetActivity).param("s", signature);
            case PAGE_CHECK_IN_POST -> post("/volunteering/check-in/" + targetActivity).param("s", signature)
                    .param("lat", String.valueOf(LAT)).param("lng", String.valueOf(LNG)).param("accuracy", "10");
            case PAGE_TEAM -> get("/volunteering/teams/" + team);
            case PAGE_TEAM_JOIN -> post("/volunteering/teams/" + team + "/membership").param("action", "join");
            case API_HOURS_REPORT -> json(post("/api/v1/volunteers/me/hours-reports"), "{\"activityId\":\"" + reportActivity
                    + "\",\"date\":\"" + reportDay() + "\",\"startsAt\":\"10:00\",\"hours\":1.5,\"description\":\"帮助登记\"}");
            case PAGE_HOURS_REPORT -> post("/volunteering/me/hours-reports").param("activityId", reportActivity.toString())
                    .param("date", reportDay().toString()).param("startsAt", "10:00").param("hours", "1.5")
                    .param("description", "帮助登记");
        };
        MockHttpServletResponse response = mvc.perform(request.with(auth).with(csrf())).andReturn().getResponse();
        String body = response.getContentAsString();
        switch (action) {
            case API_OPEN -> assertThat(body.contains(futureActivity.toString())).as("listed").isEqualTo(v.reaches);
            default -> {
                int success = switch (action) {
                    case API_CANCEL, API_JOIN, API_LEAVE -> 204;
                    case API_HOURS_REPORT -> 201;
                    case PAGE_ENROL, PAGE_TEAM_JOIN, PAGE_HOURS_REPORT -> 302;
                    default -> 200;
                };
                assertThat(response.getStatus()).as(body).isEqualTo(v.reaches ? success : 404);
            }
        }
        if (action == SelfAction.PAGE_CHECK_IN_POST && v.reaches) {
            assertThat(body).contains("签到成功");
        }
    }
}
