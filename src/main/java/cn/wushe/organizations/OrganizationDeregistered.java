package cn.wushe.organizations;

import cn.wushe.units.UnitId;

/** An organization was deregistered (注销); its unit is retired in the same transaction. */
public record OrganizationDeregistered(UnitId id, String countyCode) {
}
