package cn.wushe.identity;

import java.util.List;
import java.util.UUID;

/**
 * Who holds a role at one node of the region tree, for modules that address a level rather than a
 * person (an overdue alert escalates to the town's social work station). Enabled accounts only.
 */
public interface RoleHolders {

    /**
     * @param roleCode  a role constant, e.g. {@code TOWN_STATION}
     * @param scopeCode the exact region the role is assigned at (a town's 9 digits for a town station)
     */
    List<UUID> holding(String roleCode, String scopeCode);

    /**
     * Who may act on an object in {@code regionCode} with every one of {@code permissions}: the
     * enabled accounts whose role assignments grant each permission at a scope reaching that region
     * (the same node or above, widened grants included), e.g. the approvers of an export request.
     */
    List<UUID> reaching(java.util.Set<cn.wushe.platform.Permission> permissions, String regionCode);
}
