package cn.wushe.calendar.web;

import cn.wushe.calendar.internal.CalendarYear.ListedDay;
import cn.wushe.calendar.internal.DayKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One month of the year page: weeks from Monday, each day marked holiday, make-up day, weekend or working day. */
record MonthGrid(int month, List<List<Cell>> weeks) {

    /** @param day 0 for a blank before the first or after the last of the month */
    record Cell(int day, String kind, @Nullable String name) {
    }

    static List<MonthGrid> year(int year, Map<LocalDate, ListedDay> listed) {
        List<MonthGrid> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(0, "blank", null));
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate day = month.atDay(d);
                ListedDay l = listed.get(day);
                String kind = l != null ? (l.kind() == DayKind.HOLIDAY ? "holiday" : "make-up")
                        : day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? "weekend"
                        : "workday";
                week.add(new Cell(d, kind, l == null ? null : l.name()));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(0, "blank", null));
                }
                weeks.add(week);
            }
            months.add(new MonthGrid(m, weeks));
        }
        return months;
    }
}
