package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A person lives in a place that exists (所在社区、网格有效): the community is a community of the
 * region tree, and a grid, when given, belongs to it and is not retired. The one statement of the
 * rule for the form and API, the import preview and the commit's re-check.
 */
@Component
public class PlaceValid {

    private final Regions regions;
    private final Grids grids;

    PlaceValid(Regions regions, Grids grids) {
        this.regions = regions;
        this.grids = grids;
    }

    /** Why a place is refused: the field ({@code communityCode} or {@code gridCode}) and the message. */
    public record Refusal(String field, String message) {
    }

    /**
     * The pure rule, given what the region module answered for the two codes ({@code community}
     * and {@code grid} as typed, stripped; {@code grid} may be absent).
     */
    public static Optional<Refusal> judge(@Nullable String community, @Nullable String grid,
            Optional<Region> communityFound, Optional<Grid> gridFound) {
        if (community == null) {
            return refuse("communityCode", "registry.place.community-missing");
        }
        if (!PersonValidation.isDigits(community, 12)) {
            return refuse("communityCode", "registry.place.community-malformed");
        }
        if (communityFound.filter(r -> r.level() == ScopeLevel.COMMUNITY).isEmpty()) {
            return refuse("communityCode", "registry.place.community-unknown", community);
        }
        if (grid == null) {
            return Optional.empty();
        }
        if (!PersonValidation.isDigits(grid, 15)) {
            return refuse("gridCode", "registry.place.grid-malformed");
        }
        if (!grid.startsWith(community)) {
            return refuse("gridCode", "registry.place.grid-elsewhere", grid);
        }
        if (gridFound.isEmpty()) {
            return refuse("gridCode", "registry.place.grid-unknown", grid);
        }
        if (!gridFound.get().active()) {
            return refuse("gridCode", "registry.place.grid-retired", grid);
        }
        return Optional.empty();
    }

    /** The rule with the region module's answers, asked for each code. */
    public Optional<Refusal> check(@Nullable String community, @Nullable String grid) {
        return judge(community, grid, community != null && PersonValidation.isDigits(community, 12) ? regions.find(community)
                : Optional.empty(), wellFormedGrid(community, grid) ? grids.find(grid) : Optional.empty());
    }

    /**
     * The rule with the region module's answers remembered: a roster names a handful of communities
     * and grids, so a batch asks once per place. Nothing outlives the returned object, so a grid
     * retired meanwhile is seen by the next batch.
     */
    public PlaceValid remembering() {
        Map<String, Optional<Region>> places = new HashMap<>();
        Map<String, Optional<Grid>> gridsSeen = new HashMap<>();
        return new PlaceValid(regions, grids) {
            @Override
            public Optional<Refusal> check(@Nullable String community, @Nullable String grid) {
                return judge(community, grid,
                        community != null && PersonValidation.isDigits(community, 12)
                                ? places.computeIfAbsent(community, regions::find) : Optional.empty(),
                        wellFormedGrid(community, grid) ? gridsSeen.computeIfAbsent(grid, grids::find) : Optional.empty());
            }
        };
    }

    private static boolean wellFormedGrid(@Nullable String community, @Nullable String grid) {
        return community != null && grid != null && PersonValidation.isDigits(grid, 15) && grid.startsWith(community);
    }

    private static Optional<Refusal> refuse(String field, String key, Object... args) {
        return Optional.of(new Refusal(field, Messages.text(key, args)));
    }
}
