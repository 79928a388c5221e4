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

/** The seed at start: the library's years as they are, stored once, never over a year an admin entered. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class CalendarSeedIntegrationTest {

    @Autowired
    CalendarYears years;

    @Autowired
    CalendarManagement management;

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
}
