package cn.wushe.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed at start: the library's years as they are, stored once, never over a year an admin
 * entered; this year and next, when the library does not know them, estimated from the statutory
 * holidays until the library's or an admin's year replaces the estimate.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class CalendarSeedIntegrationTest {

    @Autowired
    CalendarYears years;

    @Autowired
    CalendarManagement management;

    @Autowired
    cn.wushe.calendar.WorkingCalendar calendar;

    @Test
    void storesEachYearTheLibraryKnowsAsItIs() {
        for (int year = 2024; year <= 2026; year++) {
            StateCouncilHolidays.Year library = StateCouncilHolidays.of(year).orElseThrow();
            CalendarYear stored = years.find(null, year).orElseThrow();
            assertThat(stored.holidays()).isEqualTo(library.holidays());
            assertThat(stored.makeUpDays()).isEqualTo(library.makeUpDays());
            assertThat(management.seed(year, library.holidays(), library.makeUpDays())).as("seeded again").isFalse();
        }
        assertThat(years.find(null, 2025).orElseThrow().holidays())
                .contains(new Holiday("国庆中秋", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8)));
    }

    @Test
    void neverOverwritesAYearAnAdminEntered() {
        TestActor admin = TestActor.of("calendar-admin", "SYSTEM_ADMIN", "610527", Permission.CALENDAR_MANAGE);
        CalendarYear seeded = years.find(null, 2025).orElseThrow();
        List<Holiday> corrected = List.of(new Holiday("国庆节", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 7)));
        management.enterYear(admin, 2025, null, corrected, List.of(LocalDate.of(2025, 9, 28)), seeded.version());

        StateCouncilHolidays.Year library = StateCouncilHolidays.of(2025).orElseThrow();
        assertThat(management.seed(2025, library.holidays(), library.makeUpDays())).isFalse();

        CalendarYear now = years.find(null, 2025).orElseThrow();
        assertThat(now.source()).isEqualTo(CalendarYear.Source.ENTERED);
        assertThat(now.holidays()).isEqualTo(corrected);
        assertThat(now.version()).isEqualTo(seeded.version() + 1);
    }

    @Test
    void estimatesThisYearAndNextWhenTheLibraryDoesNotKnowThem() {
        java.time.Clock december2030 = java.time.Clock.fixed(java.time.Instant.parse("2030-12-01T01:00:00Z"), java.time.ZoneOffset.UTC);

        new CalendarSeed(management, december2030, 2029, false).seedKnownYears();
        assertThat(years.find(null, 2031)).as("estimation switched off").isEmpty();

        new CalendarSeed(management, december2030, 2029, true).seedKnownYears();

        assertThat(years.find(null, 2029)).as("a past year is never guessed").isEmpty();
        for (int year : new int[] {2030, 2031}) {
            CalendarYear stored = years.find(null, year).orElseThrow();
            assertThat(stored.source()).isEqualTo(CalendarYear.Source.ESTIMATED);
            assertThat(stored.source().official()).isFalse();
            assertThat(stored.holidays()).isEqualTo(StatutoryHolidays.estimate(year));
            assertThat(stored.makeUpDays()).isEmpty();
        }
        assertThat(management.estimate(2031)).as("estimated again").isFalse();
        // 春节 2031 is 23 January: a deadline counted over it skips 除夕 to 初三 (22–25 January, Wednesday to Saturday)
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 22), null)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 24), null)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 27), null)).isTrue();
    }

    @Test
    void theLibrarysYearOrAnAdminsReplacesTheEstimate() {
        management.estimate(2031);
        management.estimate(2032);
        List<Holiday> announced = List.of(new Holiday("春节", LocalDate.of(2031, 1, 22), LocalDate.of(2031, 1, 29)));

        assertThat(management.seed(2031, announced, List.of(LocalDate.of(2031, 1, 19)))).isTrue();
        CalendarYear seeded = years.find(null, 2031).orElseThrow();
        assertThat(seeded.source()).isEqualTo(CalendarYear.Source.SEEDED);
        assertThat(seeded.holidays()).isEqualTo(announced);
        assertThat(seeded.version()).isEqualTo(2);

        TestActor admin = TestActor.of("calendar-admin", "SYSTEM_ADMIN", "610527", Permission.CALENDAR_MANAGE);
        CalendarYear estimate = years.find(null, 2032).orElseThrow();
        List<Holiday> entered = List.of(new Holiday("春节", LocalDate.of(2032, 2, 10), LocalDate.of(2032, 2, 17)));
        management.enterYear(admin, 2032, null, entered, List.of(), estimate.version());
        assertThat(years.find(null, 2032).orElseThrow().source()).isEqualTo(CalendarYear.Source.ENTERED);
    }
}
