package cn.wushe.documents;

import cn.wushe.platform.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as documents print them (2026年12月6日), so every kind writes them alike. */
public final class ChineseDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(Messages.text("documents.date-pattern"));

    private ChineseDates() {
    }

    public static String format(LocalDate date) {
        return FORMAT.format(date);
    }
}
