package cn.wushe.identity.internal;

import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The units module as this module needs it: find a unit, and offer the units of a region to choose from. */
@Component
public class UnitDirectory {

    private final Units units;

    UnitDirectory(Units units) {
        this.units = units;
    }

    public Optional<Unit> find(UUID id) {
        return units.find(new UnitId(id));
    }

    /** Active units inside the region node, for the administrator's choice. */
    public List<Unit> within(String regionCode) {
        return units.within(regionCode);
    }

    /** The active unit of this kind and exact name in the region, as demo seeds name them. */
    Optional<Unit> named(UnitKind kind, String regionCode, String name) {
        return units.ofKind(kind, regionCode).stream()
                .filter(u -> u.regionCode().equals(regionCode) && u.name().equals(name)).findFirst();
    }
}
