package cn.wushe.calendar.internal;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The State Council's holidays and make-up working days of a year as {@code cn.6tail:tyme4j} ships
 * them (1.4.9: up to 2026). Read day by day and folded into named ranges; empty for a year the
 * library does not know, which is then left to an admin.
 */
final class StateCouncilHolidays {

    private StateCouncilHolidays() {
    }

    record Year(List<Holiday> holidays, List<LocalDate> makeUpDays) {
    }

    static Optional<Year> of(int year) {
        List<Holiday> holidays = new ArrayList<>();
        List<LocalDate> makeUps = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            LegalHoliday h = LegalHoliday.fromYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            if (h == null) {
                continue;
            }
            if (h.isWork()) {
                makeUps.add(day);
                continue;
            }
            Holiday.addDay(holidays, h.getName(), day);
        }
        return holidays.isEmpty() ? Optional.empty() : Optional.of(new Year(holidays, makeUps));
    }
}
