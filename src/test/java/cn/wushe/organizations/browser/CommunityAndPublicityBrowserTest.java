package cn.wushe.organizations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages issue 15 added, as new users meet them on a phone: the community worker confirms an
 * organization's 报到 and sees its projects, objects to a recommendation under publicity (公示);
 * the county answers the objection, keeps the residents per community and works on an
 * organization's grade, 年报 and incubation. Axe-core checks every page in normal and large type;
 * screenshots at phone and desk size go to target/screenshots.
 */
class CommunityAndPublicityBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private final List<String> violations = new ArrayList<>();

    private void checkBothModes(String page) {
        browser.manage().window().setSize(PHONE);
        violations.addAll(accessibilityViolations(page));
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        violations.addAll(accessibilityViolations(page + " (large type)"));
        screenshot(page.replace(' ', '-') + "-large-phone");
        click(By.xpath("//button[contains(., '关闭大字模式')]"));
        waitFor(By.cssSelector("html:not(.large-type) main"));
    }

    @Test
    void aCommunityConfirmsAReportObjectsAndTheCountyAnswers() {
        browser.manage().window().setSize(PHONE);
        // one of the demo round's applications goes under publicity for this walk-through
        UUID application = jdbc.sql("select id from projects.applications where status = 'NOT_RECOMMENDED' order by rank limit 1")
                .query(UUID.class).single();
        String title = jdbc.sql("select title from projects.applications where id = :a").param("a", application)
                .query(String.class).single();
        jdbc.sql("update projects.applications set status = 'RECOMMENDED' where id = :a").param("a", application).update();
        jdbc.sql("update projects.rounds set publicity_until = current_date + 7 where id = (select round_id from "
                + "projects.applications where id = :a)").param("a", application).update();

        try {
            walkThrough(application, title);
        } finally {
            jdbc.sql("update projects.applications set status = 'NOT_RECOMMENDED' where id = :a").param("a", application).update();
            jdbc.sql("update projects.rounds set publicity_until = null where id = (select round_id from projects.applications "
                    + "where id = :a)").param("a", application).update();
        }
        assertThat(violations).isEmpty();
    }

    private void walkThrough(UUID application, String title) {
        // the demo database outlives a run: one report to 道北社区 waits for the community again
        jdbc.sql("""
                update organizations.checkins set status = 'REPORTED', decided_at = null, decided_by = null, decline_reason = null
                where (organization_id, community_code) = (select organization_id, community_code from organizations.checkins
                    where community_code = '610527001001' order by organization_id limit 1)
                """).update();
        login("community_worker", DEMO_PASSWORD);
        open("/organizations/checkins");
        WebElement pending = waitFor(By.xpath("//div[contains(@class,'card')][.//button[contains(., '确认报到')]]"));
        screenshotBothSizes("organizations-checkins");
        checkBothModes("organizations-checkins");
        pending = waitFor(By.xpath("//div[contains(@class,'card')][.//button[contains(., '确认报到')]]"));
        click(pending.findElement(By.xpath(".//button[contains(., '确认报到')]")));
        waitForText(By.cssSelector(".alert-success"), "已完成");
        open("/community/projects");
        waitForText(By.tagName("h1"), "报到组织的项目");
        screenshotBothSizes("projects-checked-in");
        checkBothModes("projects-checked-in");

        open("/publicity");
        WebElement card = waitFor(By.xpath("//div[contains(@class,'card')][.//h2[normalize-space()='" + title + "']]"));
        click(card.findElement(By.xpath(".//summary[contains(., '提出异议')]")));
        card.findElement(By.name("reason")).sendKeys("该组织在本社区的同类服务已有其他项目覆盖");
        screenshot("projects-publicity-objection-phone");
        click(card.findElement(By.xpath(".//button[contains(., '提交异议')]")));
        waitForText(By.cssSelector(".alert-success"), "已完成");
        checkBothModes("projects-publicity");

        login("county_admin", DEMO_PASSWORD);
        open("/publicity");
        WebElement objection = waitFor(By.xpath("//div[contains(@class,'card')][.//button[contains(., '异议不成立')]]"));
        screenshotBothSizes("projects-publicity-answer");
        objection.findElement(By.name("answer")).sendKeys("经核实，服务对象不重复，维持拟资助");
        click(objection.findElement(By.xpath(".//button[contains(., '异议不成立')]")));
        waitForText(By.cssSelector(".alert-success"), "已完成");
        assertThat(jdbc.sql("select status from projects.objections where application_id = :a order by created_at desc limit 1")
                .param("a", application).query(String.class).single()).isEqualTo("DISMISSED");
        checkBothModes("projects-publicity-answered");

        open("/organizations/population");
        click(By.xpath("(//summary)[1]"));
        screenshotBothSizes("organizations-population");
        checkBothModes("organizations-population");
        open("/organizations");
        waitForText(By.tagName("main"), "每万人社区社会组织数");
        screenshotBothSizes("organizations-list");
        String organization = jdbc.sql("select id from organizations.organizations where kind = 'SOCIAL_SERVICE' "
                + "and status = 'ACTIVE' order by name limit 1").query(String.class).single();
        open("/organizations/" + organization);
        for (WebElement summary : browser.findElements(By.xpath("//details[not(@open)]/summary"))) {
            click(summary);
        }
        screenshotBothSizes("organizations-detail-bureau");
        checkBothModes("organizations-detail");
        open("/organizations/abnormal");
        waitForText(By.tagName("h1"), "活动异常名录");
        screenshotBothSizes("organizations-abnormal");
        checkBothModes("organizations-abnormal");

        open("/awards");
        waitForText(By.tagName("h1"), "一站一品和年度评选");
        screenshotBothSizes("projects-awards-open");
        checkBothModes("projects-awards");
        click(By.partialLinkText("优秀项目"));
        waitForText(By.tagName("main"), "公示期异议");
        screenshotBothSizes("projects-award-publicity");
        checkBothModes("projects-award");
    }
}
