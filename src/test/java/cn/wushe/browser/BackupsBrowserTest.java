package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The system admin opens 数据备份 on a phone and at the desk. Backups are off in the test profile, and
 * the page says so and how to turn them on (with them on it shows the schedule, the directory and the
 * button instead). axe-core finds nothing serious.
 * Screenshots in target/screenshots/backups-*.png.
 */
class BackupsBrowserTest extends BrowserTestSupport {

    @Test
    void theSystemAdminSeesBackupsAndWhyTheyAreNotRunning() {
        browser.manage().window().setSize(PHONE);
        login("sysadmin", DEMO_PASSWORD);
        open("/admin/backups");
        waitForText(By.tagName("h1"), "数据备份");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("备份未开启", "wushe.backup.dir");
        assertAccessible("/admin/backups");
        screenshotBothSizes("backups");
    }
}
