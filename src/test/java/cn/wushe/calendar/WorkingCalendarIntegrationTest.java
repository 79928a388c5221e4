package cn.wushe.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wushe.calendar.internal.CalendarManagement;
import cn.wushe.calendar.internal.Holiday;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.TestActor;
import com.tyme.holiday.LegalHoliday;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working-day arithmetic over the calendar years seeded at start (2024–2026 from the State Council
 * data tyme4j ships), in Asia/Shanghai: across 国庆 2025 with its make-up Sunday 28 Sep and Saturday
 * 11 Oct, across 春节 2026 with its make-up Saturdays 14 and 28 Feb, and across New Year.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class WorkingCalendarIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    CalendarManagement management;

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(textBlock = """
            2025-09-26T10:00, 0, 2025-09-26T10:00
            2025-09-26T10:00, 1, 2025-09-28T10:00
            2025-09-26T10:00, 2, 2025-09-29T10:00
            2025-09-30T10:00, 1, 2025-10-09T10:00
            2025-09-30T10:00, 2, 2025-10-10T10:00
            2025-09-30T10:00, 3, 2025-10-11T10:00
            2025-09-30T10:00, 4, 2025-10-13T10:00
            2025-10-03T23:30, 1, 2025-10-09T23:30
            2026-02-13T09:00, 1, 2026-02-14T09:00
            2026-02-13T09:00, 2, 2026-02-24T09:00
            2026-02-24T09:00, 4, 2026-02-28T09:00
            2026-02-24T09:00, 5, 2026-03-02T09:00
            2026-02-14T18:00, 1, 2026-02-24T18:00
            2025-12-31T09:00, 1, 2026-01-04T09:00
            2025-12-31T09:00, 2, 2026-01-05T09:00
            """)
    void addsWorkingDaysAcrossHolidaysAndMakeUpDays(LocalDateTime start, int days, LocalDateTime due) {
        Instant result = calendar.addWorkingDays(at(start), days, null);

        assertThat(result).isEqualTo(at(due));
        assertThat(calendar.workingDaysBetween(at(start), result, null)).isEqualTo(days);
    }

    @ParameterizedTest(name = "{0} → {1}: {2} working days")
    @CsvSource(textBlock = """
            2025-09-30T10:00, 2025-10-13T09:00, 4
            2025-09-25T10:00, 2025-10-12T10:00, 7
            2025-10-01T00:00, 2025-10-08T23:59, 0
            2026-02-12T10:00, 2026-03-02T10:00, 8
            2026-02-14T10:00, 2026-02-23T10:00, 0
            2025-10-13T09:00, 2025-09-30T10:00, -4
            """)
    void countsWorkingDaysBetweenTwoInstants(LocalDateTime from, LocalDateTime to, int expected) {
        assertThat(calendar.workingDaysBetween(at(from), at(to), null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} h = {2}")
    @CsvSource(textBlock = """
            2025-09-30T17:00, 2,   2025-10-09T09:30
            2026-02-13T11:00, 4,   2026-02-13T17:30
            2026-02-13T16:00, 3,   2026-02-14T09:30
            2025-09-30T12:30, 1,   2025-09-30T15:30
            2025-09-30T07:00, 3.5, 2025-09-30T12:00
            2025-09-30T07:00, 7,   2025-09-30T18:00
            2025-09-30T07:00, 7.5, 2025-10-09T09:00
            2025-10-03T10:00, 1,   2025-10-09T09:30
            """)
    void addsOfficeHoursOnWorkingDays(LocalDateTime start, double hours, LocalDateTime due) {
        assertThat(calendar.addWorkingHours(at(start), Duration.ofMinutes(Math.round(hours * 60)), null)).isEqualTo(at(due));
    }

    @ParameterizedTest(name = "{0}: open {1}")
    @CsvSource(textBlock = """
            2025-10-11T10:00, true
            2025-09-28T08:30, true
            2025-10-08T10:00, false
            2025-09-27T10:00, false
            2025-09-30T12:30, false
            2025-09-30T17:59, true
            2025-09-30T18:00, false
            2026-02-28T15:00, true
            """)
    void tellsWhetherTheOfficesAreOpen(LocalDateTime when, boolean open) {
        assertThat(calendar.isOpen(at(when), null)).isEqualTo(open);
    }

    @Test
    void addingWorkingDaysIsMonotonicAndNeverLandsOnADayOff() {
        Random random = new Random(20251001);
        long first = LocalDate.of(2024, 1, 1).toEpochDay();
        long last = LocalDate.of(2026, 10, 1).toEpochDay();
        for (int sample = 0; sample < 60; sample++) {
            LocalDate startDay = LocalDate.ofEpochDay(first + random.nextLong(last - first));
            Instant start = at(startDay.atTime(random.nextInt(24), random.nextInt(60)));
            Instant previous = start;
            for (int n = 1; n <= 40; n++) {
                Instant due = calendar.addWorkingDays(start, n, null);
                LocalDate dueDay = due.atZone(SHANGHAI).toLocalDate();
                assertThat(due).as("%s + %d", start, n).isAfter(previous);
                // the oracle is the library's State Council data, not the stored calendar
                LegalHoliday listed = LegalHoliday.fromYmd(dueDay.getYear(), dueDay.getMonthValue(), dueDay.getDayOfMonth());
                assertThat(listed == null || listed.isWork()).as("%s + %d = %s is a holiday", start, n, dueDay).isTrue();
                boolean weekend = dueDay.getDayOfWeek() == DayOfWeek.SATURDAY || dueDay.getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(!weekend || listed != null).as("%s + %d = %s is a plain weekend day", start, n, dueDay).isTrue();
                previous = due;
            }
        }
    }

    @Test
    void refusesToCountIntoAYearWithoutCalendarInsteadOfGuessingWeekdays() {
        assertThat(calendar.hasYear(2027, null)).isFalse();
        assertThat(calendar.hasYear(2026, null)).isTrue();

        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> calendar.addWorkingDays(at(LocalDateTime.parse("2026-12-29T09:00")), 5, null));

        assertThat(refusal.type()).isEqualTo(ProblemType.CALENDAR_YEAR_MISSING);
        assertThat(refusal.getMessage()).isEqualTo("2027 年工作日历尚未录入，无法按工作日计算；请系统管理员在“工作日历”中录入");
        assertThat(calendar.addWorkingDays(at(LocalDateTime.parse("2026-12-29T09:00")), 2, null))
                .as("up to 31 December the count needs no 2027").isEqualTo(at(LocalDateTime.parse("2026-12-31T09:00")));
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aRefusalForAMissingYearLeavesTheCallersTransactionUsable(@Autowired PlatformTransactionManager transactions) {
        boolean committed = new TransactionTemplate(transactions).execute(status -> {
            catchThrowableOfType(DomainException.class,
                    () -> calendar.addWorkingDays(at(LocalDateTime.parse("2026-12-29T09:00")), 5, null));
            return !status.isRollbackOnly();
        });
        assertThat(committed).isTrue();
    }

    @Test
    void aCountysOwnYearReplacesTheNationalOneThereOnly() {
        TestActor admin = TestActor.of("calendar-admin", "SYSTEM_ADMIN", "610527", Permission.CALENDAR_MANAGE);
        List<Holiday> holidays = new ArrayList<>(List.of(new Holiday("县庆", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)),
                new Holiday("春节", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23))));

        // read before, in the same transaction: the years a transaction read are forgotten when one is written
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2), "610527")).isTrue();

        management.enterYear(admin, 2026, "610527", holidays, List.of(LocalDate.of(2026, 2, 14)), null);

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2), "610527")).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28), "610527")).as("not a make-up day there").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2), "610526")).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2), null)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28), null)).isTrue();
        assertThat(calendar.hasYear(2027, "610527")).isFalse();
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(SHANGHAI).toInstant();
    }
}
