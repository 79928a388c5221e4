package cn.wushe.identity.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The region module as this module needs it: does a scope code exist, what is it called, and
 * keeping grid workers in step with the grid worker role. Fails closed while the region module
 * offers no implementation (no scope can be validated, so none is accepted).
 */
@Component
public class RegionDirectory {

    private final ObjectProvider<Regions> regions;
    private final ObjectProvider<Grids> grids;

    RegionDirectory(ObjectProvider<Regions> regions, ObjectProvider<Grids> grids) {
        this.regions = regions;
        this.grids = grids;
    }

    /** An official region (6, 9 or 12 digits) or an active grid (15 digits). */
    public boolean exists(String code) {
        if (code.length() == 15) {
            return grids().find(code).filter(Grid::active).isPresent();
        }
        return regions().exists(code);
    }

    /** The full name for display, or the code itself when it is unknown. */
    public String describe(String code) {
        Regions available = regions.getIfAvailable();
        if (available == null) {
            return code;
        }
        if (code.length() == 15) {
            Grids g = grids.getIfAvailable();
            String community = available.find(code.substring(0, 12)).map(Region::fullName).orElse(code.substring(0, 12));
            return g == null ? code : g.find(code).map(grid -> community + "/" + grid.name()).orElse(code);
        }
        return available.find(code).map(Region::fullName).orElse(code);
    }

    void assignGridWorker(String gridCode, UUID userId, String displayName) {
        grids().assignWorker(gridCode, userId, displayName);
    }

    void releaseGridWorker(String gridCode, UUID userId) {
        grids().releaseWorker(gridCode, userId);
    }

    private Regions regions() {
        Regions available = regions.getIfAvailable();
        if (available == null) {
            throw unavailable();
        }
        return available;
    }

    private Grids grids() {
        Grids available = grids.getIfAvailable();
        if (available == null) {
            throw unavailable();
        }
        return available;
    }

    private static DomainException unavailable() {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "regions-unavailable", "区划与网格数据尚未就绪，请稍后再试");
    }
}
