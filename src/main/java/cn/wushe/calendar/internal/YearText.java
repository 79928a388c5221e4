package cn.wushe.calendar.internal;

import cn.wushe.platform.Messages;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The admin's line format for a year, so a year can be typed on a phone or pasted from the State
 * Council notice (国务院办公厅关于某年部分节假日安排的通知):
 * <ul>
 * <li>a holiday per line: {@code 国庆节 2025-10-01 2025-10-08} (or {@code 国庆节 10月1日至8日}, one
 * date for a single day);</li>
 * <li>a line of the notice as printed: {@code 二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。}
 * gives the holiday and its make-up working days;</li>
 * <li>make-up working days: dates separated by spaces, commas, 、 or new lines.</li>
 * </ul>
 * A date without a year is in the calendar's year. Lines that cannot be read are named by number.
 */
public final class YearText {

    private static final String DATE = "(?:\\d{4}\\s*[-年/.]\\s*)?\\d{1,2}\\s*[-月/.]\\s*\\d{1,2}\\s*日?|\\d{1,2}\\s*日";
    private static final Pattern DATES = Pattern.compile("(?<!\\d)(" + DATE + ")");
    private static final Pattern FULL_DATE = Pattern.compile(
            "(?:(\\d{4})\\s*[-年/.]\\s*)?(?:(\\d{1,2})\\s*[-月/.]\\s*)?(\\d{1,2})\\s*日?");
    private static final Pattern SIMPLE = Pattern.compile(
            "([^\\s\\d：:，,]+)[\\s：:]*(" + DATE + ")(?:\\s*(?:至|到|~|～|—|–|\\s)\\s*(" + DATE + "))?");
    private static final Pattern NOTICE = Pattern.compile("(?:[一二三四五六七八九十]+、)?([^：:]+)[：:](.*)");
    private static final Pattern REMARKS = Pattern.compile("（[^）]*）|\\([^)]*\\)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");

    private YearText() {
    }

    /**
     * @param errors filled with {@code holidays}/{@code makeUpDays} → the lines that could not be read
     */
    public record Parsed(List<Holiday> holidays, List<LocalDate> makeUpDays, Map<String, String> errors) {
    }

    public static Parsed parse(int year, @Nullable String holidayLines, @Nullable String makeUpDayText) {
        List<Holiday> holidays = new ArrayList<>();
        List<LocalDate> makeUps = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String[] lines = holidayLines == null ? new String[0] : holidayLines.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = REMARKS.matcher(lines[i]).replaceAll("").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!(line.contains("放假") || line.contains("上班")) ? !simpleLine(year, line, holidays)
                    : !noticeLine(year, line, holidays, makeUps)) {
                errors.merge("holidays", Messages.text("calendar.text.unreadable-line", i + 1, lines[i].strip()),
                        (a, b) -> a + "\n" + b);
            }
        }
        if (makeUpDayText != null) {
            for (String token : SEPARATORS.split(REMARKS.matcher(makeUpDayText).replaceAll(" ").strip())) {
                if (token.isEmpty()) {
                    continue;
                }
                LocalDate day = date(year, token, null);
                if (day == null) {
                    errors.merge("makeUpDays", Messages.text("calendar.text.unreadable-date", token), (a, b) -> a + "\n" + b);
                } else {
                    makeUps.add(day);
                }
            }
        }
        return new Parsed(holidays, makeUps, errors);
    }

    private static boolean simpleLine(int year, String line, List<Holiday> holidays) {
        Matcher m = SIMPLE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        LocalDate first = date(year, m.group(2), null);
        LocalDate last = m.group(3) == null ? first : date(year, m.group(3), first);
        if (first == null || last == null) {
            return false;
        }
        holidays.add(new Holiday(m.group(1), first, last));
        return true;
    }

    /** {@code 春节：2月15日至23日放假调休，共9天。2月14日、2月28日上班。} (remarks in brackets already removed) */
    private static boolean noticeLine(int year, String line, List<Holiday> holidays, List<LocalDate> makeUps) {
        Matcher m = NOTICE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).strip();
        boolean holidayFound = false;
        for (String sentence : m.group(2).split("[。；;]")) {
            List<String> dates = DATES.matcher(sentence).results().map(r -> r.group(1)).toList();
            if (sentence.contains("放假") && !dates.isEmpty()) {
                LocalDate first = date(year, dates.get(0), null);
                LocalDate last = dates.size() > 1 && sentence.contains("至") ? date(year, dates.get(1), first) : first;
                if (first == null || last == null) {
                    return false;
                }
                holidays.add(new Holiday(name, first, last));
                holidayFound = true;
            } else if (sentence.contains("上班")) {
                for (String d : dates) {
                    LocalDate day = date(year, d, null);
                    if (day == null) {
                        return false;
                    }
                    makeUps.add(day);
                }
            }
        }
        return holidayFound;
    }

    /**
     * @param after a range's first day: a bare day of month ({@code 23日}) is in its month, and a
     *              month before its month is in the next year (12月31日至1月2日)
     */
    static @Nullable LocalDate date(int year, String text, @Nullable LocalDate after) {
        Matcher m = FULL_DATE.matcher(text.strip());
        if (!m.matches() || (m.group(2) == null && after == null)) {
            return null;
        }
        try {
            int month = m.group(2) != null ? Integer.parseInt(m.group(2)) : after.getMonthValue();
            int y = m.group(1) != null ? Integer.parseInt(m.group(1))
                    : after != null ? after.getYear() + (month < after.getMonthValue() ? 1 : 0) : year;
            return LocalDate.of(y, month, Integer.parseInt(m.group(3)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** One holiday per line: {@code 国庆节 2025-10-01 2025-10-08}. */
    public static String holidays(List<Holiday> holidays) {
        return holidays.stream().map(h -> h.name().strip() + " " + h.first() + (h.first().equals(h.last()) ? "" : " " + h.last()))
                .collect(Collectors.joining("\n"));
    }

    public static String makeUpDays(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(" "));
    }
}
