package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page, as the user who works on it, passes axe-core's WCAG 2.1 AA rules with no serious or
 * critical violation, in normal and in large-type mode (适老化), at desk and phone size.
 */
class AccessibilityBrowserTest extends BrowserTestSupport {

    /** Demo user → the pages that user works on. */
    private static final Map<String, List<String>> PAGES = Map.of(
            "county_admin", List.of("/", "/people", "/people/new", "/people/imports", "/grids", "/regions", "/regions/610527",
                    "/account/tokens", "/account/password", "/people?first"),
            "sysadmin", List.of("/admin/users", "/admin/users/new", "/units", "/units/new", "/admin/calendar",
                    "/admin/calendar/2026", "/admin/calendar/office-hours", "/admin/tasks", "/admin/notifications/webhooks"),
            "community_worker", List.of("/signups", "/people"),
            "secadmin", List.of("/admin/roles"),
            "auditor", List.of("/audit"),
            "resident", List.of("/me", "/notifications", "/account/notifications"));

    @Test
    void theCheckFindsAPlantedFault() {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.executeScript("""
                const p = document.createElement('p');
                p.textContent = '看不清的字';
                p.style.color = '#eeeeee';
                p.style.background = '#ffffff';
                document.querySelector('main').appendChild(p);""");

        assertThat(accessibilityViolations("/login with a planted fault")).anyMatch(v -> v.contains("color-contrast"));
    }

    @Test
    void everyPagePassesInBothModesAndSizes() {
        List<String> violations = new ArrayList<>();
        for (boolean largeType : List.of(false, true)) {
            browser.manage().deleteAllCookies();
            open("/login");
            setLargeType(largeType);
            for (String page : List.of("/login", "/signup", "/signup/resident", "/signup/volunteer")) {
                open(page);
                waitFor(By.tagName("h1"));
                violations.addAll(check(page, largeType));
            }
            PAGES.forEach((user, pages) -> {
                login(user, DEMO_PASSWORD);
                setLargeType(largeType);
                for (String page : pages) {
                    if (page.endsWith("?first")) {
                        open("/people");
                        // a card on the phone, a table row at the desk: whichever is shown
                        waitFor(By.tagName("h1"));
                        browser.findElements(By.cssSelector(".list-group a.list-group-item[href^='/people/'], td a[href^='/people/']"))
                                .stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow().click();
                        waitFor(By.tagName("h1"));
                        violations.addAll(check("person detail", largeType));
                    } else {
                        open(page);
                        waitFor(By.tagName("h1"));
                        violations.addAll(check(page, largeType));
                    }
                }
            });
        }
        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }

    private List<String> check(String page, boolean largeType) {
        String mode = largeType ? " [大字]" : "";
        List<String> found = new ArrayList<>();
        browser.manage().window().setSize(DESK);
        found.addAll(accessibilityViolations(page + mode + " desk"));
        browser.manage().window().setSize(PHONE);
        found.addAll(accessibilityViolations(page + mode + " phone"));
        browser.manage().window().setSize(DESK);
        return found;
    }

    private void setLargeType(boolean on) {
        String cls = browser.findElement(By.tagName("html")).getAttribute("class");
        boolean isOn = cls != null && cls.contains("large-type");
        if (isOn != on) {
            click(By.xpath(on ? "//button[contains(., '大字模式（适老化）')]" : "//button[contains(., '关闭大字模式')]"));
            if (on) {
                waitFor(By.cssSelector("html.large-type"));
            }
        }
    }
}
