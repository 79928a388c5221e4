package cn.wushe.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Working-day and office-hour arithmetic for deadlines, in Asia/Shanghai, from the calendar years
 * kept in the database (the national year, or a county's own year where one was entered).
 *
 * <p>A day is a working day when it is a make-up working day (调休上班), or a Monday to Friday that
 * is not a holiday. A computation that reaches a year with no calendar is refused with
 * {@code DomainException(ProblemType.CALENDAR_YEAR_MISSING)} rather than guessed from weekdays: a
 * statutory deadline counted over an unknown Spring Festival would be wrong by a week. The workbench
 * warns from 1 November while next year is missing, so an admin enters it before that happens.
 *
 * <p>{@code countyCode} is a 6-digit county code, or {@code null} for the national calendar and the
 * default office hours.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day, @Nullable String countyCode);

    /**
     * Working days after {@code from}'s day up to and including {@code to}'s day (negative when
     * {@code to} is earlier), so that {@code workingDaysBetween(t, addWorkingDays(t, n)) == n}.
     */
    int workingDaysBetween(Instant from, Instant to, @Nullable String countyCode);

    /**
     * The same time of day on the {@code days}-th working day after {@code start}'s day (法定期限
     * 自次日起算); {@code days} ≥ 0, zero returns {@code start}.
     */
    Instant addWorkingDays(Instant start, int days, @Nullable String countyCode);

    /**
     * The instant at which {@code hours} of the county's office time have passed since {@code start};
     * time outside office hours does not count. {@code hours} must not be negative.
     */
    Instant addWorkingHours(Instant start, Duration hours, @Nullable String countyCode);

    /** Whether the county's offices are open at {@code at}: a working day, inside office hours. */
    boolean isOpen(Instant at, @Nullable String countyCode);

    /** Whether {@code year} has a calendar for the county: its own or the national one. */
    boolean hasYear(int year, @Nullable String countyCode);
}
