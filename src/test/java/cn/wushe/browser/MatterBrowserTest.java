package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.attachments.TestFiles;
import cn.wushe.identity.MutableClock;
import cn.wushe.platform.ClockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A resident's matter in real Chromium, tried as a new user would at phone size: sign up, be
 * confirmed, find 高龄津贴 in the 导办 guide, book an evening slot, apply online with photos of the
 * materials; the committee forwards to the street office, which forwards to 民政局; 民政局 returns it
 * once (一次告知, two problems listed at once, a file for each); the resident resubmits, 民政局 closes,
 * the resident rates. The clock stands on a Monday in March 2026 so every limit lies inside a calendar
 * year the database has. axe-core checks the resident's pages (phone) and the handler's (inbox and
 * matter at desk size) in normal and large-type mode. Screenshots in target/screenshots/matter-*.png.
 */
@Import(MatterBrowserTest.Clocked.class)
class MatterBrowserTest extends BrowserTestSupport {

    static final String PASSWORD = "Gq7#pLm2xZ";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocked {

        @Bean
        @Primary
        MutableClock matterBrowserClock() {
            Instant start = LocalDateTime.parse("2026-03-02T09:00").atZone(ClockConfiguration.ZONE).toInstant();
            return new MutableClock(start, ClockConfiguration.ZONE);
        }
    }

    private Path picture() throws IOException {
        Path file = Files.createTempFile("matter-material", ".png");
        Files.write(file, TestFiles.png(60, 40));
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void aNewResidentAppliesOnHerPhoneAndFollowsTheMatterToTheRating() throws IOException {
        List<String> violations = new ArrayList<>();
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(PHONE);

        // sign up and be confirmed
        open("/signup/resident");
        browser.findElement(By.id("realName")).sendKeys("赵桂兰");
        browser.findElement(By.id("phone")).sendKeys(phone);
        new Select(browser.findElement(By.id("townCode"))).selectByVisibleText("城关街道");
        waitFor(By.xpath("//select[@id='communityCode']/option[text()='道北社区居委会']"));
        new Select(browser.findElement(By.id("communityCode"))).selectByVisibleText("道北社区居委会");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("repeatPassword")).sendKeys(PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        waitForText(By.tagName("h1"), "申请已收到");
        signIn("community_worker", DEMO_PASSWORD);
        open("/signups");
        click(By.xpath("//div[contains(@class,'card')][.//span[text()='" + phone.substring(0, 3) + "****" + phone.substring(7)
                + "']]//a"));
        click(By.id("confirm"));
        waitForText(By.id("status"), "已确认");

        // the guide, public: by words, then the item
        signIn(phone, PASSWORD);
        waitForText(By.tagName("h1"), "工作台");
        open("/guide");
        waitForText(By.tagName("h1"), "办事导办");
        violations.addAll(accessibilityViolations("/guide phone"));
        browser.findElement(By.id("q")).sendKeys("高龄补贴");
        click(By.cssSelector("form[role=search] button"));
        click(By.xpath("//div[@id='guide-results']//a[contains(., '高龄津贴申领')]"));
        waitForText(By.tagName("h1"), "高龄津贴申领");
        assertThat(browser.findElement(By.id("materials")).getText()).contains("居民身份证", "本人银行卡");
        screenshot("matter-guide-item-phone");
        violations.addAll(accessibilityViolations("/guide/items/elderly-allowance phone"));

        // an evening slot
        click(By.linkText("预约到窗口办理"));
        waitForText(By.tagName("h1"), "预约办理");
        click(By.xpath("//label[contains(@class,'btn')][contains(., '晚间')]"));
        screenshot("matter-slots-phone");
        violations.addAll(accessibilityViolations("/matters/appointments phone"));
        click(By.cssSelector("#booking button[type=submit]"));
        waitForText(By.cssSelector(".alert-success"), "已预约");

        // apply online: a refused form names what is missing, then the complete one
        open("/matters/new?item=elderly-allowance");
        waitForText(By.tagName("h1"), "高龄津贴申领");
        browser.findElement(By.id("description")).sendKeys("母亲今年满八十岁，申请高龄津贴");
        click(By.cssSelector("form[enctype] button[type=submit]"));
        waitForText(By.cssSelector(".alert-danger"), "缺少材料：居民身份证");
        violations.addAll(accessibilityViolations("/matters/new refused phone"));
        browser.findElement(By.id("condition-0")).click();
        browser.findElement(By.id("file-id-card")).sendKeys(picture().toString());
        browser.findElement(By.id("file-bank-card")).sendKeys(picture().toString());
        screenshot("matter-form-phone");
        click(By.cssSelector("form[enctype] button[type=submit]"));
        waitForText(By.cssSelector(".alert-success"), "已提交");
        String matter = browser.getCurrentUrl().replaceAll(".*/matters/", "");
        assertThat(browser.findElement(By.id("matter-status")).getText()).isEqualTo("待签收");
        screenshotBothSizes("matter-submitted");
        violations.addAll(accessibilityViolations("/matters/{id} phone"));

        // committee → street office → 民政局, each signs for it
        browser.manage().window().setSize(DESK);
        handOn("community_worker", matter, true);
        handOn("street_staff", matter, true);
        signIn("dept_staff", DEMO_PASSWORD);
        open("/matters");
        waitForText(By.tagName("h1"), "诉求");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the department's inbox lists it with its limit")
                .contains("高龄津贴申领");
        screenshot("matter-inbox-desk");
        violations.addAll(accessibilityViolations("/matters inbox desk"));
        open("/matters/" + matter);
        click(By.id("sign"));
        waitForText(By.id("matter-status"), "办理中");
        violations.addAll(accessibilityViolations("/matters/{id} handler desk"));
        // 一次告知: every problem ticked at once
        browser.findElement(By.id("problem-id-card")).sendKeys("身份证复印件缺少反面");
        browser.findElement(By.id("problem-bank-card")).sendKeys("银行卡复印件看不清卡号");
        click(By.id("return"));
        waitForText(By.id("matter-status"), "待补齐材料");
        assertThat(browser.findElements(By.id("return"))).as("told once: no second return").isEmpty();
        screenshot("matter-returned-desk");

        // the resident sees every problem at once and resubmits
        browser.manage().window().setSize(PHONE);
        signIn(phone, PASSWORD);
        open("/matters/" + matter);
        assertThat(browser.findElement(By.id("told-once")).getText()).contains("居民身份证", "缺少反面", "本人银行卡", "看不清卡号");
        screenshot("matter-told-once-phone");
        violations.addAll(accessibilityViolations("/matters/{id} returned phone"));
        browser.findElement(By.id("resubmit-file")).sendKeys(picture().toString());
        browser.findElement(By.id("resubmit-file-1")).sendKeys(picture().toString());
        click(By.id("resubmit"));
        waitForText(By.id("matter-status"), "办理中");

        browser.manage().window().setSize(DESK);
        signIn("dept_staff", DEMO_PASSWORD);
        open("/matters/" + matter);
        browser.findElement(By.id("result")).sendKeys("经核实符合条件，次月起按月发放");
        Path approval = picture();
        browser.findElement(By.id("resultFiles")).sendKeys(approval.toString());
        click(By.id("close"));
        waitForText(By.id("matter-status"), "已办结");
        // the result's document goes with it, named on the timeline
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("附结果文件：" + approval.getFileName());
        // large type at the desk: the handler's pages stay readable and accessible
        open("/matters?box=ALL");
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        screenshot("matter-list-large-type-desk");
        violations.addAll(accessibilityViolations("/matters large type desk"));
        open("/matters/" + matter);
        screenshot("matter-closed-large-type-desk");
        violations.addAll(accessibilityViolations("/matters/{id} large type desk"));
        open("/matters?box=ALL");
        click(By.xpath("//button[contains(., '关闭大字模式')]"));
        waitFor(By.cssSelector("html:not(.large-type)"));

        browser.manage().window().setSize(PHONE);
        signIn(phone, PASSWORD);
        open("/matters/" + matter);
        click(By.cssSelector("label[for=rating-5]"));
        click(By.id("rate"));
        waitForText(By.cssSelector(".alert-success"), "谢谢您的评价");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("受理", "转办", "一次告知退回", "补齐材料重新提交",
                "办结", "居民评价");
        screenshot("matter-rated-phone");
        violations.addAll(accessibilityViolations("/matters/{id} closed phone"));

        // large type: the same pages stay readable and accessible
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        open("/matters/" + matter);
        screenshot("matter-large-type-phone");
        violations.addAll(accessibilityViolations("/matters/{id} large type"));
        open("/guide");
        violations.addAll(accessibilityViolations("/guide large type"));
        click(By.xpath("//button[contains(., '关闭大字模式')]"));
        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }

    /** Leaves the matter page first: its thumbnails, still loading after the cookies are gone, must not become the page the next sign-in returns to. */
    private void signIn(String username, String password) {
        open("/guide");
        login(username, password);
    }

    private void handOn(String username, String matter, boolean forward) {
        signIn(username, DEMO_PASSWORD);
        open("/matters/" + matter);
        click(By.id("sign"));
        waitForText(By.id("matter-status"), "办理中");
        if (forward) {
            click(By.id("forward"));
            waitForText(By.id("matter-status"), "待签收");
        }
    }
}
