package cn.wushe.care.internal;

import cn.wushe.platform.Messages;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who owns an alert: the grid's workers first, then, each time it goes overdue, the community
 * worker, the town's social work station and the county's (COMMUNITY_WORKER → TOWN_STATION →
 * COUNTY_STATION). The county is the last level.
 */
public enum AlertLevel {
    GRID(15, null), COMMUNITY(12, "COMMUNITY_WORKER"), TOWN(9, "TOWN_STATION"), COUNTY(6, "COUNTY_STATION");

    private final int digits;
    private final @Nullable String role;

    AlertLevel(int digits, @Nullable String role) {
        this.digits = digits;
        this.role = role;
    }

    /** The region code this level addresses, or empty when the alert's region is coarser. */
    public Optional<String> regionOf(String regionCode) {
        return regionCode.length() >= digits ? Optional.of(regionCode.substring(0, digits)) : Optional.empty();
    }

    /** The role that owns alerts at this level; {@code null} for the grid, whose workers the grid itself lists. */
    public @Nullable String role() {
        return role;
    }

    public Optional<AlertLevel> next() {
        return this == COUNTY ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public String label() {
        return Messages.text("care.alert-level." + name());
    }
}
