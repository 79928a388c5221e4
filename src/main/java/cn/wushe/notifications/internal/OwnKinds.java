package cn.wushe.notifications.internal;

import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The kinds this module sends itself. */
@Component
class OwnKinds implements NoticeKindContributor {

    @Override
    public List<NoticeKind> kinds() {
        return List.of(GatewayTest.KIND);
    }
}
