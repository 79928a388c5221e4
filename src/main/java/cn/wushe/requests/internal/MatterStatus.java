package cn.wushe.requests.internal;

import cn.wushe.platform.Messages;

/** Where a matter stands. */
public enum MatterStatus {
    /** Handed to a unit that has not signed for it yet (待签收). */
    AWAITING_SIGN,
    /** Signed for and being handled (办理中). */
    HANDLING,
    /** Returned to the resident for missing materials, once (一次告知); its clock is paused. */
    RETURNED,
    /** 已办结 */
    CLOSED,
    /** Merged into another matter on the same item and place (合并办理). */
    MERGED;

    public boolean open() {
        return this == AWAITING_SIGN || this == HANDLING || this == RETURNED;
    }

    public String label() {
        return Messages.text("requests.status." + name());
    }
}
