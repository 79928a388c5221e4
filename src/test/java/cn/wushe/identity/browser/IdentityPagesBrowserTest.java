package cn.wushe.identity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The identity pages in real Chromium at phone and desk size, with the demo accounts: login and its
 * refusal, the administrators' pages, a new account forced to change its initial password.
 * Screenshots in target/screenshots/identity-*.png.
 */
class IdentityPagesBrowserTest extends BrowserTestSupport {

    @Test
    void loginRefusalAndWorkbenchOnAPhone() {
        browser.manage().window().setSize(PHONE);
        browser.manage().deleteAllCookies();
        open("/login");
        screenshot("identity-login-phone");
        login("grid_worker", "wrong#Pass1");
        waitForText(By.cssSelector(".alert-danger"), "用户名或密码错误");
        screenshot("identity-login-refused-phone");
        login("GRID_WORKER", DEMO_PASSWORD);
        waitForText(By.tagName("h1"), "工作台");
        assertThat(browser.getPageSource()).contains("网格员");
        screenshot("identity-workbench-grid-worker-phone");
    }

    @Test
    void systemAdministratorOpensAnAccountThatMustChangeItsPassword() {
        browser.manage().window().setSize(DESK);
        login("sysadmin", DEMO_PASSWORD);
        open("/admin/users");
        waitForText(By.tagName("h1"), "用户管理");
        browser.findElement(By.cssSelector("button[data-bs-target='#create']")).click();
        waitFor(By.id("username"));
        String name = "b" + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("displayName")).sendKeys("赵敏");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("homeRegionCode"))).selectByValue("610527001002");
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        String initial = waitFor(By.cssSelector("input[aria-label='初始密码']")).getAttribute("value");
        screenshotBothSizes("identity-admin-user-created");
        open("/admin/users");
        screenshotBothSizes("identity-admin-users");

        login(name, initial);
        waitForText(By.tagName("h1"), "修改密码");
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        screenshotBothSizes("identity-forced-password-change");
        browser.findElement(By.id("currentPassword")).sendKeys(initial);
        browser.findElement(By.id("newPassword")).sendKeys("short");
        browser.findElement(By.id("repeatPassword")).sendKeys("short");
        browser.findElement(By.cssSelector("form[action='/account/password'] button")).click();
        waitForText(By.cssSelector(".field-error"), "密码不能少于 8 位");
        screenshot("identity-password-refused-desk");
    }

    @Test
    void securityAdministratorSeesAssignmentsAndTheGrantForm() {
        browser.manage().window().setSize(DESK);
        login("secadmin", DEMO_PASSWORD);
        open("/admin/roles?q=grid_worker");
        browser.findElement(By.partialLinkText("grid_worker")).click();
        waitForText(By.cssSelector(".list-group-item"), "网格员");
        assertThat(browser.getPageSource()).contains("610527001001001");
        screenshotBothSizes("identity-admin-user-roles");
    }

    @Test
    void tokensPageShowsTheNewTokenOnce() {
        browser.manage().window().setSize(PHONE);
        login("community_worker", DEMO_PASSWORD);
        open("/account/tokens");
        browser.findElement(By.id("name")).sendKeys("浏览器测试");
        browser.findElement(By.id("currentPassword")).sendKeys(DEMO_PASSWORD);
        click(By.cssSelector("form[action='/account/tokens'] button[type=submit]"));
        String token = waitFor(By.cssSelector("input[aria-label='新令牌']")).getAttribute("value");
        assertThat(token).matches("wst_[0-9A-Za-z]{32}");
        screenshotBothSizes("identity-tokens");
    }
}
