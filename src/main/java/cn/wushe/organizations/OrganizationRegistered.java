package cn.wushe.organizations;

import cn.wushe.units.UnitId;

/** An organization was registered or filed; published inside the registering transaction. */
public record OrganizationRegistered(UnitId id, OrganizationKind kind, String regionCode, String countyCode) {
}
