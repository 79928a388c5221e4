package cn.wushe.calendar.internal;

import cn.wushe.platform.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One year of the working calendar: the national year ({@code countyCode == null}) or a county's
 * own year that replaces it there. Always valid ({@link YearRules}); replaced whole, never day by day.
 *
 * @param countyCode null for the national calendar
 * @param changedBy  the admin's display name, or the seed's
 */
public record CalendarYear(@Nullable String countyCode, int year, List<Holiday> holidays, List<LocalDate> makeUpDays,
        Source source, long version, String changedBy, Instant changedAt) {

    /**
     * Where a year's days came from: the library's State Council data, an admin, or the law's fixed
     * holidays alone while the notice is not out ({@link StatutoryHolidays}).
     */
    public enum Source {
        SEEDED, ENTERED, ESTIMATED;

        /** Whether the year follows a State Council notice, not only the law's fixed days. */
        public boolean official() {
            return this != ESTIMATED;
        }
    }

    public CalendarYear {
        holidays = holidays.stream().sorted(Comparator.comparing(Holiday::first)).toList();
        makeUpDays = makeUpDays.stream().sorted().toList();
        YearRules.check(year, holidays, makeUpDays);
    }

    static CalendarYear seeded(int year, List<Holiday> holidays, List<LocalDate> makeUpDays, String by, Instant at) {
        return new CalendarYear(null, year, holidays, makeUpDays, Source.SEEDED, 1, by, at);
    }

    static CalendarYear estimated(int year, List<Holiday> holidays, String by, Instant at) {
        return new CalendarYear(null, year, holidays, List.of(), Source.ESTIMATED, 1, by, at);
    }

    static CalendarYear entered(@Nullable String countyCode, int year, List<Holiday> holidays, List<LocalDate> makeUpDays,
            String by, Instant at) {
        return new CalendarYear(countyCode, year, holidays, makeUpDays, Source.ENTERED, 1, by, at);
    }

    /** This year's days replaced by an admin's; the version moves on. */
    CalendarYear replacedBy(List<Holiday> newHolidays, List<LocalDate> newMakeUpDays, String by, Instant at) {
        return new CalendarYear(countyCode, year, newHolidays, newMakeUpDays, Source.ENTERED, version + 1, by, at);
    }

    /** Every listed day with its kind and name. */
    public Map<LocalDate, ListedDay> listedDays() {
        Map<LocalDate, ListedDay> days = new TreeMap<>();
        holidays.forEach(h -> h.days().forEach(d -> days.put(d, new ListedDay(DayKind.HOLIDAY, h.name().strip()))));
        makeUpDays.forEach(d -> days.put(d, new ListedDay(DayKind.MAKE_UP_WORKDAY, holidayServed(d))));
        return days;
    }

    /** A make-up day is named after the nearest holiday, which it makes up for. */
    private String holidayServed(LocalDate day) {
        return holidays.stream()
                .min(Comparator.comparingLong(h -> Math.min(Math.abs(h.first().toEpochDay() - day.toEpochDay()),
                        Math.abs(h.last().toEpochDay() - day.toEpochDay()))))
                .map(h -> h.name().strip()).orElseGet(() -> Messages.text("calendar.make-up.name"));
    }

    /** The year in the admin form's line format ({@link YearText}), for the audit log. */
    public String auditText() {
        return Messages.text("calendar.audit.year", YearText.holidays(holidays), YearText.makeUpDays(makeUpDays));
    }

    public record ListedDay(DayKind kind, String name) {
    }
}
