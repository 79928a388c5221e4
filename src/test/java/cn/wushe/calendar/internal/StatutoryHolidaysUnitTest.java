package cn.wushe.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimate of a year from the law's holidays alone: the lunar holidays land on their days, and in
 * the years the State Council has announced under the 2025 law, every estimated day is a day off.
 */
class StatutoryHolidaysUnitTest {

    @Test
    void estimates2027FromTheLunarCalendarAndTheSolarTerms() {
        // 春节 2027 is 6 February, so 除夕 is the 5th; 清明 5 April; 端午 9 June; 中秋 15 September
        assertThat(StatutoryHolidays.estimate(2027)).containsExactly(
                new Holiday("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)),
                new Holiday("春节", LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8)),
                new Holiday("清明节", LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 5)),
                new Holiday("劳动节", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2)),
                new Holiday("端午节", LocalDate.of(2027, 6, 9), LocalDate.of(2027, 6, 9)),
                new Holiday("中秋节", LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 15)),
                new Holiday("国庆节", LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void everyEstimatedDayIsOffInTheAnnouncedYear(int year) {
        Set<LocalDate> announced = StateCouncilHolidays.of(year).orElseThrow().holidays().stream()
                .flatMap(Holiday::days).collect(Collectors.toSet());

        List<LocalDate> estimated = StatutoryHolidays.estimate(year).stream().flatMap(Holiday::days).toList();

        assertThat(estimated).hasSize(13).allSatisfy(day -> assertThat(announced).contains(day));
    }

    @Test
    void aMidAutumnFestivalOnNationalDayRunsOnAfterIt() {
        // 中秋 2020 was 1 October
        List<Holiday> holidays = StatutoryHolidays.estimate(2020);

        assertThat(holidays).contains(new Holiday("中秋节", LocalDate.of(2020, 10, 4), LocalDate.of(2020, 10, 4)));
        assertThat(holidays.stream().flatMap(Holiday::days)).hasSize(13);
        assertThatCode(() -> YearRules.check(2020, holidays, List.of())).doesNotThrowAnyException();
    }
}
