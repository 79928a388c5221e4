package cn.wushe.platform;

import java.util.regex.Pattern;

/**
 * A node of the region tree that bounds what a user may see or do: a province, city, county,
 * town, community or grid, identified by its code at exactly its level's length.
 *
 * @param code digits only, length 2, 4, 6, 9, 12 or 15
 */
public record RegionScope(String code) {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    public RegionScope {
        if (code == null || !DIGITS.matcher(code).matches()) {
            throw new IllegalArgumentException(Messages.text("platform.region-code.digits-only"));
        }
        ScopeLevel.of(code);
    }

    public ScopeLevel level() {
        return ScopeLevel.of(code);
    }

    /** The county this scope lies in, or {@code null} for a province or city scope. */
    public String countyCode() {
        return code.length() >= 6 ? code.substring(0, 6) : null;
    }

    /**
     * Whether {@code regionCode} (a full 12-digit region code, a 15-digit grid code, or any node
     * code) lies inside this scope: its first {@code level().digits()} digits must equal this code,
     * and it must be at least as deep as this scope.
     */
    public boolean contains(String regionCode) {
        return regionCode.length() >= code.length() && regionCode.startsWith(code)
                && ScopeLevel.ofDigits(regionCode.length()).isPresent();
    }

    /** This scope cut back to a coarser level (a grid worker views their whole community). */
    public RegionScope widenTo(ScopeLevel level) {
        return level.digits() < code.length() ? new RegionScope(code.substring(0, level.digits())) : this;
    }
}
