package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Sign-up in real Chromium: a resident signs up on a phone (town, then community loaded by htmx),
 * signs in with her number and sees only her pending status; the community worker confirms at a
 * desk; signed in again she reaches the workbench. Every page passes axe-core's WCAG 2.1 AA rules.
 * Screenshots in target/screenshots/signup-*.png.
 */
class SignUpBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "Gq7#pLm2xZ";

    @Test
    void aResidentSignsUpOnHerPhoneAndTheCommunityWorkerConfirms() {
        java.util.List<String> violations = new java.util.ArrayList<>();
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(PHONE);
        open("/login");
        click(By.id("to-signup"));
        waitForText(By.tagName("h1"), "注册账号");
        screenshot("signup-choose-phone");
        violations.addAll(accessibilityViolations("/signup phone"));
        click(By.id("choose-resident"));
        waitForText(By.tagName("h1"), "居民注册");

        // a refused form keeps the fields and says what is wrong beside each
        click(By.cssSelector("button[type=submit]"));
        waitFor(By.id("realName-error"));
        assertThat(browser.findElement(By.id("phone-error")).getText()).isEqualTo("请填写手机号");
        screenshot("signup-refused-phone");
        violations.addAll(accessibilityViolations("/signup/resident refused phone"));

        browser.findElement(By.id("realName")).sendKeys("王秀英");
        browser.findElement(By.id("phone")).sendKeys(phone);
        new Select(browser.findElement(By.id("townCode"))).selectByVisibleText("城关街道");
        waitFor(By.xpath("//select[@id='communityCode']/option[text()='道北社区居委会']"));
        new Select(browser.findElement(By.id("communityCode"))).selectByVisibleText("道北社区居委会");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("repeatPassword")).sendKeys(PASSWORD);
        screenshot("signup-form-phone");
        click(By.cssSelector("button[type=submit]"));
        waitForText(By.tagName("h1"), "申请已收到");
        screenshot("signup-sent-phone");
        violations.addAll(accessibilityViolations("/signup/sent phone"));

        login(phone, PASSWORD);
        waitForText(By.tagName("h1"), "我的注册申请");
        assertThat(browser.findElement(By.id("signup-status")).getText()).contains("待确认");
        assertThat(browser.getPageSource()).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        screenshotBothSizes("signup-status");
        violations.addAll(accessibilityViolations("/signup/status desk"));
        open("/people");
        waitForText(By.tagName("h1"), "没有权限");

        browser.manage().window().setSize(DESK);
        login("community_worker", DEMO_PASSWORD);
        // the workbench offers the queue as a tile and says how many sign-ups wait
        waitForText(By.tagName("h1"), "工作台");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("注册审核").containsPattern("有 \\d+ 份注册申请待确认");
        screenshot("signup-worker-workbench-desk");
        open("/signups");
        waitForText(By.tagName("h1"), "注册审核");
        screenshotBothSizes("signup-queue");
        violations.addAll(accessibilityViolations("/signups desk"));
        click(By.xpath("//div[contains(@class,'card')][.//span[text()='" + phone.substring(0, 3) + "****" + phone.substring(7)
                + "']]//a"));
        waitForText(By.tagName("h1"), "居民注册申请");
        screenshot("signup-review-desk");
        violations.addAll(accessibilityViolations("/signups/{id} desk"));
        click(By.id("confirm"));
        waitForText(By.id("status"), "已确认");
        screenshot("signup-confirmed-desk");

        browser.manage().window().setSize(PHONE);
        login(phone, PASSWORD);
        waitForText(By.tagName("h1"), "工作台");
        screenshot("signup-resident-workbench-phone");
        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }
}
