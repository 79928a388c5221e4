package cn.wushe.calendar.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a calendar year must satisfy before it is stored, the same for the seed, the form and the
 * API: holidays named, ranges that end on or after their start and lie in the year, no day listed
 * twice, make-up working days (调休上班) only on a Saturday or Sunday, inside the year and not on a
 * holiday. Every fault is collected, so one answer names them all.
 */
public final class YearRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** The longest holiday the State Council has announced is 9 days; a longer range is a typing error. */
    static final int MAX_HOLIDAY_DAYS = 15;

    private YearRules() {
    }

    public static int year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw DomainException.invalid("year", Messages.text("calendar.year.out-of-range", FIRST_YEAR, LAST_YEAR));
        }
        return year;
    }

    /** @throws DomainException INVALID_INPUT with fields {@code holidays} and {@code makeUpDays} */
    public static void check(int year, List<Holiday> holidays, List<LocalDate> makeUpDays) {
        year(year);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<LocalDate, String> holidayOn = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String name = h.name() == null ? "" : h.name().strip();
            if (name.isEmpty()) {
                reject(errors, "holidays", Messages.text("calendar.holiday.name-required", i + 1));
                continue;
            }
            if (name.length() > Holiday.MAX_NAME_LENGTH) {
                reject(errors, "holidays", Messages.text("calendar.holiday.name-too-long", name, Holiday.MAX_NAME_LENGTH));
            }
            if (h.last().isBefore(h.first())) {
                reject(errors, "holidays", Messages.text("calendar.holiday.ends-before-start", name, h.first(), h.last()));
                continue;
            }
            if (h.first().getYear() != year || h.last().getYear() != year) {
                reject(errors, "holidays", Messages.text("calendar.holiday.outside-year", name, h.first(), h.last(), year));
                continue;
            }
            if (h.days().count() > MAX_HOLIDAY_DAYS) {
                reject(errors, "holidays", Messages.text("calendar.holiday.too-long", name, MAX_HOLIDAY_DAYS));
                continue;
            }
            h.days().forEach(day -> {
                String earlier = holidayOn.putIfAbsent(day, name);
                if (earlier != null) {
                    reject(errors, "holidays", Messages.text("calendar.day.listed-twice", day, earlier, name));
                }
            });
        }
        Map<LocalDate, Boolean> seen = new HashMap<>();
        for (LocalDate day : makeUpDays) {
            if (day.getYear() != year) {
                reject(errors, "makeUpDays", Messages.text("calendar.make-up.outside-year", day, year));
            } else if (seen.put(day, true) != null) {
                reject(errors, "makeUpDays", Messages.text("calendar.make-up.listed-twice", day));
            } else if (!weekend(day)) {
                reject(errors, "makeUpDays", Messages.text("calendar.make-up.not-weekend", day,
                        day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA)));
            } else if (holidayOn.containsKey(day)) {
                reject(errors, "makeUpDays", Messages.text("calendar.make-up.on-holiday", day, holidayOn.get(day)));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Several faults of one field are shown together, one per line. */
    private static void reject(Map<String, String> errors, String field, String message) {
        errors.merge(field, message, (a, b) -> a + "\n" + b);
    }
}
