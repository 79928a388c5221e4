package cn.wushe.units;

/**
 * A unit (单位) was retired (撤销); published inside the retiring transaction. Its members keep
 * their membership (history stays readable); it takes no new members, children or assignments.
 */
public record UnitRetired(UnitId unitId, String countyCode) {
}
