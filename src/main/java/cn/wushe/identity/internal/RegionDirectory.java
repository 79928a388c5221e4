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

    /** Same transaction as the role grant: the grid's worker list and the role never disagree. */
    void assignGridWorker(String gridCode, UUID userId, String displayName) {
        grids.assignWorker(gridCode, userId, displayName);
    }

    void releaseGridWorker(String gridCode, UUID userId) {
        grids.releaseWorker(gridCode, userId);
    }
}
