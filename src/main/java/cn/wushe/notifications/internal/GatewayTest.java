package cn.wushe.notifications.internal;

import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeId;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A system admin checks a county's gateway by sending themself a test notice (网关测试): it reaches
 * their inbox and, through the outbox, the gateway, like any other notice.
 */
@Service
public class GatewayTest {

    public static final NoticeKind KIND = NoticeKind.mandatory("notifications.gateway-test", "notifications.gateway-test.kind");

    private final Notifications notifications;

    GatewayTest(Notifications notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public NoticeId send(Actor actor, @Nullable String countyCode) {
        if (countyCode == null || !countyCode.matches("\\d{6}") || !actor.can(Permission.USER_MANAGE, countyCode)) {
            throw DomainException.invalid(Map.of("countyCode", Messages.text("notifications.webhook.county-out-of-scope")));
        }
        return notifications.send(new Notice(Recipients.user(actor.id()), KIND,
                Messages.text("notifications.gateway-test.title"), Messages.text("notifications.gateway-test.text", countyCode),
                "/admin/notifications/webhooks", countyCode));
    }
}
