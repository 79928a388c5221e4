package cn.wushe.calendar.internal;

import cn.wushe.platform.Messages;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A county's office hours (办公时间) on a working day: one to three periods in order, e.g.
 * {@code 08:30-12:00,14:30-18:00}. Invalid hours cannot be made.
 */
public record OfficeHours(List<Period> periods) {

    static final int MAX_PERIODS = 3;
    private static final Pattern PERIOD = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-–~～\\u81f3]\\s*(\\d{1,2}:\\d{2})\\s*");

    /** From {@code start} inclusive to {@code end} exclusive. */
    public record Period(LocalTime start, LocalTime end) {

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public OfficeHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty() || periods.size() > MAX_PERIODS) {
            throw new IllegalArgumentException(Messages.text("calendar.office-hours.count", MAX_PERIODS));
        }
        LocalTime previousEnd = null;
        for (Period p : periods) {
            if (!p.start().isBefore(p.end())) {
                throw new IllegalArgumentException(Messages.text("calendar.office-hours.ends-before-start", p));
            }
            if (previousEnd != null && p.start().isBefore(previousEnd)) {
                throw new IllegalArgumentException(Messages.text("calendar.office-hours.overlap", p));
            }
            previousEnd = p.end();
        }
    }

    /** @throws IllegalArgumentException with a Chinese message naming the wrong part */
    public static OfficeHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.strip().split("[,，;；、\\s]+(?=\\d)")) {
            Matcher m = PERIOD.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException(Messages.text("calendar.office-hours.unreadable", part.strip()));
            }
            try {
                periods.add(new Period(time(m.group(1)), time(m.group(2))));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(Messages.text("calendar.office-hours.unreadable", part.strip()));
            }
        }
        return new OfficeHours(periods);
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
    }

    public String text() {
        return periods.stream().map(Period::toString).collect(Collectors.joining(","));
    }

    boolean isOpenAt(LocalTime time) {
        return periods.stream().anyMatch(p -> p.contains(time));
    }
}
