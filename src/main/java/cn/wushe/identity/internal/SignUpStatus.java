package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;

/** Where a sign-up stands: waiting for the community, confirmed, rejected with a reason, withdrawn by the applicant. */
public enum SignUpStatus {
    PENDING, CONFIRMED, REJECTED, WITHDRAWN;

    /** 待确认 / 已确认 / 未通过 / 已撤回 (key {@code identity.signup.status.<CONSTANT>}). */
    public String label() {
        return Messages.text("identity.signup.status." + name());
    }
}
