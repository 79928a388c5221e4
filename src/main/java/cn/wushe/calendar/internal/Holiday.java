package cn.wushe.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A named holiday (法定节假日) as the State Council announces it: a range of days off, weekend days
 * inside the range included (国庆节 2025-10-01 … 2025-10-08). Checked against its year by
 * {@link YearRules}, which names every fault at once.
 */
public record Holiday(String name, LocalDate first, LocalDate last) {

    public static final int MAX_NAME_LENGTH = 20;

    /** Adds {@code day} to the list read in date order: it extends the last holiday of that name ending the day before. */
    static void addDay(List<Holiday> holidays, String name, LocalDate day) {
        Holiday last = holidays.isEmpty() ? null : holidays.getLast();
        if (last != null && last.name().equals(name) && last.last().plusDays(1).equals(day)) {
            holidays.set(holidays.size() - 1, new Holiday(name, last.first(), day));
        } else {
            holidays.add(new Holiday(name, day, day));
        }
    }

    public Stream<LocalDate> days() {
        return first.isAfter(last) ? Stream.empty() : first.datesUntil(last.plusDays(1));
    }
}
