package cn.wushe.identity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 保持登录 on a phone in real Chromium, as the demo volunteer: tick the box, close the browser (the
 * session cookie goes), open the device page again without a password, sign every device out. The
 * device page passes axe-core in normal and large-type mode. Screenshots in target/screenshots/remember-*.png.
 */
class RememberedDevicesBrowserTest extends BrowserTestSupport {

    @Test
    void aVolunteerPhoneStaysSignedInAfterTheBrowserClosesUntilSignedOut() {
        browser.manage().window().setSize(PHONE);
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.name("username")).sendKeys("volunteer");
        browser.findElement(By.name("password")).sendKeys(DEMO_PASSWORD);
        click(By.id("remember-me"));
        screenshot("remember-login-phone");
        submitAndWait(By.cssSelector("form[action='/login'] button[type=submit]"));

        Cookie remembered = browser.manage().getCookieNamed("wushe_remember");
        assertThat(remembered).isNotNull();
        assertThat(remembered.isHttpOnly()).isTrue();
        assertThat(remembered.getSameSite()).isEqualTo("Lax");
        assertThat(remembered.getPath()).isEqualTo("/");

        // the phone's browser was closed: session cookies are gone, the remembered one stays
        for (Cookie cookie : browser.manage().getCookies()) {
            if (!"wushe_remember".equals(cookie.getName())) {
                browser.manage().deleteCookieNamed(cookie.getName());
            }
        }
        open("/account/devices");
        waitForText(By.tagName("h1"), "保持登录的设备");
        assertThat(browser.getPageSource()).contains("本机", "Chrome · Linux");
        assertThat(browser.manage().getCookieNamed("wushe_remember").getValue()).isNotEqualTo(remembered.getValue());
        screenshotBothSizes("remember-devices");
        List<String> violations = new ArrayList<>(accessibilityViolations("/account/devices"));
        click(By.xpath("//button[contains(., '大字模式（适老化）')]"));
        waitFor(By.cssSelector("html.large-type"));
        violations.addAll(accessibilityViolations("/account/devices large-type"));
        screenshot("remember-devices-large-type-desk");
        click(By.xpath("//button[contains(., '关闭大字模式')]"));
        assertThat(violations).isEmpty();

        browser.manage().window().setSize(PHONE);
        browser.executeScript("window.confirm = () => true;");
        submitAndWait(By.xpath("//button[contains(., '全部设备退出登录')]"));
        assertThat(browser.manage().getCookieNamed("wushe_remember")).isNull();
        browser.manage().deleteAllCookies();
        open("/account/devices");
        waitForText(By.tagName("h1"), "五社联动");
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    private void submitAndWait(By button) {
        browser.executeScript("window.wusheLeaving = true;");
        click(button);
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "return window.wusheLeaving === undefined && document.readyState === 'complete';")));
    }
}
