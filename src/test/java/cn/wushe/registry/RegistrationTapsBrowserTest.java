package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue [U] 3, registration in under a minute: a grid worker on a 390 px phone registers a new head of
 * household from the people list, then a member from the household page, counting every tap (a tap
 * into a field to type counts too, a drop-down counts two: open and pick) — at most 10 each. The
 * start date, 认定来源, community and grid are filled in; the member inherits the head's place and
 * address; 保存 is on the first screen; the household page shows each member's relation to the head.
 * Screenshots in target/screenshots/registration-*.png, in normal and large type.
 */
class RegistrationTapsBrowserTest extends BrowserTestSupport {

    static final int MAX_TAPS = 10;

    private int taps;
    private final List<String> typed = new ArrayList<>();

    @Test
    void aNewHeadOfHouseholdAndAMemberTakeAtMostTenTapsEachAtPhoneSize() {
        browser.manage().window().setSize(PHONE);
        login("grid_worker", DEMO_PASSWORD);
        open("/people");
        waitForText(By.tagName("h1"), "困难群众");

        taps = 0;
        tap(By.id("people-actions-toggle"));
        tap(By.xpath("//ul[@aria-labelledby='people-actions-toggle']//a[contains(., '登记人员')]"));
        waitForText(By.tagName("h1"), "登记人员");
        WebElement save = browser.findElement(By.id("save"));
        assertThat(((Number) browser.executeScript("return arguments[0].getBoundingClientRect().bottom - window.innerHeight;", save))
                .doubleValue()).as("保存 on the first screen").isLessThanOrEqualTo(0);
        assertThat(new Select(browser.findElement(By.id("place"))).getFirstSelectedOption().getText())
                .as("the grid worker's grid is chosen").contains("道北社区");
        assertThat(browser.findElement(By.id("categories0.startDate")).getAttribute("value")).as("start date today").isNotBlank();
        assertThat(browser.findElement(By.id("categories0.source")).getAttribute("value")).as("认定来源 from the unit").isNotBlank();
        screenshot("registration-head-phone");

        String head = RegistryFixtures.newIdNumber();
        type(By.id("idNumber"), head);
        type(By.id("name"), "蔺" + "守田");
        type(By.id("phone"), "13800001234");
        type(By.id("addressDetail"), "道北路 8 号");
        choose(By.id("categories0.code"), "低保");
        tap(By.id("save"));
        saved("registration-head-refused");
        assertThat(taps).as("taps for a new head of household, %s typed", typed).isLessThanOrEqualTo(MAX_TAPS);
        int headTaps = taps;

        taps = 0;
        typed.clear();
        tap(By.cssSelector("a[href^='/households/']"));
        waitForText(By.tagName("h1"), "家庭成员");
        tap(By.xpath("//a[contains(., '登记家庭成员')]"));
        waitForText(By.tagName("h1"), "登记家庭成员");
        assertThat(browser.findElement(By.id("addressDetail")).getAttribute("value")).isEqualTo("道北路 8 号");
        screenshot("registration-member-phone");
        type(By.id("idNumber"), RegistryFixtures.newIdNumber());
        type(By.id("name"), "蔺" + "春花");
        choose(By.id("relationToHead"), "配偶");
        tap(By.id("save"));
        saved("registration-member-refused");
        assertThat(taps).as("taps for a member, %s typed", typed).isLessThanOrEqualTo(MAX_TAPS);

        click(By.cssSelector("a[href^='/households/']"));
        waitForText(By.tagName("h1"), "家庭成员");
        assertThat(browser.findElements(By.cssSelector(".relation")).stream().map(WebElement::getText).toList())
                .containsExactly("户主本人", "配偶");
        screenshot("registration-household-phone");
        System.out.printf("registration taps: head %d, member %d%n", headTaps, taps);
    }

    @Test
    void theAppHasIconsAndWeChatUsersAreToldWhereDownloadsOpen() throws Exception {
        // icons and the manifest need no sign-in: a phone fetches them for its home screen
        for (String path : List.of("/favicon.ico", "/img/apple-touch-icon.png", "/img/icon-192.png", "/img/manifest.json")) {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url(path))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body().length).as(path).isPositive();
        }
        browser.manage().window().setSize(PHONE);
        login("community_worker", DEMO_PASSWORD);
        open("/people/export");
        waitForText(By.tagName("h1"), "导出");
        assertThat(browser.findElement(By.cssSelector(".wechat-hint")).isDisplayed()).as("outside WeChat: no hint").isFalse();
        assertThat(browser.findElement(By.cssSelector("link[rel=apple-touch-icon]")).getAttribute("href")).endsWith("/img/apple-touch-icon.png");
        browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN"));
        open("/people/export");
        waitForText(By.tagName("h1"), "导出");
        assertThat(waitFor(By.cssSelector(".wechat-hint")).getText()).contains("在默认浏览器中打开");
        screenshot("wechat-hint-phone");
    }

    /**
     * axe-core's WCAG 2.1 AA rules over the pages this issue changed — the desk table, the folded
     * form, history, household, export, the workbench's 待办 panel — at phone and desk size, in
     * normal and in large type: no serious or critical violation.
     */
    @Test
    void theChangedPagesPassAxeInBothModesAndSizes() {
        browser.manage().window().setSize(PHONE);
        login("community_worker", DEMO_PASSWORD);
        open("/people");
        String person = java.net.URI.create(waitFor(By.cssSelector(".list-group a[href^='/people/']")).getAttribute("href")).getPath();
        open(person);
        String household = java.net.URI.create(waitFor(By.cssSelector("a[href^='/households/']")).getAttribute("href")).getPath();
        List<String> pages = List.of("/people", "/people/new", "/people/export", "/", person + "/history", household);
        List<String> violations = new ArrayList<>();
        for (boolean large : List.of(false, true)) {
            for (var size : List.of(PHONE, DESK)) {
                browser.manage().window().setSize(size);
                for (String page : pages) {
                    open(page);
                    waitFor(By.tagName("h1"));
                    violations.addAll(accessibilityViolations(page + (large ? " large" : "") + " " + size.getWidth()));
                }
            }
            if (!large) {
                browser.executeScript("arguments[0].click();",
                        browser.findElement(By.xpath("//footer//button[contains(., '大字模式')]")));
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html.large-type")));
                browser.manage().window().setSize(DESK);
                open("/people");
                screenshot("people-table-desk-large");
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Waits for the saved person's page; a refusal fails with what the form said (and a screenshot). */
    private void saved(String screenshot) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("registered"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(screenshot);
            throw new AssertionError("not saved: " + browser.findElements(By.cssSelector(".field-error, .alert-danger, .alert-warning"))
                    .stream().map(el -> el.getAttribute("id") + ":" + el.getAttribute("textContent").strip()).toList(), e);
        }
    }

    private void tap(By by) {
        taps++;
        click(by);
    }

    /** A tap into the field, then typing (not counted). */
    private void type(By by, String text) {
        tap(by);
        browser.findElement(by).sendKeys(text);
        typed.add(by.toString());
    }

    /** A drop-down on a phone: one tap opens it, one picks. */
    private void choose(By by, String option) {
        taps += 2;
        WebElement select = waitFor(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", select);
        new Select(select).selectByVisibleText(option);
    }
}
