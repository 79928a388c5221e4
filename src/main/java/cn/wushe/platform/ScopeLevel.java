package cn.wushe.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels of China's region code (统计用区划代码) plus the project's own grid level, each with
 * the number of leading digits that identify a node at that level. Scope comparisons always cut a
 * code at exactly these lengths, never at a raw string prefix.
 */
public enum ScopeLevel {
    PROVINCE(2, "省"),
    CITY(4, "市"),
    COUNTY(6, "县（区）"),
    TOWN(9, "乡镇（街道）"),
    COMMUNITY(12, "社区（村）"),
    GRID(15, "网格");

    private final int digits;
    private final String label;

    ScopeLevel(int digits, String label) {
        this.digits = digits;
        this.label = label;
    }

    public int digits() {
        return digits;
    }

    public String label() {
        return label;
    }

    public static Optional<ScopeLevel> ofDigits(int digits) {
        return Arrays.stream(values()).filter(l -> l.digits == digits).findFirst();
    }

    /** The level of a code by its length; rejects lengths that are not a level. */
    public static ScopeLevel of(String code) {
        return ofDigits(code.length()).orElseThrow(
                () -> new IllegalArgumentException("区划代码长度应为 2、4、6、9、12 或 15 位"));
    }

    public boolean isFinerThan(ScopeLevel other) {
        return digits > other.digits;
    }
}
