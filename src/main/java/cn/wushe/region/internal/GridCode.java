package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import java.util.regex.Pattern;

/**
 * A grid's code: its community's 12 digits followed by a 3-digit number (001–999), assigned once
 * and never reused, also after the grid is retired.
 */
public record GridCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{15}");

    public GridCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(Messages.text("region.grid-code.length"));
        }
        if (value.endsWith("000")) {
            throw new IllegalArgumentException(Messages.text("region.grid-code.number-range"));
        }
    }

    /** The grid numbered {@code number} (1–999) in {@code community}. */
    public static GridCode of(RegionCode community, int number) {
        if (number < 1 || number > 999) {
            throw new IllegalArgumentException(Messages.text("region.grid-code.number-range"));
        }
        return new GridCode(community.value() + "%03d".formatted(number));
    }

    public RegionCode community() {
        return new RegionCode(value.substring(0, 12));
    }

    public String countyCode() {
        return value.substring(0, 6);
    }

    public int number() {
        return Integer.parseInt(value.substring(12));
    }

    @Override
    public String toString() {
        return value;
    }
}
