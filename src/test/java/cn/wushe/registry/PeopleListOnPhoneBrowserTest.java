package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Phone lists show people first: a community worker opening 困难群众 on a small phone, in normal and
 * in large type, sees the first person without scrolling; the actions are one menu, the category
 * chips one sideways-scrolling row, and nothing scrolls the page sideways. At desk width the actions
 * stay buttons. Screenshots in target/screenshots/people-list-*.png.
 */
class PeopleListOnPhoneBrowserTest extends BrowserTestSupport {

    @ParameterizedTest(name = "{0}x{1}, large type {2}")
    @CsvSource({
            "390, 844, false",
            "390, 844, true",
            "360, 740, false",
            "360, 740, true"})
    void firstPersonIsOnTheFirstScreen(int width, int height, boolean largeType) {
        browser.manage().window().setSize(new Dimension(width, height));
        login("community_worker", DEMO_PASSWORD);
        openPeople(largeType);
        // the window size is the outer size: measure against what the page really shows
        long viewport = number("return window.innerHeight;");

        WebElement first = waitFor(By.cssSelector(".list-group .list-group-item"));
        long top = number("return Math.floor(arguments[0].getBoundingClientRect().top);", first);
        assertThat(top).as("top of the first person's row").isGreaterThanOrEqualTo(0).isLessThan(viewport);
        assertThat(number("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("the page does not scroll sideways").isLessThanOrEqualTo(0);

        // the actions are one labelled menu, not a column of wrapped buttons
        assertThat(browser.findElement(By.id("people-actions-toggle")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("import-link")).isDisplayed()).isFalse();
        // the chips are one row that scrolls by itself, and can take focus to be scrolled by keyboard
        WebElement chips = browser.findElement(By.cssSelector("[data-scroll-row]"));
        assertThat(chips.getAttribute("aria-label")).isEqualTo("各类别人数");
        assertThat(number("return arguments[0].scrollWidth - arguments[0].clientWidth;", chips)).isPositive();
        assertThat(chips.getAttribute("tabindex")).isEqualTo("0");
        long chipTops = number("return new Set(Array.from(arguments[0].children).map(c => Math.round(c.getBoundingClientRect().top))).size;", chips);
        assertThat(chipTops).as("chips on one row").isEqualTo(1);

        String name = "people-list-" + width + "x" + height + (largeType ? "-large" : "");
        screenshot(name);

        // the menu opens from the keyboard and every action is in it
        WebElement toggle = browser.findElement(By.id("people-actions-toggle"));
        browser.executeScript("arguments[0].focus();", toggle);
        toggle.sendKeys(Keys.ENTER);
        WebElement importItem = waitFor(By.id("import-menu-link"));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#people-actions .dropdown-menu")).getText())
                .contains("登记人员", "更正申请", "Excel 导入", "导出 Excel");
        screenshot(name + "-menu");
        importItem.sendKeys(Keys.ENTER);
        waitFor(By.id("template-link"));
    }

    @Test
    void theChosenCategoryIsShownInTheChipRow() {
        browser.manage().window().setSize(new Dimension(360, 740));
        login("community_worker", DEMO_PASSWORD);
        open("/people?category=VETERAN");
        waitForText(By.tagName("h1"), "困难群众");
        WebElement current = browser.findElement(By.cssSelector("[data-scroll-row] [aria-current=page]"));
        assertThat(current.getText()).contains("退役军人");
        assertThat((Boolean) browser.executeScript("""
                var row = arguments[0].parentElement.getBoundingClientRect(), chip = arguments[0].getBoundingClientRect();
                return chip.left >= row.left && chip.right <= row.right;""", current))
                .as("the last chip, when chosen, is scrolled into the row's view").isTrue();
        screenshot("people-list-360x740-veteran");
    }

    @Test
    void actionsStayButtonsAtDeskWidth() {
        browser.manage().window().setSize(DESK);
        login("community_worker", DEMO_PASSWORD);
        openPeople(false);
        assertThat(browser.findElement(By.id("people-actions")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#import-link, #export-link")))
                .hasSize(2).allMatch(WebElement::isDisplayed);
        WebElement chips = browser.findElement(By.cssSelector("[data-scroll-row]"));
        assertThat(chips.getAttribute("tabindex")).as("a row that does not scroll is no tab stop").isNull();
        screenshot("people-list-desk");
    }

    private void openPeople(boolean largeType) {
        open("/people");
        waitForText(By.tagName("h1"), "困难群众");
        if (largeType) {
            // the footer's 大字模式 switch, as a person would press it; it returns to this page
            browser.executeScript("arguments[0].click();",
                    browser.findElement(By.xpath("//footer//button[contains(., '大字模式')]")));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html.large-type")));
            waitForText(By.tagName("h1"), "困难群众");
        }
    }

    private long number(String script, Object... args) {
        return ((Number) browser.executeScript(script, args)).longValue();
    }
}
