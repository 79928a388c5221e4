package cn.wushe.projects.internal;

import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notices of the projects module; a bean of its own, with no dependencies, so the notifications module can collect it early. */
@Component
class ProjectNoticeKinds implements NoticeKindContributor {

    /** A terminated project's recovery (追回) passed its due date unsettled: the round's managers must chase it. */
    static final NoticeKind RECOVERY_OVERDUE = NoticeKind.mandatory("projects.recovery-overdue",
            "projects.notice-kind.recovery-overdue");

    @Override
    public List<NoticeKind> kinds() {
        return List.of(RECOVERY_OVERDUE);
    }
}
