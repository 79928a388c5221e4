package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The registry pages in real Chromium with the demo data: a grid worker on her phone lists her
 * community, registers someone (the identity number tells sex and birth date as she types), and a
 * town station reveals the record with a reason. Screenshots in target/screenshots/registry-*.png.
 */
class RegistryPagesBrowserTest extends BrowserTestSupport {

    @Test
    void gridWorkerRegistersOnHerPhoneAndTheTownStationRevealsWithAReason() {
        browser.manage().window().setSize(PHONE);
        login("grid_worker", DEMO_PASSWORD);
        open("/people");
        waitForText(By.tagName("h1"), "困难群众");
        assertThat(browser.getPageSource()).contains("低保").containsPattern("610527\\*{8}[0-9X]{4}");
        screenshot("registry-list-phone");

        open("/people/new");
        waitFor(By.id("idNumber"));
        String number = RegistryFixtures.newIdNumber();
        String name = RegistryFixtures.newName();
        browser.findElement(By.id("idNumber")).sendKeys(number);
        waitForText(By.id("derived"), "出生日期");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("phone")).sendKeys("13700001234");
        new Select(browser.findElement(By.id("place"))).selectByIndex(1);
        browser.findElement(By.id("addressDetail")).sendKeys("道北路 8 号");
        new Select(browser.findElement(By.id("categories0.code"))).selectByValue("ELDERLY_ALONE");
        // a date input types in the browser's locale format; set the ISO value as a person's picker would
        browser.executeScript("arguments[0].value = '2025-01-01'", browser.findElement(By.id("categories0.startDate")));
        browser.findElement(By.id("categories0.source")).sendKeys("网格员走访摸排");
        screenshot("registry-form-phone");
        press(By.id("save"));
        // a new identity number with a random birth date: no possible duplicate to confirm, registered at once
        waitForText(By.cssSelector(".alert-success"), "已登记");
        String detail = browser.getCurrentUrl().replaceAll("\\?.*", "").replaceAll(".*(/people/)", "$1");
        assertThat(browser.getPageSource()).contains(name).contains("13700001234").doesNotContain(number);
        screenshot("registry-detail-grid-worker-phone");

        browser.manage().window().setSize(DESK);
        login("town_station", DEMO_PASSWORD);
        open(detail);
        waitForText(By.tagName("h1"), name);
        assertThat(browser.getPageSource()).contains(number.substring(0, 6) + "********" + number.substring(14)).doesNotContain(number);
        browser.findElement(By.cssSelector("button[data-bs-target='#reveal']")).click();
        // the reason is chosen from the list (资格审核: an eligibility review), with a note
        waitFor(By.cssSelector("label[for^='reason-']"));
        browser.findElements(By.cssSelector("label[for^='reason-']")).stream()
                .filter(l -> l.getText().contains("资格审核")).findFirst().orElseThrow().click();
        browser.findElement(By.id("note")).sendKeys("核对独居老人认定材料");
        browser.findElement(By.cssSelector("#reveal button[type=submit]")).click();
        waitForText(By.cssSelector(".alert-info"), "正在查看完整信息");
        assertThat(browser.getPageSource()).contains(number);
        screenshot("registry-detail-revealed-desk");
    }

    /** Presses a button far down a long phone page (a real click there lands on the sticky footer in headless mode). */
    private void press(By button) {
        browser.executeScript("arguments[0].click()", browser.findElement(button));
    }
}
