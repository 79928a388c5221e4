package cn.wushe.requests.internal;

import cn.wushe.documents.DocumentKind;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notices of the requests module; a bean of its own, with no dependencies, so the notifications module can collect it early. */
@Component
class RequestsNoticeKinds implements NoticeKindContributor {

    static final NoticeKind RECEIVED = NoticeKind.optional("requests.matter-received", "requests.notice-kind.received");
    static final NoticeKind UPDATED = NoticeKind.mandatory("requests.matter-updated", "requests.notice-kind.updated");
    static final NoticeKind WARNED = NoticeKind.optional("requests.time-warning", "requests.notice-kind.warning");
    static final NoticeKind OVERDUE = NoticeKind.mandatory("requests.overdue", "requests.notice-kind.overdue");
    /** 一次告知书, issued through the documents module. */
    static final DocumentKind TOLD_ONCE = DocumentKind.receipt("MATTER_TOLD_ONCE");

    static final NoticeKind REMINDER = NoticeKind.optional("requests.appointment-reminder", "requests.notice-kind.reminder");

    @Override
    public List<NoticeKind> kinds() {
        return List.of(RECEIVED, UPDATED, WARNED, OVERDUE, REMINDER);
    }
}
