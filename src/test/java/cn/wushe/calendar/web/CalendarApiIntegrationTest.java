package cn.wushe.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar API as a client sees it: a year entered whole with If-Match, refused whole when a
 * day is impossible, refused to a non-admin (403) and for a county outside the admin's scope (404);
 * the arithmetic in Asia/Shanghai, and 409 for a year nobody entered. Each test is rolled back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class CalendarApiIntegrationTest {

    static final String YEAR_2030 = """
            {"holidays":[{"name":"元旦","first":"2030-01-01","last":"2030-01-01"},
                         {"name":"国庆节","first":"2030-10-01","last":"2030-10-07"}],
             "makeUpDays":["2030-09-29","2030-10-12"]}""";

    final Authentication admin = TestActor.of("sysadmin-baishui", "SYSTEM_ADMIN", "610527", Permission.CALENDAR_MANAGE,
            Permission.USER_MANAGE).authentication();
    final Authentication otherCountyAdmin = TestActor.of("sysadmin-pucheng", "SYSTEM_ADMIN", "610526",
            Permission.CALENDAR_MANAGE, Permission.USER_MANAGE).authentication();
    final Authentication countyAdmin = TestActor.of("county-admin", "COUNTY_ADMIN", "610527", Permission.GRID_VIEW,
            Permission.PERSON_VIEW).authentication();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void entersAYearThenChangesItOnlyWithTheVersionItRead() throws Exception {
        enter(admin, "/api/v1/calendar/years/2030", YEAR_2030, null)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.source").value("ENTERED"))
                .andExpect(jsonPath("$.countyCode").doesNotExist())
                .andExpect(jsonPath("$.holidays[1].name").value("国庆节"))
                .andExpect(jsonPath("$.makeUpDays[1]").value("2030-10-12"));
        assertThat(AuditFixture.entriesIn(jdbc).about("CALENDAR_YEAR_SAVE", "2030")).hasSize(1);

        String changed = YEAR_2030.replace("2030-10-07", "2030-10-08");
        enter(admin, "/api/v1/calendar/years/2030", changed, null)
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("/problems/if-match-required"));
        enter(admin, "/api/v1/calendar/years/2030", changed, "\"7\"")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/version-mismatch"));
        enter(admin, "/api/v1/calendar/years/2030", changed, "\"1\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.holidays[1].last").value("2030-10-08"));
        mvc.perform(get("/api/v1/calendar/years/2030").with(authentication(countyAdmin)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.changedBy").value("sysadmin-baishui"));
    }

    @Test
    void refusesAnImpossibleYearWholeAndWritesNothing() throws Exception {
        long years = jdbc.sql("select count(*) from calendar.years").query(Long.class).single();
        enter(admin, "/api/v1/calendar/years/2030", """
                {"holidays":[{"name":"国庆节","first":"2030-10-07","last":"2030-10-01"},{"name":"元旦","first":"2031-01-01"}],
                 "makeUpDays":["2030-10-02","2030-10-02"]}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'holidays')].message").value(
                        "节假日“国庆节”的结束日期 2030-10-01 早于开始日期 2030-10-07\n节假日“元旦”（2031-01-01 至 2031-01-01）不在 2030 年内"))
                .andExpect(jsonPath("$.errors[?(@.field == 'makeUpDays')].message").value(
                        "调休上班日 2030-10-02 是星期三，不是周六或周日\n调休上班日 2030-10-02 重复列出"));
        assertThat(jdbc.sql("select count(*) from calendar.years").query(Long.class).single()).isEqualTo(years);
    }

    @Test
    void refusesTheCalendarToAUserWithoutCalendarManage() throws Exception {
        enter(countyAdmin, "/api/v1/calendar/years/2030", YEAR_2030, null)
                .andExpect(status().isForbidden());
        enter(countyAdmin, "/api/v1/calendar/years/2030?county=610527", YEAR_2030, null)
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/calendar/office-hours/610527").with(authentication(countyAdmin)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"hours\":\"09:00-17:00\"}").header("If-Match", "\"0\""))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCountysOwnYearIsChangedOnlyByAnAdminOfThatCounty() throws Exception {
        enter(otherCountyAdmin, "/api/v1/calendar/years/2030?county=610527", YEAR_2030, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        enter(admin, "/api/v1/calendar/years/2030?county=610527", YEAR_2030, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countyCode").value("610527"));
        mvc.perform(get("/api/v1/calendar/years/2030?county=610527").with(authentication(otherCountyAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.countyCode").value("610527"));
        mvc.perform(get("/api/v1/calendar/years/2030?county=610526").with(authentication(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/calendar/years").with(authentication(otherCountyAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.countyCode == '610527')]").isEmpty())
                .andExpect(jsonPath("$[?(@.year == 2026 && @.source == 'SEEDED')]").isNotEmpty());
    }

    @Test
    void setsACountysOfficeHoursWithinScopeOnly() throws Exception {
        mvc.perform(get("/api/v1/calendar/office-hours/610527").with(authentication(countyAdmin)))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.hours").value("08:30-12:00,14:30-18:00"))
                .andExpect(jsonPath("$.isDefault").value(true));
        officeHours(otherCountyAdmin, "610527", "09:00-17:00", "\"0\"").andExpect(status().isNotFound());
        officeHours(admin, "610527", "09:00-12:00,12:30-11:00", "\"0\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"))
                .andExpect(jsonPath("$.errors[0].message").value("时段 12:30-11:00 的结束时间不晚于开始时间"));
        officeHours(admin, "610527", "09:00-12:00，14:00-17:30", null).andExpect(status().isPreconditionRequired());
        officeHours(admin, "610527", "09:00-12:00，14:00-17:30", "\"0\"").andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\"")).andExpect(jsonPath("$.hours").value("09:00-12:00,14:00-17:30"));
        officeHours(admin, "610527", "09:00-17:00", "\"0\"").andExpect(status().isPreconditionFailed());

        mvc.perform(get("/api/v1/calendar/open").param("at", "2025-10-11T17:45:00+08:00").param("county", "610527").with(authentication(countyAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.open").value(false));
        mvc.perform(get("/api/v1/calendar/open").param("at", "2025-10-11T17:45:00+08:00").with(authentication(countyAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.open").value(true));
        assertThat(AuditFixture.entriesIn(jdbc).about("OFFICE_HOURS_SAVE", "610527")).hasSize(1);
    }

    @Test
    void computesInShanghaiTimeAndRefusesAYearNobodyEntered() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-09-30T02:00:00Z").param("to", "2025-10-13T09:00:00+08:00")
                        .with(authentication(countyAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.workingDays").value(4))
                .andExpect(jsonPath("$.from").value("2025-09-30T10:00:00+08:00"));
        mvc.perform(get("/api/v1/calendar/add-working-days").param("from", "2025-09-30T10:00:00+08:00").param("days", "3")
                        .with(authentication(countyAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.due").value("2025-10-11T10:00:00+08:00"));
        mvc.perform(get("/api/v1/calendar/add-working-hours").param("from", "2025-09-30T17:00:00+08:00").param("hours", "2")
                        .with(authentication(countyAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.due").value("2025-10-09T09:30:00+08:00"));
        mvc.perform(get("/api/v1/calendar/add-working-days").param("from", "2026-12-29T10:00:00+08:00").param("days", "10")
                        .with(authentication(countyAdmin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/calendar-year-missing"))
                .andExpect(jsonPath("$.detail").value("2027 年工作日历尚未录入，无法按工作日计算；请系统管理员在“工作日历”中录入"));
    }

    private ResultActions enter(Authentication who, String uri, String body, String ifMatch) throws Exception {
        var request = put(uri).with(authentication(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    private ResultActions officeHours(Authentication who, String county, String hours, String ifMatch) throws Exception {
        var request = put("/api/v1/calendar/office-hours/" + county).with(authentication(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"hours\":\"" + hours + "\"}");
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }
}
