package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A grid worker on a phone, as a new user would go: from the workbench to the due list, one
 * person, the visit form, and a visit that found nothing — counted in taps (at most 5). Then
 * axe-core over care's pages at phone size in normal and large type.
 */
class CareOnPhoneBrowserTest extends BrowserTestSupport {

    private int taps;

    private void tap(By by) {
        click(by);
        taps++;
    }

    @Test
    void aGreenVisitWithNothingFoundTakesAtMostFiveTaps() {
        login("grid_worker", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        waitForDemoPeople();
        open("/");
        taps = 0;

        tap(By.cssSelector("button.navbar-toggler"));
        tap(By.xpath("//nav//a[normalize-space()='走访']"));
        waitForText(By.tagName("h1"), "关爱走访");
        tap(By.xpath("//a[normalize-space()='全部']"));
        List<WebElement> green = browser.findElements(By.xpath(
                "//li[.//span[contains(@class,'badge') and normalize-space()='绿色']]//a[contains(@class,'btn-primary')]"));
        By visit = green.isEmpty() ? By.cssSelector("ul.list-group a.btn-primary")
                : By.id(idOf(green.getFirst()));
        tap(visit);
        waitForText(By.tagName("h1"), "走访");
        screenshot("care-visit-phone");
        tap(By.id("submit-top"));
        waitFor(By.cssSelector(".alert-success"));

        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已记录");
        assertThat(taps).isLessThanOrEqualTo(5);
        screenshotBothSizes("care-due");
    }

    @Test
    void carePagesPassAxeInNormalAndLargeType() {
        login("community_worker", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        waitForDemoPeople();
        List<String> violations = new ArrayList<>();
        for (boolean large : new boolean[] {false, true}) {
            open("/care?which=ALL");
            if (large) {
                click(By.xpath("//button[contains(., '大字模式')]"));
                waitFor(By.cssSelector("html.large-type"));
            }
            violations.addAll(accessibilityViolations("/care" + (large ? " large" : "")));
            String person = browser.findElement(By.cssSelector("ul.list-group a.text-decoration-none")).getAttribute("href");
            browser.get(person);
            waitFor(By.tagName("h1"));
            violations.addAll(accessibilityViolations("person" + (large ? " large" : "")));
            screenshot("care-person-phone" + (large ? "-large" : ""));
            browser.get(person + "/visit");
            waitFor(By.id("submit-top"));
            violations.addAll(accessibilityViolations("visit" + (large ? " large" : "")));
            open("/care/alerts?open=false");
            waitFor(By.tagName("h1"));
            violations.addAll(accessibilityViolations("alerts" + (large ? " large" : "")));
        }
        assertThat(violations).isEmpty();
    }

    /** The demo's care year arrives after the registry's bulk load commits (an event): wait for it. */
    private void waitForDemoPeople() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2)).until(b -> {
            open("/care?which=ALL");
            return !b.findElements(By.cssSelector("ul.list-group a.btn-primary")).isEmpty();
        });
    }

    private String idOf(WebElement element) {
        String id = element.getAttribute("id");
        if (id == null || id.isEmpty()) {
            id = "care-visit-target";
            browser.executeScript("arguments[0].id = arguments[1];", element, id);
        }
        return id;
    }
}
