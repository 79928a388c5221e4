package cn.wushe.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels of China's region code (统计用区划代码) plus the project's own grid level, each with
 * the number of leading digits that identify a node at that level. Scope comparisons always cut a
 * code at exactly these lengths, never at a raw string prefix.
 */
public enum ScopeLevel {
    PROVINCE(2),
    CITY(4),
    COUNTY(6),
    TOWN(9),
    COMMUNITY(12),
    GRID(15);

    private final int digits;

    ScopeLevel(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    /** The Chinese name shown to users, e.g. 乡镇（街道） (key {@code platform.scope-level.<CONSTANT>}). */
    public String label() {
        return Messages.text("platform.scope-level." + name());
    }

    public static Optional<ScopeLevel> ofDigits(int digits) {
        return Arrays.stream(values()).filter(l -> l.digits == digits).findFirst();
    }

    /** The level of a code by its length; rejects lengths that are not a level. */
    public static ScopeLevel of(String code) {
        return ofDigits(code.length()).orElseThrow(
                () -> new IllegalArgumentException(Messages.text("platform.region-code.level-length")));
    }

    public boolean isFinerThan(ScopeLevel other) {
        return digits > other.digits;
    }
}
