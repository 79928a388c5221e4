package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeLevel;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The code of a node of the official tree (统计用区划代码) at its own length: 2 (province), 4 (city),
 * 6 (county), 9 (town/street) or 12 (community/village) digits. A 12-digit code padded with zeros
 * (610527000000) is not accepted: every level has exactly one spelling.
 */
public record RegionCode(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public RegionCode {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException(Messages.text("platform.region-code.digits-only"));
        }
        if (ScopeLevel.ofDigits(value.length()).filter(l -> l != ScopeLevel.GRID).isEmpty()) {
            throw new IllegalArgumentException(Messages.text("region.code.length"));
        }
    }

    /** Parses a community (社区/村) code: exactly 12 digits. */
    public static RegionCode community(@Nullable String value) {
        if (value == null || value.length() != ScopeLevel.COMMUNITY.digits() || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException(Messages.text("region.code.community-length"));
        }
        return new RegionCode(value);
    }

    public ScopeLevel level() {
        return ScopeLevel.of(value);
    }

    /** {@code null} for a province. */
    public @Nullable RegionCode parent() {
        return switch (level()) {
            case PROVINCE -> null;
            case CITY -> new RegionCode(value.substring(0, 2));
            case COUNTY -> new RegionCode(value.substring(0, 4));
            case TOWN -> new RegionCode(value.substring(0, 6));
            default -> new RegionCode(value.substring(0, 9));
        };
    }

    /** The county (6 digits) this code lies in; {@code null} for a province or city. */
    public @Nullable String countyCode() {
        return value.length() >= 6 ? value.substring(0, 6) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
