package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * 好事清单 and 居民积分户 as the demo's people would use them: the county admin, new to the page, adds a
 * deed, changes its points and retires it with a reason, and sets the hourly rate; the store keeper at
 * phone size opens an account for an elder without a volunteer profile and credits a good deed by her
 * mobile. Then axe-core over both pages, normal and large type.
 */
class VolunteeringDeedsBrowserTest extends BrowserTestSupport {

    @Test
    void theCountyKeepsTheDeedListAndTheKeeperServesAResidentWithoutProfile() {
        browser.manage().window().setSize(PHONE);
        login("county_admin", DEMO_PASSWORD);
        open("/volunteering/store/deeds");
        waitFor(By.id("deeds"));
        browser.findElement(By.id("name")).sendKeys("捡拾白色垃圾");
        browser.findElement(By.id("points")).sendKeys("4");
        click(By.id("add-deed"));
        waitForText(By.id("notice"), "已新增");
        WebElement deed = waitFor(By.cssSelector("li[data-deed='捡拾白色垃圾']"));
        click(deed.findElement(By.tagName("summary")));
        WebElement points = deed.findElement(By.cssSelector("input[name=points]"));
        points.clear();
        points.sendKeys("6");
        click(deed.findElement(By.xpath(".//button[.='改积分']")));
        waitForText(By.id("notice"), "已改为 6 分");
        deed = waitFor(By.cssSelector("li[data-deed='捡拾白色垃圾']"));
        click(deed.findElement(By.tagName("summary")));
        deed.findElement(By.cssSelector("input[name=reason]")).sendKeys("已并入文明劝导");
        screenshot("volunteering-deeds-retire-phone");
        click(deed.findElement(By.xpath(".//button[.='停用']")));
        waitForText(By.id("notice"), "已停用");
        assertThat(waitFor(By.id("changes")).getText()).contains("捡拾白色垃圾：4 分改为 6 分", "捡拾白色垃圾：停用");
        WebElement rate = browser.findElement(By.id("pointsPerHour"));
        rate.clear();
        rate.sendKeys("12");
        click(By.id("set-rate"));
        waitForText(By.id("notice"), "每服务 1 小时得 12 积分");
        screenshotBothSizes("volunteering-deeds");

        login("volunteer", DEMO_PASSWORD);
        open("/volunteering");
        waitForText(By.id("hour-rate"), "每服务 1 小时得 12 积分");

        browser.manage().window().setSize(PHONE);
        login("store_keeper", DEMO_PASSWORD);
        open("/volunteering/store");
        browser.findElement(By.id("accountName")).sendKeys("王秀英");
        // unique per run: the test database outlives a run
        String phone = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        browser.findElement(By.id("accountPhone")).sendKeys(phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        click(By.id("open-account"));
        waitForText(By.id("deed-awarded"), "已为 王秀英 开积分户");
        assertThat(waitFor(By.id("accounts")).getText()).contains("王秀英", "139****" + phone.substring(7)).doesNotContain(phone);
        browser.findElement(By.id("deedCard")).sendKeys(phone);
        browser.findElement(By.id("deedId")).sendKeys("垃圾分类");
        browser.findElement(By.id("note")).sendKeys("在小区分拣垃圾");
        click(By.id("award-deed"));
        waitForText(By.id("deed-awarded"), "记 5 分");
        assertThat(waitFor(By.xpath("//ul[@id='accounts']/li[contains(., '139****" + phone.substring(7) + "')]")).getText())
                .contains("5 积分");
        browser.executeScript("document.getElementById('accounts').scrollIntoView({block: 'center', behavior: 'instant'});");
        screenshot("volunteering-store-accounts-list-phone");
        screenshotBothSizes("volunteering-store-accounts");

        // other tests of the demo county count on the configured rate
        login("county_admin", DEMO_PASSWORD);
        open("/volunteering/store/deeds");
        rate = waitFor(By.id("pointsPerHour"));
        rate.clear();
        rate.sendKeys("10");
        click(By.id("set-rate"));
        waitForText(By.id("notice"), "每服务 1 小时得 10 积分");

        List<String> violations = new ArrayList<>();
        for (boolean large : List.of(false, true)) {
            for (String[] visit : List.of(new String[] {"county_admin", "/volunteering/store/deeds"},
                    new String[] {"store_keeper", "/volunteering/store"})) {
                login(visit[0], DEMO_PASSWORD);
                if (large) {
                    browser.manage().addCookie(new Cookie("wushe_large_type", "1"));
                }
                open(visit[1]);
                waitFor(By.tagName("h1"));
                violations.addAll(accessibilityViolations(visit[1] + (large ? " (large)" : "")));
            }
        }
        assertThat(violations).isEmpty();
    }
}
