package cn.wushe.requests.internal;

import cn.wushe.platform.Messages;

/** The kinds of timeline entry (办理过程) of a matter, stored by name. */
public enum TimelineKind {
    SUBMITTED, SIGNED, SIGNED_LATE, DECLINED, FORWARDED, SENT_BACK, MERGED, MERGED_FROM, RETURNED, RESUBMITTED, CLOSED,
    RATED, REOPENED, FOLLOW_UP, OVERDUE, REJECTED, SIGN_OVERDUE, LEVEL_OVERDUE;

    public String label() {
        return Messages.text("requests.timeline." + name());
    }
}
