package cn.wushe.registry;

import cn.wushe.platform.Messages;

/** Why a record is closed (销档); moving away and death are statuses of their own ({@link PersonStatus}). */
public enum ClosingReason {
    /** 不再符合困难条件 */
    NO_LONGER_IN_NEED,
    /** 重复建档 */
    DUPLICATE_RECORD;

    public String label() {
        return Messages.text("registry.closure.reason." + name());
    }
}
