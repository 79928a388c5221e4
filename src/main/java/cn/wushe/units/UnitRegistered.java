package cn.wushe.units;

/** A unit (单位) was registered; published inside the registering transaction. */
public record UnitRegistered(UnitId unitId, UnitKind kind, String regionCode, String countyCode) {
}
