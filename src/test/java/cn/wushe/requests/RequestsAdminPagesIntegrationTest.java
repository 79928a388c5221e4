package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.COUNTY;
import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.GONGNONG;
import static cn.wushe.requests.RequestsFixtures.GONGNONG_COMMITTEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.requests.internal.Catalogue;
import cn.wushe.requests.internal.CatalogueItem;
import cn.wushe.requests.internal.DeskHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The keepers' pages: the county's catalogue (each item's handling unit and working days per level,
 * publishing a version, retiring) for its administrator only, and a community's 错时 desk hours and
 * the day's bookings for its own staff — the sibling community and another county do not find them.
 */
class RequestsAdminPagesIntegrationTest extends RequestsTestBase {

    final TestActor admin = RequestsFixtures.countyAdmin("pages_admin", COUNTY);
    final TestActor otherAdmin = RequestsFixtures.countyAdmin("pages_other_admin", "610526");
    final TestActor worker = RequestsFixtures.communityWorker("pages_worker", GONGNONG, GONGNONG_COMMITTEE);
    final TestActor sibling = RequestsFixtures.communityWorker("pages_sibling", DAOBEI, DAOBEI_COMMITTEE);
    final TestActor otherCounty = RequestsFixtures.actor("pages_other", "COUNTY_ADMIN", "610526", Set.of(Permission.values()),
            RequestsFixtures.PUCHENG_CIVIL_AFFAIRS);

    @Autowired
    Catalogue catalogue;
    @Autowired
    DeskHours deskHours;

    MockHttpServletResponse form(TestActor actor, String path, Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(authentication(actor.authentication())).with(csrf());
        params.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse page(TestActor actor, String path) throws Exception {
        return get(actor, path);
    }

    @Test
    void theKeeperSeesWhoHandlesEachItemAndPublishesAndRetiresThroughThePages() throws Exception {
        String list = page(admin, "/matters/catalogue").getContentAsString();
        assertThat(list).contains("最低生活保障申请", "社区居委会（村委会）", "个工作日", "合计");
        assertThat(page(admin, "/matters/catalogue/new?from=dibao").getContentAsString()).contains("居民身份证", "value=\"dibao\"");
        assertThat(page(RequestsFixtures.resident("pages_resident", DAOBEI), "/matters/catalogue").getStatus()).isEqualTo(403);

        // a database kept from an earlier run holds that run's item
        String code = "pages-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Map<String, String> draft = new java.util.LinkedHashMap<>(Map.of("code", code, "category", "便民服务", "name", "页面测试事项",
                "communityDays", "2", "townDays", "3", "countyDays", "4", "department", "民政局", "whereWhen", "社区窗口"));
        draft.putAll(Map.of("material-name-0", "现场照片", "material-code-0", "photo", "material-count-0", "0"));
        MockHttpServletResponse refused = form(admin, "/matters/catalogue", draft);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("请至少选择一种办理渠道", "第 1 项材料的份数应在 1 到 20 之间", "现场照片");
        assertThat(catalogue.latestByCode(COUNTY, code)).isEmpty();

        draft.put("material-count-0", "1");
        draft.put("material-original-0", "on");
        draft.put("channels", "REPORT");
        MockHttpServletResponse published = form(admin, "/matters/catalogue", draft);
        assertThat(published.getStatus()).isEqualTo(302);
        CatalogueItem item = catalogue.activeByCode(COUNTY, code).orElseThrow();
        assertThat(item.materials()).containsExactly(new CatalogueItem.Material("photo", "现场照片", true, 1));
        assertThat(item.totalDays()).isEqualTo(9);
        assertThat(item.department()).isEqualTo("民政局");

        assertThat(form(otherAdmin, "/matters/catalogue/" + code + "/retire", Map.of()).getStatus())
                .as("another county's keeper keeps its own catalogue").isEqualTo(404);
        assertThat(catalogue.activeByCode(COUNTY, code)).isPresent();
        assertThat(form(admin, "/matters/catalogue/" + code + "/retire", Map.of()).getStatus()).isEqualTo(302);
        assertThat(catalogue.activeByCode(COUNTY, code)).isEmpty();
        assertThat(page(admin, "/matters/catalogue").getContentAsString()).contains("页面测试事项", "已停用");
    }

    @Test
    void theWorkbenchCountsWhatWaitsAtTheHandlersOwnUnitOnly(@Autowired cn.wushe.requests.internal.MatterQueries queries)
            throws Exception {
        long mine = queries.waiting(worker).open();
        long siblings = queries.waiting(sibling).open();
        Map<String, Object> own = new java.util.LinkedHashMap<>(deskStreetlight(GONGNONG));
        own.put("channel", "SELF_SERVICE");
        own.put("materials", Map.of("photo", Map.of("file", Map.of("fileName", "p.png", "contentBase64", png()))));
        submit(RequestsFixtures.resident("pages_waiting_resident", GONGNONG), own);
        assertThat(queries.waiting(worker).open()).isEqualTo(mine + 1);
        assertThat(queries.waiting(sibling).open()).isEqualTo(siblings);
        assertThat(queries.waiting(admin).open()).as("the county handles no unit's inbox").isZero();
        assertThat(page(worker, "/").getContentAsString()).contains("本单位诉求待签收、待办理");
    }

    @Test
    void aCommunitysStaffSetTheDeskHoursAndRecordTheDaysBookings() throws Exception {
        for (TestActor outsider : new TestActor[] { sibling, otherCounty }) {
            assertThat(page(outsider, "/matters/desk-hours?community=" + GONGNONG).getStatus()).isEqualTo(404);
            assertThat(form(outsider, "/matters/desk-hours", Map.of("community", GONGNONG, "weekday-0", "2", "opens-0", "18:30",
                    "closes-0", "20:30", "slot-0", "30", "capacity-0", "2")).getStatus()).isEqualTo(404);
        }
        assertThat(page(admin, "/matters/desk-hours?community=" + GONGNONG).getStatus()).as("the county handles no desk").isEqualTo(403);

        assertThat(page(worker, "/matters/desk-hours").getContentAsString()).contains(GONGNONG, "节假日开放");
        assertThat(form(worker, "/matters/desk-hours", Map.of("community", GONGNONG, "weekday-0", "2", "opens-0", "25:00",
                "closes-0", "20:30", "slot-0", "30", "capacity-0", "2")).getStatus()).isEqualTo(400);
        assertThat(form(worker, "/matters/desk-hours", Map.of("community", GONGNONG, "weekday-0", "2", "opens-0", "18:30",
                "closes-0", "20:30", "slot-0", "30", "capacity-0", "2", "holiday-0", "on", "weekday-1", "", "opens-1", "")).getStatus())
                .isEqualTo(302);
        assertThat(deskHours.hours(GONGNONG)).containsExactly(
                new DeskHours.Hours(2, LocalTime.of(18, 30), LocalTime.of(20, 30), 30, 2, true));

        ZonedDateTime now = clock.instant().atZone(cn.wushe.platform.ClockConfiguration.ZONE);
        Instant evening = now.toLocalDate().plusDays(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(19, 0)
                .atZone(cn.wushe.platform.ClockConfiguration.ZONE).toInstant();
        DeskHours.Appointment booked = deskHours.book(RequestsFixtures.resident("pages_resident", GONGNONG), GONGNONG, "dibao", evening);
        String day = evening.atZone(cn.wushe.platform.ClockConfiguration.ZONE).toLocalDate().toString();
        assertThat(page(worker, "/matters/desk-hours?day=" + day).getContentAsString()).contains("19:00 · 最低生活保障申请 · 已预约");
        String attendance = "/matters/desk-hours/appointments/" + booked.id() + "/attendance";
        assertThat(form(sibling, attendance, Map.of("attended", "false")).getStatus()).isEqualTo(404);
        assertThat(form(worker, attendance, Map.of("attended", "false", "community", GONGNONG, "day", day)).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status from requests.appointments where id = :id").param("id", booked.id()).query(String.class)
                .single()).isEqualTo("NO_SHOW");
    }
}
