package cn.wushe.care.internal;

import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notices care sends: a new alert to its owners, an overdue alert to the next level, a tier to approve. */
@Component
public class CareNotices implements NoticeKindContributor {

    public static final NoticeKind ALERT_NEW = NoticeKind.mandatory("care.alert-new", "care.notice.alert-new");
    public static final NoticeKind ALERT_ESCALATED = NoticeKind.mandatory("care.alert-escalated", "care.notice.alert-escalated");
    public static final NoticeKind CRISIS_CONTACT_MISSED = NoticeKind.mandatory("care.crisis-contact-missed",
            "care.notice.crisis-contact-missed");
    public static final NoticeKind TIER_APPROVAL = NoticeKind.optional("care.tier-approval", "care.notice.tier-approval");

    @Override
    public List<NoticeKind> kinds() {
        return List.of(ALERT_NEW, ALERT_ESCALATED, TIER_APPROVAL, CRISIS_CONTACT_MISSED);
    }
}
