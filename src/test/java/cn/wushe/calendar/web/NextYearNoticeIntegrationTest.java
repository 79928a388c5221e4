package cn.wushe.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.calendar.internal.CalendarManagement;
import cn.wushe.calendar.internal.CalendarYears;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.web.ShellNotice;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The workbench notice about next year's missing calendar: from 1 November (Shanghai time) while
 * the year is missing, for the system admin (with a link to enter it) and county-level users; not
 * before November, not once the year is there, not for other roles. 2024–2026 are seeded, 2027 is not
 * (the test profile estimates no year at startup). While next year is only estimated, the notice says so.
 */
@SpringBootTest
@ActiveProfiles("test")
class NextYearNoticeIntegrationTest {

    static final TestActor ADMIN = TestActor.of("sysadmin", "SYSTEM_ADMIN", "610527", Permission.CALENDAR_MANAGE);
    static final TestActor COUNTY_STATION = TestActor.of("station", "COUNTY_STATION", "610527", Permission.PERSON_VIEW);
    static final TestActor COMMUNITY_WORKER = TestActor.of("worker", "COMMUNITY_WORKER", "610527001001", Permission.PERSON_VIEW);

    @Autowired
    CalendarYears years;
    @Autowired
    CalendarManagement management;

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(textBlock = """
            2026-11-01T00:00, sysadmin, 2027 年工作日历尚未录入：从 1 月 1 日起，按工作日计算的期限将无法计算。请按国务院办公厅的放假通知录入。
            2026-12-06T10:00, sysadmin, 2027 年工作日历尚未录入：从 1 月 1 日起，按工作日计算的期限将无法计算。请按国务院办公厅的放假通知录入。
            2026-12-06T10:00, station,  2027 年工作日历尚未录入：从 1 月 1 日起，按工作日计算的期限将无法计算。请联系系统管理员录入。
            2026-10-31T23:59, sysadmin,
            2026-12-06T10:00, worker,
            2025-11-15T10:00, sysadmin,
            2025-12-31T23:00, station,
            """)
    void warnsFromNovemberWhileNextYearIsMissing(LocalDateTime now, String who, String expected) {
        Clock clock = Clock.fixed(now.atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("UTC"));
        TestActor actor = switch (who) {
            case "sysadmin" -> ADMIN;
            case "station" -> COUNTY_STATION;
            default -> COMMUNITY_WORKER;
        };

        List<ShellNotice> notices = new NextYearNotice(years, clock).noticesFor(actor);

        if (expected == null) {
            assertThat(notices).isEmpty();
            return;
        }
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo("warning");
            assertThat(n.text()).isEqualTo(expected);
            assertThat(n.href()).isEqualTo(who.equals("sysadmin") ? "/admin/calendar/2027" : null);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sysadmin | 2031 年工作日历目前为推算（只含法定节日，没有调休）：期限照此计算。国务院办公厅放假通知发布后，请录入以替换推算。
            station  | 2031 年工作日历目前为推算（只含法定节日，没有调休）：期限照此计算。请联系系统管理员按国务院办公厅通知录入。
            """)
    @org.springframework.transaction.annotation.Transactional
    void keepsAskingForTheNoticeWhileNextYearIsOnlyEstimated(String who, String expected) {
        management.estimate(2031);
        Clock clock = Clock.fixed(LocalDateTime.parse("2030-12-01T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("UTC"));

        List<ShellNotice> notices = new NextYearNotice(years, clock).noticesFor(who.equals("sysadmin") ? ADMIN : COUNTY_STATION);

        assertThat(notices).singleElement().satisfies(n -> assertThat(n.text()).isEqualTo(expected));
    }
}
