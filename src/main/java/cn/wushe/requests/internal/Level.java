package cn.wushe.requests.internal;

import cn.wushe.platform.Messages;
import cn.wushe.units.UnitKind;
import org.jspecify.annotations.Nullable;

/** The level of the chain a matter sits at: committee → street office (镇政府) → county department. */
public enum Level {
    COMMUNITY(UnitKind.COMMUNITY_COMMITTEE),
    TOWN(UnitKind.TOWN_GOVERNMENT),
    COUNTY(UnitKind.COUNTY_DEPARTMENT);

    private final UnitKind unitKind;

    Level(UnitKind unitKind) {
        this.unitKind = unitKind;
    }

    /** The kind of unit that handles matters at this level. */
    public UnitKind unitKind() {
        return unitKind;
    }

    /** The level a forward goes to; {@code null} at the end of the chain. */
    public @Nullable Level above() {
        return this == COMMUNITY ? TOWN : this == TOWN ? COUNTY : null;
    }

    /** The level a send-back goes to; {@code null} at the start of the chain. */
    public @Nullable Level below() {
        return this == COUNTY ? TOWN : this == TOWN ? COMMUNITY : null;
    }

    /** The region code of this level's unit for a matter at {@code regionCode}. */
    public String regionOf(String regionCode) {
        return switch (this) {
            case COMMUNITY -> regionCode.substring(0, 12);
            case TOWN -> regionCode.substring(0, 9);
            case COUNTY -> regionCode.substring(0, 6);
        };
    }

    public String label() {
        return Messages.text("requests.level." + name());
    }
}
