package cn.wushe.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin pages: the year list warns that next year is missing, a year shows as a month grid, the
 * form refuses impossible days beside their field and saves a correct year; a county outside the
 * admin's scope does not exist for them, and a user without CALENDAR_MANAGE is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class CalendarPagesIntegrationTest {

    final Authentication admin = TestActor.of("sysadmin-baishui", "SYSTEM_ADMIN", "610527", Permission.CALENDAR_MANAGE)
            .authentication();
    final Authentication otherCountyAdmin = TestActor.of("sysadmin-pucheng", "SYSTEM_ADMIN", "610526",
            Permission.CALENDAR_MANAGE).authentication();
    final Authentication countyAdmin = TestActor.of("county-admin", "COUNTY_ADMIN", "610527", Permission.GRID_VIEW)
            .authentication();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsTheSeededYears() throws Exception {
        mvc.perform(get("/admin/calendar").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("预置（国务院办公厅通知数据）")))
                .andExpect(content().string(containsString("/admin/calendar/2026")));
        mvc.perform(get("/admin/calendar?year=2030&county=610527").with(authentication(admin)))
                .andExpect(redirectedUrl("/admin/calendar/2030?county=610527"));
    }

    @Test
    void showsAYearAsAMonthGridWithItsHolidays() throws Exception {
        mvc.perform(get("/admin/calendar/2025").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-kind=\"make-up\" title=\"国庆中秋\"")))
                .andExpect(content().string(containsString("国庆中秋 2025-10-01 2025-10-08")))
                .andExpect(content().string(containsString("2025-09-28 2025-10-11")));
    }

    @Test
    void refusesImpossibleDaysBesideTheirFieldAndSavesACorrectYear() throws Exception {
        mvc.perform(post("/admin/calendar/2030").with(authentication(admin)).with(csrf())
                        .param("holidays", "国庆节 2030-10-01 2030-10-07").param("makeUpDays", "2030-10-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("调休上班日 2030-10-02 是星期三，不是周六或周日")));
        assertThat(jdbc.sql("select count(*) from calendar.years where year = 2030").query(Long.class).single()).isZero();

        mvc.perform(post("/admin/calendar/2030").with(authentication(admin)).with(csrf())
                        .param("holidays", "国庆节 2030-10-01 2030-10-07").param("makeUpDays", "2030-09-29"))
                .andExpect(redirectedUrl("/admin/calendar/2030"));
        mvc.perform(post("/admin/calendar/2030").with(authentication(admin)).with(csrf())
                        .param("holidays", "国庆节 2030-10-01 2030-10-07").param("makeUpDays", "2030-09-29"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("修改前请先读取该记录")));
    }

    @Test
    void aCountyOutsideTheAdminsScopeDoesNotExistForThem() throws Exception {
        mvc.perform(get("/admin/calendar/2026?county=610527").with(authentication(otherCountyAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/calendar/2026?county=610527").with(authentication(otherCountyAdmin)).with(csrf())
                        .param("holidays", "元旦 2026-01-01"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/calendar/office-hours/610527").with(authentication(otherCountyAdmin)).with(csrf())
                        .param("hours", "09:00-17:00").param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/calendar/2026?county=610527").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("春节 2026-02-15 2026-02-23")));
        mvc.perform(get("/admin/calendar/office-hours").with(authentication(otherCountyAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("县（区）610526 更正")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("610527"))));
        mvc.perform(post("/admin/calendar/office-hours/610527").with(authentication(admin)).with(csrf())
                        .param("hours", "09:00-12:00,11:00-17:00").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("时段 11:00-17:00 与前一时段重叠或顺序颠倒")));
        mvc.perform(post("/admin/calendar/office-hours/610527").with(authentication(admin)).with(csrf())
                        .param("hours", "09:00-17:00").param("version", "0"))
                .andExpect(redirectedUrl("/admin/calendar/office-hours"));
        mvc.perform(get("/admin/calendar/office-hours").with(authentication(admin)))
                .andExpect(content().string(containsString("value=\"09:00-17:00\"")));
    }

    @Test
    void refusesAUserWithoutCalendarManage() throws Exception {
        mvc.perform(get("/admin/calendar").with(authentication(countyAdmin))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar/2026").with(authentication(countyAdmin))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/2030").with(authentication(countyAdmin)).with(csrf())
                .param("holidays", "元旦 2030-01-01")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar/office-hours").with(authentication(countyAdmin))).andExpect(status().isForbidden());
    }
}
