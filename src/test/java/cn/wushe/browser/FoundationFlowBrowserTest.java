package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue A end to end in real Chromium, as its users do it: the lockout message after five wrong
 * passwords and the system admin lifting it, browsing and searching the region tree, a community worker creating a grid on a phone,
 * and the same worker refused the neighbouring community's grid. Screenshots in
 * target/screenshots/foundation-*.png.
 */
class FoundationFlowBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveWrongPasswordsLockTheAccountAndSayUntilWhen() {
        browser.manage().window().setSize(PHONE);
        for (int i = 0; i < 5; i++) {
            login("reviewer", "Wrong#Pass" + i);
        }
        waitForText(By.cssSelector(".alert-danger"), "账号已锁定");
        assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).containsPattern("请于 \\d{2}:\\d{2} 后重试");
        screenshot("foundation-lockout-phone");
        login("reviewer", DEMO_PASSWORD);
        waitForText(By.cssSelector(".alert-danger"), "账号已锁定");

        // the system admin lifts the lock, as the message promises; later tests sign in as reviewer too
        login("sysadmin", DEMO_PASSWORD);
        open("/admin/users?q=reviewer");
        click(By.linkText("reviewer"));
        click(By.xpath("//button[text()='解除登录锁定']"));
        waitFor(By.xpath("//button[text()='重置密码']"));
        assertThat(browser.findElements(By.xpath("//button[text()='解除登录锁定']"))).isEmpty();
        login("reviewer", DEMO_PASSWORD);
        waitForText(By.tagName("h1"), "工作台");
    }

    /** The test database is shared by every test class: the demo reviewer must sign in again after this. */
    @AfterEach
    void liftTheLockout() {
        jdbc.sql("delete from identity.login_failures where username_normalized = 'reviewer'").update();
    }

    @Test
    void communityWorkerBrowsesTheTreeAndSearchesByName() {
        browser.manage().window().setSize(DESK);
        login("community_worker", DEMO_PASSWORD);
        waitForText(By.tagName("h1"), "工作台");
        open("/regions/610527");
        waitForText(By.id("browser"), "城关街道");
        browser.findElement(By.linkText("城关街道")).click();
        waitForText(By.id("browser"), "道北社区居委会");
        screenshotBothSizes("foundation-regions-browse");
        browser.findElement(By.id("q")).sendKeys("尧禾");
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waitForText(By.id("search-results"), "尧禾镇");
        assertThat(browser.findElement(By.id("search-results")).getText()).contains("白水县");
        screenshotBothSizes("foundation-regions-search");
    }

    @Test
    void communityWorkerCreatesAGridOnAPhoneAndIsRefusedTheNeighboursGrid() {
        browser.manage().window().setSize(PHONE);
        login("community_worker", DEMO_PASSWORD);
        waitForText(By.tagName("h1"), "工作台");
        open("/grids");
        waitForText(By.tagName("h1"), "网格");
        screenshot("foundation-grids-phone");
        click(By.linkText("新建网格"));
        waitForText(By.tagName("h1"), "新建网格");

        browser.findElement(By.id("name")).sendKeys("X".repeat(51));
        click(By.cssSelector("form[action='/grids'] button[type=submit]"));
        waitFor(By.cssSelector(".field-error"));
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("50");
        screenshot("foundation-grid-form-error-phone");

        String name = "新建测试网格" + UUID.randomUUID().toString().substring(0, 4);
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys(name);
        // her only community is offered, already chosen
        assertThat(new Select(browser.findElement(By.id("communityCode"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("610527001001");
        click(By.cssSelector("form[action='/grids'] button[type=submit]"));
        waitForText(By.tagName("h1"), name);
        assertThat(browser.getCurrentUrl()).contains("/grids/610527001001");
        screenshot("foundation-grid-created-phone");

        open("/grids/610527001002001");
        waitForText(By.tagName("h1"), "页面不存在");
        assertThat(browser.getPageSource()).doesNotContain("610527001002001\">");
        screenshot("foundation-neighbour-grid-refused-phone");
    }
}
