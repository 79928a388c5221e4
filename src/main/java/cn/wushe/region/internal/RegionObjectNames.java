package cn.wushe.region.internal;

import cn.wushe.platform.ObjectNamer;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Region codes and grids named for the audit log: 城关街道 instead of 610527001. */
@Component
class RegionObjectNames implements ObjectNamer {

    private final Regions regions;
    private final Grids grids;

    RegionObjectNames(Regions regions, Grids grids) {
        this.regions = regions;
        this.grids = grids;
    }

    @Override
    public Map<String, String> names(String objectType, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!objectType.equals(REGION) && !objectType.equals("GRID")) {
            return names;
        }
        for (String code : ids) {
            if (code == null || !code.matches("\\d{6}|\\d{9}|\\d{12}|\\d{15}")) {
                continue;
            }
            if (code.length() == 15) {
                grids.find(code).ifPresent(g -> names.put(code,
                        regions.find(code.substring(0, 12)).map(Region::name).orElse("") + "/" + g.name()));
            } else {
                regions.find(code).map(Region::name).ifPresent(name -> names.put(code, name));
            }
        }
        return names;
    }
}
