package cn.wushe.operations.internal;

import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notice a failed or refused backup sends to every system admin; mandatory, it always reaches the inbox. */
@Component
class BackupNoticeKinds implements NoticeKindContributor {

    static final NoticeKind FAILED = NoticeKind.mandatory("operations.backup-failed", "operations.notice.backup-failed");

    @Override
    public List<NoticeKind> kinds() {
        return List.of(FAILED);
    }
}
