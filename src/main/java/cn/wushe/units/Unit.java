package cn.wushe.units;

import org.jspecify.annotations.Nullable;

/**
 * A unit (单位) as other modules see it.
 *
 * @param regionCode its node of the region tree: county (6), town (9) or community (12 digits)
 * @param countyCode the first 6 digits of {@code regionCode}
 * @param parentId   the unit it reports to (a town station to the county station), if any
 * @param creditCode the unified social credit code (统一社会信用代码), if known
 * @param active     {@code false} once retired (撤销): kept for history, takes no members or children
 */
public record Unit(UnitId id, UnitKind kind, String name, String regionCode, String countyCode,
        @Nullable UnitId parentId, @Nullable String creditCode, boolean active) {

    /** Whether the unit lies inside {@code regionCode} (by whole code segments). */
    public boolean liesIn(String regionCode) {
        return this.regionCode.length() >= regionCode.length() && this.regionCode.startsWith(regionCode);
    }
}
