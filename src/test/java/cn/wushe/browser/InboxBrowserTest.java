package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.notifications.Notice;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.notifications.internal.GatewayTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox on a phone: a notice sent while the page is open appears in the top bar's badge without
 * a reload (the event stream), the badge opens the inbox, the entry opens its object and is read.
 */
class InboxBrowserTest extends BrowserTestSupport {

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoticeReachesTheBadgeLiveAndOpensItsObject() {
        browser.manage().window().setSize(PHONE);
        login("sysadmin", DEMO_PASSWORD);
        UUID me = jdbc.sql("select id from identity.users where username = 'sysadmin'").query(UUID.class).single();
        tx.executeWithoutResult(status -> jdbc.sql("update notifications.inbox set read_at = now() where user_id = :me and read_at is null")
                .param("me", me).update());
        open("/");
        waitForText(By.tagName("h1"), "工作台");
        assertThat(browser.findElement(By.id("inbox-unread")).getText()).isEmpty();
        // the stream is open once the extension connected: then a notice must arrive without a reload
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(browser.executeScript(
                "var e = document.getElementById('inbox-badge'); return !!(e && e['htmx-internal-data'] && e['htmx-internal-data'].sseEventSource && e['htmx-internal-data'].sseEventSource.readyState === 1);")));

        tx.executeWithoutResult(status -> notifications.send(new Notice(Recipients.user(me), GatewayTest.KIND,
                "请核对通知设置", "浏览器测试发送的通知", "/account/notifications")));

        waitForText(By.id("inbox-unread"), "1");
        assertThat(browser.findElement(By.id("inbox-badge")).isDisplayed()).isTrue();
        screenshot("inbox-badge-phone");
        click(By.id("inbox-badge"));
        waitForText(By.tagName("h1"), "我的通知");
        assertThat(browser.findElement(By.partialLinkText("请核对通知设置")).getAttribute("class")).contains("fw-bold");
        screenshotBothSizes("inbox");
        browser.manage().window().setSize(PHONE);
        click(By.partialLinkText("请核对通知设置"));
        waitForText(By.tagName("h1"), "通知设置");
        assertThat(browser.getCurrentUrl()).endsWith("/account/notifications");
        waitForText(By.id("inbox-badge"), "通知");
        assertThat(browser.findElement(By.id("inbox-unread")).getText()).isEmpty();
    }
}
