package cn.wushe.calendar.internal;

import cn.wushe.platform.Messages;
import com.tyme.jd.JulianDay;
import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A year's holidays as the law fixes them (《全国年节及纪念日放假办法》, 2025 revision), for a year whose
 * State Council notice is neither in the holiday library nor entered yet: 元旦 1 day, 春节 4 days
 * (除夕 to 初三), 清明节 1 day, 劳动节 2 days (1–2 May), 端午节 1 day, 中秋节 1 day, 国庆节 3 days
 * (1–3 October). The lunar dates and the 清明 solar term are computed (tyme4j does that for any year),
 * so the Spring Festival week is never missed. The notice's bridging days off and make-up working
 * days (调休) cannot be foreseen: an estimate has none, is stored as {@code ESTIMATED}, and the
 * workbench keeps asking for the notice until an admin enters it.
 */
final class StatutoryHolidays {

    /** 清明's place in tyme4j's solar terms, which count from 冬至 of the year before. */
    private static final int QINGMING = 7;

    private StatutoryHolidays() {
    }

    static List<Holiday> estimate(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        put(days, "calendar.estimate.new-year", LocalDate.of(year, 1, 1), 1);
        put(days, "calendar.estimate.spring", solar(LunarDay.fromYmd(year, 1, 1).getSolarDay()).minusDays(1), 4);
        put(days, "calendar.estimate.qingming", solar(SolarTerm.fromIndex(year, QINGMING).getJulianDay()), 1);
        put(days, "calendar.estimate.labour", LocalDate.of(year, 5, 1), 2);
        put(days, "calendar.estimate.dragon-boat", solar(LunarDay.fromYmd(year, 5, 5).getSolarDay()), 1);
        put(days, "calendar.estimate.national", LocalDate.of(year, 10, 1), 3);
        LocalDate midAutumn = solar(LunarDay.fromYmd(year, 8, 15).getSolarDay());
        // in a year where 中秋 falls on 1–3 October the two holidays run on together (as in 2020)
        put(days, "calendar.estimate.mid-autumn", days.containsKey(midAutumn) ? LocalDate.of(year, 10, 4) : midAutumn, 1);
        List<Holiday> holidays = new ArrayList<>();
        days.forEach((day, name) -> Holiday.addDay(holidays, name, day));
        return holidays;
    }

    private static void put(Map<LocalDate, String> days, String key, LocalDate first, int count) {
        for (int i = 0; i < count; i++) {
            days.put(first.plusDays(i), Messages.text(key));
        }
    }

    private static LocalDate solar(JulianDay day) {
        return solar(day.getSolarDay());
    }

    private static LocalDate solar(SolarDay day) {
        return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
    }
}
