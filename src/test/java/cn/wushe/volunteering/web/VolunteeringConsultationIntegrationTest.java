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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The consultation board (志愿服务协商) and the outcome catalogue (服务成效目录) through their API and
 * pages, each test rolled back: who may propose, comment, support (once) and decide (once, a decline
 * with a reason), who keeps the county's catalogue, and that out of scope is not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteeringConsultationIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    UUID organizer;
    UUID team;
    UUID proposal;
    UUID activity;
    UUID occurrence;
    UUID oneOff;
    TestActor member;
    TestActor outsider;
    TestActor foreign;
    TestActor runner;
    TestActor sibling;
    TestActor county;
    TestActor town;
    TestActor otherCounty;

    @BeforeAll
    void data(@Autowired Volunteers volunteers, @Autowired Activities activities, @Autowired UnitManagement units) {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        organizer = f.committee(DAOBEI).value();
        member = VolunteeringFixtures.volunteerActor("vol_cons_member", "610527");
        outsider = VolunteeringFixtures.volunteerActor("vol_cons_outsider", "610527");
        foreign = VolunteeringFixtures.volunteerActor("vol_cons_foreign", "610526");
        UUID memberId = f.volunteer("cons-member", DAOBEI, member.id(), "协商队员", 901);
        f.volunteer("cons-outsider", DAOBEI, outsider.id(), "队外志愿者", 902);
        f.volunteer("cons-foreign", "610526001001", foreign.id(), "蒲城队员", 903);
        runner = VolunteeringFixtures.worker("vol_cons_runner", DAOBEI, organizer);
        sibling = VolunteeringFixtures.worker("vol_cons_sibling", "610527001002", organizer);
        county = VolunteeringFixtures.worker("vol_cons_county", "610527", organizer);
        town = VolunteeringFixtures.worker("vol_cons_town", "610527001", organizer);
        otherCounty = VolunteeringFixtures.worker("vol_cons_other", "610526", organizer);
        team = f.team("cons", DAOBEI, organizer);
        jdbc.sql("""
                insert into volunteering.team_members (county_code, team_id, volunteer_id, joined_on)
                values ('610527', :team, :member, current_date - 10) on conflict do nothing""")
                .param("team", team).param("member", memberId).update();
        proposal = VolunteeringFixtures.fixed("proposal:cons");
        jdbc.sql("""
                insert into volunteering.proposals (county_code, id, team_id, region_code, proposer_id, title, body, service_line,
                    status, created_at)
                values ('610527', :id, :team, :region, :member, '周末清理河道', '周六上午清理白水河岸垃圾，需要十人', 'ENVIRONMENT',
                    'PROPOSED', now()) on conflict do nothing""")
                .param("id", proposal).param("team", team).param("region", DAOBEI).param("member", memberId).update();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        activity = f.activity("cons-confirm", DAOBEI, organizer, now.minus(3, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS), 5);
        f.attendance(activity, memberId, now.minus(3, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
        // an occurrence of a schedule in three days, the member signed up to it; and a one-off activity
        occurrence = f.activity("cons-occurrence", DAOBEI, organizer, now.plus(3, ChronoUnit.DAYS),
                now.plus(3, ChronoUnit.DAYS).plus(90, ChronoUnit.MINUTES), 3);
        jdbc.sql("update volunteering.activities set series_id = :series where id = :id")
                .param("series", VolunteeringFixtures.fixed("schedule:cons")).param("id", occurrence).update();
        jdbc.sql("""
                insert into volunteering.enrolments (county_code, activity_id, volunteer_id, status, enrolled_at)
                values ('610527', :activity, :member, 'ENROLLED', now()) on conflict do nothing""")
                .param("activity", occurrence).param("member", memberId).update();
        oneOff = f.activity("cons-one-off", DAOBEI, organizer, now.plus(3, ChronoUnit.DAYS), now.plus(4, ChronoUnit.DAYS), 3);
    }

    private long notices(String title) {
        return jdbc.sql("""
                select count(*) from notifications.inbox i join notifications.notices n on n.id = i.notice_id
                where i.user_id = :user and n.title like :title""")
                .param("user", member.id()).param("title", "%" + title + "%").query(Long.class).single();
    }

    @Test
    void anOccurrenceIsMovedOrCancelledAloneAndItsVolunteersAreTold() throws Exception {
        String api = "/api/v1/activities/" + occurrence + "/occurrence";
        String later = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(status(sibling, json(post(api + "/move"), "{\"startsAt\":\"" + later + "\"}"))).isEqualTo(404);
        assertThat(status(otherCounty, json(post(api + "/move"), "{\"startsAt\":\"" + later + "\"}"))).isEqualTo(404);
        assertThat(perform(runner, json(post(api + "/move"), "{\"startsAt\":\"2000-01-01T00:00:00Z\"}")).getContentAsString())
                .contains("将来的开始时间");
        assertThat(perform(runner, json(post("/api/v1/activities/" + oneOff + "/occurrence/move"),
                "{\"startsAt\":\"" + later + "\"}")).getContentAsString()).contains("不是排期生成的场次");
        MockHttpServletResponse moved = perform(runner, json(post(api + "/move"), "{\"startsAt\":\"" + later + "\"}"));
        assertThat(moved.getStatus()).isEqualTo(200);
        assertThat(moved.getContentAsString()).contains("\"notified\":1");
        assertThat(jdbc.sql("select ends_at - starts_at = interval '90 minutes' and starts_at = :later::timestamptz"
                        + " from volunteering.activities where id = :id")
                .param("later", later).param("id", occurrence).query(Boolean.class).single()).isTrue();
        assertThat(notices("场次改期")).isEqualTo(1);
        assertThat(status(member, json(post(api + "/move"), "{\"startsAt\":\"" + later + "\"}"))).isEqualTo(403);

        assertThat(perform(runner, json(post(api + "/cancellation"), "{}")).getContentAsString()).contains("取消须写明原因");
        assertThat(status(sibling, json(post(api + "/cancellation"), "{\"reason\":\"停电\"}"))).isEqualTo(404);
        assertThat(status(otherCounty, json(post(api + "/cancellation"), "{\"reason\":\"停电\"}"))).isEqualTo(404);
        assertThat(perform(runner, json(post(api + "/cancellation"), "{\"reason\":\"服务站停电检修\"}")).getContentAsString())
                .contains("\"notified\":1");
        assertThat(notices("场次取消")).isEqualTo(1);
        assertThat(perform(runner, json(post(api + "/cancellation"), "{\"reason\":\"再取消\"}")).getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit.entries where object_id = :id and action in ('OCCURRENCE_MOVE', 'OCCURRENCE_CANCEL')")
                .param("id", occurrence.toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theOrganizerMovesAnOccurrenceOnItsPage() throws Exception {
        String page = "/volunteering/activities/" + occurrence;
        assertThat(perform(runner, get(page)).getContentAsString()).contains("调整本场", "取消本场");
        assertThat(perform(runner, get("/volunteering/activities/" + oneOff)).getContentAsString()).doesNotContain("调整本场");
        String later = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(6).withSecond(0).withNano(0).toString();
        assertThat(status(sibling, post(page + "/occurrence/move").param("startsAt", later))).isEqualTo(404);
        assertThat(status(otherCounty, post(page + "/occurrence/move").param("startsAt", later))).isEqualTo(404);
        assertThat(status(otherCounty, post(page + "/occurrence/cancel").param("reason", "停电"))).isEqualTo(404);
        assertThat(status(runner, post(page + "/occurrence/move").param("startsAt", later))).isEqualTo(302);
        assertThat(notices("场次改期")).isEqualTo(1);
        assertThat(status(runner, post(page + "/occurrence/cancel").param("reason", "停电"))).isEqualTo(302);
        assertThat(perform(runner, get(page)).getContentAsString()).contains("已取消").doesNotContain("调整本场");
    }

    private MockHttpServletResponse perform(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(actor.authentication())).with(csrf())).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private int status(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        return perform(actor, request).getStatus();
    }

    @Test
    void aMemberProposesCommentsAndSupportsOnce() throws Exception {
        String board = "/api/v1/volunteers/teams/" + team + "/proposals";
        String created = perform(member, json(post(board), "{\"title\":\"敬老院包饺子\",\"body\":\"冬至去敬老院\",\"serviceLine\":\"ELDERLY\"}"))
                .getContentAsString();
        assertThat(created).contains("\"id\"");
        assertThat(status(member, json(post(board), "{\"title\":\"敬\",\"body\":\"\",\"serviceLine\":\"X\"}"))).isEqualTo(400);
        assertThat(status(outsider, json(post(board), "{\"title\":\"队外提议\",\"body\":\"内容\",\"serviceLine\":\"OTHER\"}"))).isEqualTo(403);
        assertThat(status(foreign, json(post(board), "{\"title\":\"外县提议\",\"body\":\"内容\",\"serviceLine\":\"OTHER\"}"))).isEqualTo(404);

        String support = "/api/v1/volunteers/proposals/" + proposal + "/support";
        assertThat(status(member, post(support))).isEqualTo(204);
        MockHttpServletResponse twice = perform(member, post(support));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("每人只能支持一次");
        assertThat(status(outsider, post(support))).isEqualTo(403);
        assertThat(status(foreign, post(support))).isEqualTo(404);

        String comment = "/api/v1/volunteers/proposals/" + proposal + "/comments";
        assertThat(status(member, json(post(comment), "{\"body\":\"我带两把铁锹\"}"))).isEqualTo(204);
        assertThat(status(runner, json(post(comment), "{\"body\":\"社区提供垃圾袋\"}"))).isEqualTo(204);
        assertThat(status(sibling, json(post(comment), "{\"body\":\"隔壁社区\"}"))).isEqualTo(404);
        assertThat(status(foreign, json(post(comment), "{\"body\":\"外县\"}"))).isEqualTo(404);

        String read = perform(member, get(board)).getContentAsString();
        assertThat(read).contains("敬老院包饺子", "我带两把铁锹", "社区提供垃圾袋", "\"supports\":1");
        assertThat(status(sibling, get(board))).isEqualTo(404);
        assertThat(status(foreign, get(board))).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'PROPOSAL_SUPPORT' and object_id = :id")
                .param("id", proposal.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whoeverRunsTheTeamDecidesOnceAndADeclineNeedsAReason() throws Exception {
        String decision = "/api/v1/volunteers/proposals/" + proposal + "/decision";
        assertThat(status(sibling, json(post(decision), "{\"adopt\":true}"))).isEqualTo(404);
        assertThat(status(otherCounty, json(post(decision), "{\"adopt\":true}"))).isEqualTo(404);
        assertThat(perform(runner, json(post(decision), "{\"adopt\":false}")).getContentAsString()).contains("不采纳须写明理由");
        MockHttpServletResponse adopted = perform(runner, json(post(decision), "{\"adopt\":true}"));
        assertThat(adopted.getStatus()).isEqualTo(200);
        assertThat(adopted.getContentAsString()).contains("周末清理河道", "ENVIRONMENT", DAOBEI);
        MockHttpServletResponse again = perform(runner, json(post(decision), "{\"adopt\":false,\"reason\":\"改主意\"}"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("不能再更改");
        assertThat(status(member, post("/api/v1/volunteers/proposals/" + proposal + "/support"))).isEqualTo(409);
        // the adopted proposal is the draft of the activity form
        assertThat(perform(runner, get("/volunteering/manage").param("proposal", proposal.toString())).getContentAsString())
                .contains("按采纳的协商提议起草", "value=\"周末清理河道\"", "name=\"startsAt\"", "name=\"venueLat\"", "name=\"slots\"")
                .doesNotContain("name=\"weekdays\"");
        // the schedule form shares the activity form's fields (one fragment) with its weekly timing
        assertThat(perform(runner, get("/volunteering/schedules")).getContentAsString())
                .contains("name=\"weekdays\"", "name=\"venueLat\"", "每场名额", "name=\"firstDay\"").doesNotContain("name=\"startsAt\"");
        assertThat(status(sibling, get("/volunteering/manage").param("proposal", proposal.toString()))).isEqualTo(404);
    }

    @Test
    void theBoardPagesFollowTheSameRules() throws Exception {
        String page = "/volunteering/teams/" + team + "/proposals";
        assertThat(perform(member, get(page)).getContentAsString()).contains("周末清理河道", "提议一项活动", "支持");
        assertThat(perform(runner, get(page)).getContentAsString()).contains("采纳并起草活动");
        assertThat(status(sibling, get(page))).isEqualTo(404);
        assertThat(status(foreign, get(page))).isEqualTo(404);
        assertThat(status(member, post(page).param("title", "义务理发").param("body", "每月一次").param("serviceLine", "ELDERLY")))
                .isEqualTo(302);
        assertThat(status(outsider, post(page).param("title", "队外").param("body", "内容").param("serviceLine", "ELDERLY")))
                .isEqualTo(403);
        assertThat(status(foreign, post(page).param("title", "外县").param("body", "内容").param("serviceLine", "ELDERLY")))
                .isEqualTo(404);
        String one = page + "/" + proposal;
        assertThat(status(member, post(one + "/support"))).isEqualTo(302);
        assertThat(status(foreign, post(one + "/support"))).isEqualTo(404);
        assertThat(status(member, post(one + "/comments").param("body", "赞成"))).isEqualTo(302);
        assertThat(status(sibling, post(one + "/comments").param("body", "隔壁"))).isEqualTo(404);
        assertThat(status(foreign, post(one + "/comments").param("body", "外县"))).isEqualTo(404);
        assertThat(status(otherCounty, post(one + "/decision").param("adopt", "true"))).isEqualTo(404);
        assertThat(status(sibling, post(one + "/decision").param("adopt", "false").param("reason", "不需要"))).isEqualTo(404);
        assertThat(status(runner, post(one + "/decision").param("adopt", "false").param("reason", "本月已有同类活动")))
                .isEqualTo(302);
        assertThat(perform(member, get(page)).getContentAsString()).contains("未采纳", "本月已有同类活动");
    }

    @Test
    void aPartyMemberDeclaresThroughTheApiAndTheCommunityConfirms() throws Exception {
        String me = "/api/v1/volunteers/me/party";
        MockHttpServletResponse declared = perform(member, json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(me),
                "{\"partyMember\":true,\"sendingEmployer\":\"白水县供电公司\"}"));
        assertThat(declared.getStatus()).isEqualTo(200);
        assertThat(declared.getContentAsString()).contains("\"partyMember\":true", "白水县供电公司", "\"confirmed\":false");
        assertThat(perform(member, get(me)).getContentAsString()).contains("白水县供电公司");
        assertThat(perform(runner, get("/api/v1/volunteers/party")).getContentAsString()).contains("协商队员");
        assertThat(perform(sibling, get("/api/v1/volunteers/party")).getContentAsString()).doesNotContain("协商队员");
        UUID memberId = VolunteeringFixtures.fixed("volunteer:cons-member");
        String confirm = "/api/v1/volunteers/party/" + memberId + "/confirmation";
        assertThat(status(sibling, json(post(confirm), "{\"confirmed\":true}"))).isEqualTo(404);
        assertThat(status(runner, json(post(confirm), "{\"confirmed\":true}"))).isEqualTo(204);
        assertThat(perform(member, get(me)).getContentAsString()).contains("\"confirmed\":true");
        // a typed employer has no account: no unit sees the member
        assertThat(perform(runner, get("/api/v1/volunteers/party/unit")).getContentAsString()).doesNotContain("协商队员");
    }

    @Test
    void theCountyKeepsItsOutcomeCatalogueAndConfirmationsFollowIt() throws Exception {
        String kinds = "/api/v1/activities/outcome-kinds";
        assertThat(perform(runner, get(kinds)).getContentAsString()).contains("送餐", "\"unit\":\"份\"");
        assertThat(status(town, json(post(kinds), "{\"name\":\"义诊\",\"unit\":\"人次\"}"))).isEqualTo(403);
        assertThat(status(otherCounty, json(post(kinds), "{\"countyCode\":\"610527\",\"name\":\"义诊\",\"unit\":\"人次\"}")))
                .isEqualTo(404);
        assertThat(status(county, json(post(kinds), "{\"name\":\"\",\"unit\":\"\"}"))).isEqualTo(400);
        MockHttpServletResponse added = perform(county, json(post(kinds), "{\"name\":\"义诊\",\"unit\":\"人次\"}"));
        assertThat(added.getStatus()).isEqualTo(201);
        String code = added.getContentAsString().replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");
        assertThat(status(county, json(post(kinds), "{\"name\":\"义诊\",\"unit\":\"次\"}"))).isEqualTo(400);
        assertThat(status(otherCounty, json(post(kinds + "/MEALS/retirement"), "{\"countyCode\":\"610527\"}"))).isEqualTo(404);
        assertThat(status(town, json(post(kinds + "/MEALS/retirement"), "{}"))).isEqualTo(403);
        assertThat(status(county, json(post(kinds + "/MEALS/retirement"), "{}"))).isEqualTo(204);

        String confirm = "/api/v1/activities/" + activity + "/confirmation";
        MockHttpServletResponse retired = perform(runner, json(post(confirm), "{\"outcomes\":{\"MEALS\":3}}"));
        assertThat(retired.getStatus()).isEqualTo(400);
        assertThat(retired.getContentAsString()).contains("服务成效须是目录中的项目");
        assertThat(status(runner, json(post(confirm), "{\"outcomes\":{\"" + code + "\":12,\"TREES\":30}}"))).isEqualTo(200);

        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        String report = perform(runner, get("/api/v1/activities/outcomes").param("year", String.valueOf(year))).getContentAsString();
        assertThat(report).contains("\"communityCode\":\"" + DAOBEI + "\"", "\"" + code + "\":12", "\"TREES\":30");
        assertThat(perform(sibling, get("/api/v1/activities/outcomes").param("year", String.valueOf(year))).getContentAsString())
                .doesNotContain(DAOBEI);
        assertThat(perform(otherCounty, get("/api/v1/activities/outcomes").param("year", String.valueOf(year))).getContentAsString())
                .doesNotContain(DAOBEI);
        String page = perform(runner, get("/volunteering/outcomes")).getContentAsString();
        assertThat(page).contains("义诊（人次）", "送餐（份）", "已停用");
        assertThat(page).doesNotContain("新增项目");
        assertThat(perform(sibling, get("/volunteering/outcomes")).getContentAsString()).doesNotContain("道北社区</th>");
        assertThat(perform(county, get("/volunteering/outcomes")).getContentAsString()).contains("新增项目");
        assertThat(status(town, post("/volunteering/outcomes/kinds").param("name", "巡逻").param("unit", "次"))).isEqualTo(403);
        assertThat(status(county, post("/volunteering/outcomes/kinds").param("name", "巡逻").param("unit", "次"))).isEqualTo(302);
        assertThat(status(town, post("/volunteering/outcomes/kinds/TREES/retire"))).isEqualTo(403);
        assertThat(status(county, post("/volunteering/outcomes/kinds/TREES/retire"))).isEqualTo(302);
    }
}
