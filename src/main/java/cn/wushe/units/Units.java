package cn.wushe.units;

import java.util.List;
import java.util.Optional;

/**
 * The directory of units (单位) for other modules: look one up, list those of a kind in a region,
 * list a unit's children. Not scope-checked: the caller decides what its user may see; this
 * module's own pages and API apply the region scope themselves.
 */
public interface Units {

    Optional<Unit> find(UnitId id);

    /** Active units of {@code kind} inside {@code regionCode} (its own level and below), by region then name. */
    List<Unit> ofKind(UnitKind kind, String regionCode);

    /** Active units of every kind inside {@code regionCode}, by region, kind and name. */
    List<Unit> within(String regionCode);

    /** Active units whose parent is {@code parent}, by name. */
    List<Unit> children(UnitId parent);
}
