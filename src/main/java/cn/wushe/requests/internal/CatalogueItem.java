package cn.wushe.requests.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a service catalogue item (服务事项): what it is called (and what residents call it),
 * who handles it at each level and within how many working days, the materials and conditions, the
 * channels it may come in through, and whether it is 急难愁盼.
 */
public record CatalogueItem(UUID id, String countyCode, String code, int version, String category, String name,
        List<String> aliases, List<String> conditions, List<Material> materials, Set<Channel> channels,
        int communityDays, int townDays, int countyDays, int totalDays, @Nullable String department, boolean urgent,
        String whereWhen, boolean active) {

    /** A required material (所需材料): original or copy, how many. */
    public record Material(String code, String name, boolean original, int count) {
    }

    public int daysAt(Level level) {
        return switch (level) {
            case COMMUNITY -> communityDays;
            case TOWN -> townDays;
            case COUNTY -> countyDays;
        };
    }

    public boolean takes(Channel channel) {
        return channels.contains(channel);
    }
}
