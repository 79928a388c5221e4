package cn.wushe.notifications;

import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Two kinds as a module would declare them; their labels borrow existing keys (a test adds no wording). */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestKinds {

    public static final NoticeKind OPTIONAL = NoticeKind.optional("test.optional", "notifications.nav.inbox");
    public static final NoticeKind MANDATORY = NoticeKind.mandatory("test.mandatory", "notifications.badge.label");

    @Bean
    NoticeKindContributor testNoticeKinds() {
        return () -> List.of(OPTIONAL, MANDATORY);
    }
}
