package cn.wushe.platform;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A band of ages in whole years, as lists filter by it: {@code 60-79} (both included) or {@code 80-}
 * (80 and older). The text form is what pages put in a URL; one parser reads it for the people
 * list, its export and any other filter.
 *
 * @param max {@code null} for an open band
 */
public record AgeBand(int min, @Nullable Integer max) {

    /** The oldest age a filter accepts. */
    public static final int OLDEST = 150;

    /** The bands the people list offers: children, working age, elderly, very old. */
    public static final List<AgeBand> PRESETS = List.of(new AgeBand(0, 17), new AgeBand(18, 59),
            new AgeBand(60, 79), new AgeBand(80, null));

    private static final Pattern TEXT = Pattern.compile("(\\d{1,3})-(\\d{0,3})");

    public AgeBand {
        if (min < 0 || min > OLDEST || (max != null && (max < min || max > OLDEST))) {
            throw DomainException.invalid("age", Messages.text("platform.age-band.invalid", OLDEST));
        }
    }

    /**
     * The band written as {@code 60-79} or {@code 80-}; {@code null} for blank text.
     *
     * @throws DomainException on field {@code age} for any other text
     */
    public static @Nullable AgeBand parse(@Nullable String text) {
        String trimmed = Text.trimToNull(text);
        if (trimmed == null) {
            return null;
        }
        Matcher m = TEXT.matcher(trimmed);
        if (!m.matches()) {
            throw DomainException.invalid("age", Messages.text("platform.age-band.invalid", OLDEST));
        }
        return new AgeBand(Integer.parseInt(m.group(1)), m.group(2).isEmpty() ? null : Integer.valueOf(m.group(2)));
    }

    /** As shown in a choice list: {@code 60-79 岁}, {@code 80 岁以上}. */
    public String label() {
        return max == null ? Messages.text("platform.age-band.open", min)
                : Messages.text("platform.age-band.closed", min, max);
    }

    /** The text {@link #parse} reads: {@code 60-79}, {@code 80-}. */
    @Override
    public String toString() {
        return min + "-" + (max == null ? "" : max);
    }
}
