package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Four-eyes export and the county settings in real Chromium with the demo accounts: the town
 * station asks on her phone for an unmasked export, the county administrator approves it at the
 * desk, the request then waits for its one download; the security admin's two settings pages. Every
 * page passes axe-core in normal and large-type mode. Screenshots in target/screenshots/export-approval-*.png.
 */
class ExportApprovalBrowserTest extends BrowserTestSupport {

    private final List<String> violations = new ArrayList<>();

    @Test
    void aTownStationRequestsOnHerPhoneTheCountyApprovesAtTheDeskAndTheSettingsPagesAreAccessible() {
        browser.manage().window().setSize(PHONE);
        login("town_station", DEMO_PASSWORD);
        open("/people/export");
        waitFor(By.id("approval-note"));
        browser.findElement(By.id("reason")).sendKeys("低保年度复核名单");
        click(By.id("request-button"));
        waitForText(By.cssSelector(".alert-success"), "已提交导出申请");
        assertThat(browser.getPageSource()).contains("待审批").contains("低保年度复核名单");
        screenshot("export-approval-requested-phone");
        checkInBothModes("/people/export-requests (requester)");

        browser.manage().window().setSize(DESK);
        login("county_admin", DEMO_PASSWORD);
        // the approver hears of it in the inbox, and the notice leads to the requests
        open("/notifications");
        click(By.partialLinkText("不脱敏导出待您审批"));
        waitFor(By.cssSelector(".to-decide"));
        screenshot("export-approval-to-decide-desk");
        checkInBothModes("/people/export-requests (approver)");
        open("/people/export-requests");
        By mine = By.xpath("//div[contains(@class,'to-decide')][.//span[text()='低保年度复核名单']]//button[contains(@class,'approve-button')]");
        click(mine);
        waitForText(By.cssSelector(".alert-success"), "已批准");

        browser.manage().window().setSize(PHONE);
        login("town_station", DEMO_PASSWORD);
        open("/people/export-requests");
        waitFor(By.cssSelector(".download-button"));
        assertThat(browser.getPageSource()).contains("已批准，待下载");
        screenshot("export-approval-approved-phone");

        browser.manage().window().setSize(DESK);
        login("secadmin", DEMO_PASSWORD);
        for (String page : List.of("/admin/security-policy", "/admin/data-policy")) {
            open(page);
            waitFor(By.tagName("h1"));
            screenshot("export-approval-settings-" + page.substring(7) + "-desk");
            checkInBothModes(page);
        }
        browser.manage().window().setSize(PHONE);
        open("/admin/data-policy");
        waitFor(By.id("approvalThreshold"));
        screenshot("export-approval-settings-data-policy-phone");
        assertThat(violations).isEmpty();
    }

    /** axe-core over the page as it is, and again in large-type mode (the class the shell's 大字模式 sets). */
    private void checkInBothModes(String page) {
        violations.addAll(accessibilityViolations(page));
        browser.executeScript("document.documentElement.classList.add('large-type')");
        violations.addAll(accessibilityViolations(page + " (large type)"));
        browser.executeScript("document.documentElement.classList.remove('large-type')");
    }
}
