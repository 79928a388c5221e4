package cn.wushe.identity;

import java.util.List;
import java.util.UUID;

/** Who runs the installation: the enabled accounts holding the system administrator role (系统管理员). */
public interface SystemAdministrators {

    /** Their user ids, for notices about the installation itself (a failed backup). */
    List<UUID> enabled();
}
