package cn.wushe.identity.internal;

import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The region module as this module needs it: does a scope code exist, what is it called, and
 * keeping grid workers (网格员) in step with the grid worker role.
 */
@Component
public class RegionDirectory {

    private final Regions regions;
    private final Grids grids;

    RegionDirectory(Regions regions, Grids grids) {
        this.regions = regions;
        this.grids = grids;
    }

    /** An official region (6, 9 or 12 digits) or an active grid (15 digits). */
    public boolean exists(String code) {
        if (code.length() == 15) {
            return grids.find(code).filter(Grid::active).isPresent();
        }
        return regions.exists(code);
    }

    /** The full name for display (陕西省/渭南市/白水县/…), or the code itself when it is unknown. */
    public String describe(String code) {
        if (code.length() == 15) {
            String community = describe(code.substring(0, 12));
            return grids.find(code).map(grid -> community + "/" + grid.name()).orElse(code);
        }
        return regions.find(code).map(Region::fullName).orElse(code);
    }

    /** A region an administrator may pick: its code and its name, indented by its depth below the county. */
    public record Choice(String code, String label) {
    }

    /**
     * The regions inside {@code actor}'s scopes for {@code permission}, as a tree in order (county,
     * each town, its communities, and their active grids when {@code withGrids}), so an administrator
     * picks a scope by name and never types a code outside her own.
     */
    public java.util.List<Choice> choices(cn.wushe.platform.Actor actor, cn.wushe.platform.Permission permission, boolean withGrids) {
        java.util.Map<String, Choice> choices = new java.util.LinkedHashMap<>();
        for (cn.wushe.platform.RegionScope scope : actor.scopesFor(permission)) {
            if (scope.code().length() == 15) {
                grids.find(scope.code()).filter(g -> withGrids && g.active())
                        .ifPresent(g -> choices.put(g.code(), new Choice(g.code(), name(g.code()))));
                continue;
            }
            regions.find(scope.code()).ifPresent(r -> add(r, 0, withGrids, choices));
        }
        return java.util.List.copyOf(choices.values());
    }

    private void add(Region region, int depth, boolean withGrids, java.util.Map<String, Choice> into) {
        into.put(region.code(), new Choice(region.code(), "\u3000".repeat(depth) + region.name()));
        if (region.code().length() == 12) {
            if (withGrids) {
                grids.ofCommunity(region.code()).stream().filter(Grid::active).forEach(g ->
                        into.put(g.code(), new Choice(g.code(), "\u3000".repeat(depth + 1) + g.name())));
            }
            return;
        }
        regions.children(region.code()).forEach(child -> add(child, depth + 1, withGrids, into));
    }

    /** The short name (道北社区, 道北社区/第一网格), or the code itself when it is unknown. */
    public String name(String code) {
        if (code.length() == 15) {
            return grids.find(code).map(grid -> name(code.substring(0, 12)) + "/" + grid.name()).orElse(code);
        }
        return regions.find(code).map(Region::name).orElse(code);
    }

    /** Same transaction as the role grant: the grid's worker list and the role never disagree. */
    void assignGridWorker(String gridCode, UUID userId, String displayName) {
        grids.assignWorker(gridCode, userId, displayName);
    }

    void releaseGridWorker(String gridCode, UUID userId) {
        grids.releaseWorker(gridCode, userId);
    }
}
