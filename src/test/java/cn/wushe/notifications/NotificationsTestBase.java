package cn.wushe.notifications;

import cn.wushe.identity.MutableClock;
import cn.wushe.identity.TestAccounts;
import cn.wushe.identity.internal.AccountFixture;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One context for the notification tests: a real port (the stream is read over HTTP), a clock the
 * tests move, and no delivery task in the background, so the webhook tests count every attempt
 * they cause (a short read timeout keeps the hanging gateway's test short).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "wushe.notifications.delivery-task=false", "wushe.notifications.read-timeout=1s",
    "wushe.notifications.connect-timeout=1s",
    // one more cached context beside the suite's others: a small pool keeps them all under max_connections
    "spring.datasource.hikari.maximum-pool-size=6", "spring.datasource.hikari.minimum-idle=1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({NotificationTestKinds.class, MutableClock.Config.class, TestAccounts.class, AccountFixture.class})
abstract class NotificationsTestBase {

    @Autowired
    protected Notifications notifications;
    @Autowired
    protected TransactionTemplate tx;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MutableClock clock;

    /** Sends in a transaction of its own that commits, as a module's use case would. */
    protected NoticeId send(NoticeKind kind, String regionCode, UUID... recipients) {
        return tx.execute(status -> notifications.send(new Notice(Recipients.users(List.of(recipients)), kind,
                "走访逾期提醒", "有 1 户超过走访周期", "/people?grid=1", regionCode)));
    }

    protected long inboxRows(NoticeId notice) {
        return jdbc.sql("select count(*) from notifications.inbox where notice_id = :id").param("id", notice.value())
                .query(Long.class).single();
    }
}
