package cn.wushe.identity;

import cn.wushe.platform.Permission;
import java.util.List;
import java.util.UUID;

/**
 * Who to tell about a unit's or a region's work, for modules that notify staff (a matter overdue at
 * a street office reaches its lead). Answers enabled accounts only; not scope-checked: the caller
 * notifies, it does not show the list.
 */
public interface StaffDirectory {

    /** Enabled members of {@code unitId} holding a role that grants {@code permission}. */
    List<UUID> membersHolding(UUID unitId, Permission permission);

    /** Enabled accounts holding {@code permission} through a role assigned at exactly {@code scopeCode}. */
    List<UUID> holdersAt(String scopeCode, Permission permission);
}
