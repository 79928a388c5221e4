package cn.wushe.registry;

import cn.wushe.platform.Messages;

/**
 * Where a person's record stands (档案状态). Only {@link #ACTIVE} records are served and changed;
 * the others keep their history and may return to {@link #ACTIVE} as the registry's transition
 * table allows (a deceased record only by a county-level correction with a reason).
 */
public enum PersonStatus {
    /** 在册 */
    ACTIVE,
    /** 迁出, with the date and where to */
    MOVED_OUT,
    /** 死亡, with the date of death */
    DECEASED,
    /** 销档, with a {@link ClosingReason} */
    CLOSED;

    /** 在册, 迁出, 死亡, 销档. */
    public String label() {
        return Messages.text("registry.status." + name());
    }
}
