package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The large-type, high-contrast mode (适老化) is switched on once, before or after login, and kept. */
class LargeTypeBrowserTest extends BrowserTestSupport {

    @Test
    void switchedOnOnceAndKeptAfterLoginAndReload() {
        browser.manage().window().setSize(PHONE);
        browser.manage().deleteAllCookies();
        open("/login");
        assertThat(htmlClass()).doesNotContain("large-type");
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        screenshot("large-type-login-phone");

        browser.findElement(By.name("username")).sendKeys("grid_worker");
        browser.findElement(By.name("password")).sendKeys(DEMO_PASSWORD);
        click(By.cssSelector("button[type=submit].btn-primary"));
        waitForText(By.tagName("h1"), "工作台");
        browser.navigate().refresh();
        assertThat(htmlClass()).contains("large-type");
        screenshotBothSizes("large-type-workbench");

        click(By.xpath("//button[contains(., '关闭大字模式')]"));
        waitForText(By.tagName("h1"), "工作台");
        assertThat(htmlClass()).doesNotContain("large-type");
    }

    private String htmlClass() {
        String value = browser.findElement(By.tagName("html")).getAttribute("class");
        return value == null ? "" : value;
    }
}
