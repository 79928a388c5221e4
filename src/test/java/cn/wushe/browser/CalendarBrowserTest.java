package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The system admin enters a year of the working calendar on a phone by pasting the State Council
 * notice: a make-up day on a weekday is refused beside its field, the corrected year is saved and
 * shows in the month grid, also at desk size. Screenshots in target/screenshots/calendar-*.png.
 */
class CalendarBrowserTest extends BrowserTestSupport {

    static final String NOTICE = """
            一、元旦：1月1日（周二）放假，共1天。
            七、国庆节：10月1日（周二）至7日（周一）放假调休，共7天。9月29日（周日）、10月12日（周六）上班。""";

    @Test
    void theAdminPastesTheNoticeOnAPhoneAndSeesTheYearAsAMonthGrid() {
        browser.manage().window().setSize(PHONE);
        login("sysadmin", DEMO_PASSWORD);
        open("/admin/calendar");
        waitFor(By.id("calendar-years"));
        assertThat(browser.findElement(By.id("calendar-years")).getText()).contains("2026", "预置（国务院办公厅通知数据）");
        screenshotBothSizes("calendar-years");

        browser.manage().window().setSize(PHONE);
        WebElement year = waitFor(By.id("year"));
        year.clear();
        year.sendKeys("2030");
        click(By.cssSelector("form[action$='/admin/calendar'] button[type=submit]"));
        waitFor(By.id("year-form"));

        type(By.id("holidays"), NOTICE);
        type(By.id("makeUpDays"), "2030-10-02");
        click(By.cssSelector("#year-form button[type=submit]"));
        waitForText(By.id("makeUpDays-error"), "调休上班日 2030-10-02 是星期三，不是周六或周日");
        assertThat(browser.findElement(By.id("makeUpDays")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("calendar-refused-phone");

        type(By.id("makeUpDays"), "");
        click(By.cssSelector("#year-form button[type=submit]"));
        waitForText(By.id("year-status"), "管理员录入");
        assertThat(browser.findElement(By.id("holidays")).getAttribute("value"))
                .isEqualTo("元旦 2030-01-01\n国庆节 2030-10-01 2030-10-07");
        assertThat(browser.findElement(By.id("makeUpDays")).getAttribute("value")).isEqualTo("2030-09-29 2030-10-12");
        assertThat(browser.findElements(By.cssSelector("#month-grid td[data-kind=holiday]"))).hasSize(8);
        assertThat(browser.findElements(By.cssSelector("#month-grid td[data-kind=make-up]"))).hasSize(2);
        screenshotBothSizes("calendar-year");
    }

    private void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }
}
