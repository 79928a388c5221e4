package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Volunteering at phone size, as the demo's people use it: the organizer (社区工作者) shows today's
 * check-in code; the volunteer opens it and checks in with one tap on 签到 (the location prompt,
 * granted here through the browser's own permission, would be the second); the organizer confirms
 * the list in one step; the volunteer downloads the certificate; the store keeper redeems points with
 * the volunteer's card; the volunteer reports a tutoring evening served without check-in (补报) and the
 * organizer confirms it. Then axe-core over the module's pages, normal and large type.
 */
class VolunteeringBrowserTest extends BrowserTestSupport {

    private int taps;

    private void tap(By by) {
        taps++;
        click(by);
    }

    @Test
    void organizerCodeVolunteerCheckInConfirmCertificateAndRedeem() {
        browser.manage().window().setSize(PHONE);
        login("community_worker", DEMO_PASSWORD);
        open("/volunteering/manage");
        screenshot("volunteering-manage-phone");
        click(By.linkText("道北社区文明实践活动"));
        String checkIn = waitFor(By.id("check-in-link")).getAttribute("href");
        String activityPage = browser.getCurrentUrl();
        screenshot("volunteering-organizer-phone");

        login("volunteer", DEMO_PASSWORD);
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 35.1779, "longitude", 109.5932, "accuracy", 25));
        browser.get(checkIn); // what the camera or WeChat opens
        taps = 0;
        tap(By.id("check-in"));
        waitForText(By.id("check-in-result"), "签到成功");
        assertThat(taps).as("taps to check in (the location prompt would be the second)").isLessThanOrEqualTo(2);
        screenshot("volunteering-check-in-phone");
        browser.get(checkIn);
        tap(By.id("check-in"));
        waitForText(By.id("check-in-result"), "您已签到");
        String card = cardCode();

        login("community_worker", DEMO_PASSWORD);
        browser.get(activityPage);
        waitForText(By.tagName("h2"), "签到");
        click(By.id("confirm"));
        waitForText(By.cssSelector(".alert-success"), "已确认");
        screenshot("volunteering-confirmed-phone");

        login("volunteer", DEMO_PASSWORD);
        open("/volunteering");
        waitFor(By.id("my-hours"));
        assertThat(Double.parseDouble(browser.findElement(By.id("my-hours")).getText())).isPositive();
        screenshotBothSizes("volunteering-home");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name=_csrf]').content;
                fetch('/volunteering/certificate', {method: 'POST', headers: {'X-CSRF-TOKEN': token}})
                  .then(r => done(r.status + ' ' + r.headers.get('content-type')));""");
        assertThat(String.valueOf(status)).isEqualTo("200 application/pdf");

        // 补报: a tutoring evening the volunteer served without checking in; choosing it fills day and start
        browser.manage().window().setSize(PHONE);
        click(By.linkText("补报时长"));
        Select activity = new Select(waitFor(By.id("activityId")));
        WebElement evening = activity.getOptions().stream().filter(o -> o.getText().contains("课后辅导")).skip(1).findFirst()
                .orElseThrow();
        String reported = evening.getAttribute("value");
        activity.selectByValue(reported);
        assertThat(browser.findElement(By.id("startsAt")).getAttribute("value")).isEqualTo("18:30");
        browser.findElement(By.id("hours")).sendKeys("1.5");
        browser.findElement(By.id("description")).sendKeys("辅导作业，忘了签到");
        screenshot("volunteering-hours-report-form-phone");
        click(By.id("report"));
        screenshot("volunteering-hours-report-sent-phone");
        waitForText(By.cssSelector(".alert-success"), "已提交补报");
        assertAccessible("/volunteering/me/hours-reports");
        screenshotBothSizes("volunteering-hours-reports");

        login("community_worker", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        open("/volunteering/activities/" + reported);
        browser.executeScript("arguments[0].scrollIntoView()", waitFor(By.id("hours-reports")));
        screenshot("volunteering-hours-report-decide-phone");
        assertAccessible("/volunteering/activities/{id} (补报)");
        click(By.cssSelector("button[id^=confirm-report-]"));
        waitForText(By.cssSelector(".alert-success"), "已确认补报");

        login("store_keeper", DEMO_PASSWORD);
        open("/volunteering/store");
        browser.findElement(By.id("card")).sendKeys(card);
        browser.findElement(By.id("goodsId")).sendKeys("毛巾");
        click(By.id("redeem"));
        assertThat(waitFor(By.id("redeemed")).getText()).contains("兑换", "毛巾");
        browser.findElement(By.id("deedCard")).sendKeys(card);
        browser.findElement(By.id("deedId")).sendKeys("垃圾分类");
        browser.findElement(By.id("note")).sendKeys("帮助邻居分拣垃圾");
        click(By.id("award-deed"));
        assertThat(waitFor(By.id("deed-awarded")).getText()).contains("记 5 分", "垃圾分类");
        screenshotBothSizes("volunteering-store");
    }

    /** The volunteer's card code as the scanner types it (read here through the API the page's QR code shows). */
    private String cardCode() {
        Object json = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/volunteers/me').then(r => r.json()).then(j => done(j.cardCode));""");
        return String.valueOf(json);
    }

    @Test
    void theModulePagesPassAxeInNormalAndLargeType() {
        List<String> violations = new ArrayList<>();
        for (boolean large : List.of(false, true)) {
            for (String[] visit : List.of(new String[] {"volunteer", "/volunteering"},
                    new String[] {"community_worker", "/volunteering/manage"},
                    new String[] {"community_worker", "/volunteering/volunteers"},
                    new String[] {"store_keeper", "/volunteering/store"},
                    new String[] {"volunteer", BOARD},
                    new String[] {"community_worker", "/volunteering/outcomes"},
                    new String[] {"volunteer", "/volunteering/me/hours-reports"},
                    new String[] {"county_admin", "/volunteering/honours"},
                    new String[] {"community_worker", OCCURRENCE})) {
                login(visit[0], DEMO_PASSWORD);
                if (large) {
                    browser.manage().addCookie(new Cookie("wushe_large_type", "1"));
                }
                open(visit[1].equals(BOARD) ? firstTeamBoard() : visit[1].equals(OCCURRENCE) ? nextTutoring() : visit[1]);
                waitFor(By.tagName("h1"));
                violations.addAll(accessibilityViolations(visit[1] + (large ? " (large)" : "")));
                if (!visit[1].startsWith("/")) {
                    screenshotBothSizes((visit[1].equals(BOARD) ? "volunteering-proposals" : "volunteering-occurrence")
                            + (large ? "-large" : ""));
                } else if (visit[1].equals("/volunteering/honours")) {
                    screenshotBothSizes("volunteering-honours" + (large ? "-large" : ""));
                } else if (visit[1].equals("/volunteering/outcomes")) {
                    screenshotBothSizes("volunteering-outcomes" + (large ? "-large" : ""));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static final String BOARD = "(the demo volunteer's team's consultation board)";

    private static final String OCCURRENCE = "(the next occurrence of the demo tutoring service)";

    /** The page of an upcoming occurrence of the demo's weekday tutoring (课后辅导), with its change form. */
    private String nextTutoring() {
        open("/volunteering/manage");
        String link = waitFor(By.xpath("//a[contains(., '课后辅导')]")).getAttribute("href");
        return java.net.URI.create(link).getPath();
    }

    /** The consultation board of the team the demo volunteer belongs to (the first demo team). */
    private String firstTeamBoard() {
        open("/volunteering/teams");
        String team = waitFor(By.xpath("//li[.//span[contains(., '我已加入')]]//a")).getAttribute("href");
        return java.net.URI.create(team).getPath() + "/proposals";
    }
}
