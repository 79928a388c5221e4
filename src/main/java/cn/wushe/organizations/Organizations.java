package cn.wushe.organizations;

import cn.wushe.units.UnitId;
import java.util.List;
import java.util.Optional;

/**
 * The register for other modules (funding rounds check eligibility here). Not scope-checked: the
 * caller decides what its user may see.
 */
public interface Organizations {

    Optional<OrganizationSummary> find(UnitId id);

    /** The active organizations of a county, registered ones first, by name (demo data, eligibility lists). */
    List<OrganizationSummary> activeIn(String countyCode);
}
