package cn.wushe.organizations;

import cn.wushe.platform.Actor;
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

    /** An organization a community confirmed (报到), with the community's county. */
    record ConfirmedCheckin(UnitId organization, String countyCode) {
    }

    /**
     * The organizations the communities of the actor's {@code ORG_CHECKIN_CONFIRM} scope have
     * confirmed: those communities see these organizations' projects in that county.
     */
    List<ConfirmedCheckin> confirmedIn(Actor actor);
}
