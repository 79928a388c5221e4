package cn.wushe.projects.browser;

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
 * A round as new users take it on a phone, with the demo accounts of 白水县: the social
 * organization applies to the open 社区微项目 round (autosave, then submit), the county closes the
 * window, the reviewer declares no conflict and scores, the county decides and confirms, the
 * organization reports, the evaluator evaluates, the county records the audit and accepts. Axe-core
 * checks the pages in normal and large type.
 */
class ProjectFlowBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private final List<String> violations = new ArrayList<>();

    private void check(String page) {
        violations.addAll(accessibilityViolations(page));
    }

    private void submitForm(By button) {
        browser.executeScript("window.wusheLeaving = true;");
        click(button);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(b -> Boolean.TRUE.equals(browser.executeScript(
                        "return window.wusheLeaving === undefined && document.readyState === 'complete';")));
    }

    /** Turns large type off and waits for the page it reloads, so the next navigation is not overtaken by it. */
    private void largeTypeOff() {
        click(By.xpath("//button[contains(., '关闭大字模式')]"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(b -> Boolean.FALSE.equals(browser.executeScript(
                        "return document.readyState !== 'complete' || document.documentElement.classList.contains('large-type');")));
    }

    private void type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void applyDeclareScoreConfirmReportAccept() {
        browser.manage().window().setSize(PHONE);
        UUID round = jdbc.sql("select id from projects.rounds where kind = 'MICRO' and status = 'OPEN' order by created_at desc limit 1")
                .query(UUID.class).single();
        // the demo reviewer is the one expert this round draws
        jdbc.sql("update projects.experts set active = (name = '评审专家（演示）')").update();

        login("org_staff", DEMO_PASSWORD);
        open("/rounds");
        check("rounds");
        click(By.partialLinkText("社区微项目"));
        screenshot("projects-round-phone");
        submitForm(By.xpath("//button[contains(., '我要申报')]"));
        type("title", "银发助餐小分队");
        type("need", "道北社区独居老人午餐无人照料");
        type("goals", "每周三次送餐上门");
        type("targetGroup", "独居老人");
        type("beneficiaries", "30");
        type("item0", "餐费补贴");
        type("amount0", "9000");
        type("item1", "志愿者交通");
        type("amount1", "3000");
        type("requested", "12000");
        waitForText(By.id("autosave"), "已自动保存");
        screenshot("projects-application-phone");
        check("application");
        submitForm(By.xpath("//button[contains(., '提交申报')]"));
        waitForText(By.id("status"), "已提交");
        String application = browser.getCurrentUrl().replaceAll(".*/projects/", "");

        login("county_admin", DEMO_PASSWORD);
        open("/rounds/" + round);
        submitForm(By.xpath("//button[contains(., '截止申报')]"));
        waitForText(By.tagName("body"), "评审中");

        login("reviewer", DEMO_PASSWORD);
        open("/reviews");
        check("reviews");
        click(By.partialLinkText("待回避申报"));
        screenshot("projects-declaration-phone");
        submitForm(By.xpath("//button[contains(., '无利益关系')]"));
        waitForText(By.tagName("h1"), "银发助餐小分队");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("阳光社会工作服务中心");
        type("points0", "26");
        type("points1", "35");
        type("points2", "27");
        screenshot("projects-scoring-phone");
        check("review");
        submitForm(By.xpath("//button[contains(., '提交评分')]"));

        login("county_admin", DEMO_PASSWORD);
        open("/rounds/" + round);
        submitForm(By.xpath("//button[contains(., '评定')]"));
        waitForText(By.tagName("body"), "拟资助");
        open("/projects/" + application);
        // the decision is under publicity (公示) for seven days: no confirmation before it ends
        submitForm(By.xpath("//button[contains(., '确认立项')]"));
        waitForText(By.cssSelector(".alert-danger"), "公示期内不能确认立项");
        jdbc.sql("update projects.rounds set publicity_until = current_date - 1 where id = :r").param("r", round).update();
        submitForm(By.xpath("//button[contains(., '确认立项')]"));
        waitForText(By.id("status"), "已立项");
        String evaluator = jdbc.sql("select id::text from identity.users where username = 'evaluator'").query(String.class).single();
        type("evaluatorId", evaluator);
        submitForm(By.xpath("//button[contains(., '指定评估机构')]"));

        login("org_staff", DEMO_PASSWORD);
        open("/projects/" + application);
        for (int n = 1; n <= 2; n++) {
            type("summary" + n, n == 1 ? "送餐 120 人次" : "全年送餐 450 人次");
            type("spent" + n, n == 1 ? "5000" : "11800");
            type("beneficiaries" + n, "30");
            submitForm(By.xpath("(//button[contains(., '提交报告')])[1]"));
        }
        screenshot("projects-reports-phone");

        login("evaluator", DEMO_PASSWORD);
        open("/evaluations");
        click(By.partialLinkText("银发助餐小分队"));
        type("satisfaction", "96");
        submitForm(By.xpath("//button[contains(., '提交评估')]"));

        login("county_admin", DEMO_PASSWORD);
        open("/projects/" + application);
        type("auditor", "秦信会计师事务所");
        type("conclusion", "支出合规");
        submitForm(By.xpath("//button[contains(., '录入财务审计')]"));
        submitForm(By.xpath("//button[contains(., '结项验收')]"));
        waitForText(By.id("status"), "已验收");
        check("project");
        screenshotBothSizes("projects-accepted");
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        check("project (large type)");
        open("/organizations");
        check("organizations (large type)");
        screenshot("organizations-large-type-phone");
        largeTypeOff();

        open("/public/projects");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("银发助餐小分队");
        assertThat(violations).isEmpty();
    }

    /**
     * 终止 with 追回 on a phone: the county terminates one of the organization's running demo projects
     * (it reported spending less than it was paid), records a first receipt, and the organization
     * reads what it still owes; axe-core in normal and large type.
     */
    @Test
    void terminateRecoverAndTheOrganizationSeesWhatItOwes() {
        browser.manage().window().setSize(PHONE);
        UUID project = jdbc.sql("""
                select a.id from projects.applications a
                where a.status = 'CONFIRMED' and exists (select 1 from projects.instalments i
                    where i.application_id = a.id and i.status = 'PAID')
                order by a.title limit 1""").query(UUID.class).single();
        UUID staff = jdbc.sql("select id from identity.users where username = 'org_staff'").query(UUID.class).single();
        UUID owner = jdbc.sql("select owner_unit_id from projects.applications where id = :a").param("a", project)
                .query(UUID.class).single();
        // the demo's org_staff works for this project's organization for the walk-through
        jdbc.sql("insert into identity.unit_memberships (user_id, unit_id, is_primary, added_at) values (:u, :o, false, now()) "
                + "on conflict do nothing").param("u", staff).param("o", owner).update();
        try {
            terminateAndRecover(project);
        } finally {
            jdbc.sql("delete from identity.unit_memberships where user_id = :u and unit_id = :o and not is_primary")
                    .param("u", staff).param("o", owner).update();
        }
    }

    private void terminateAndRecover(UUID project) {
        // the organization reported spending only 40% of the award, so part of what was paid is owed back
        jdbc.sql("update projects.reports r set spent = a.awarded * 0.4 from projects.applications a "
                + "where a.id = r.application_id and r.application_id = :a and r.submitted_at is not null")
                .param("a", project).update();

        login("county_admin", DEMO_PASSWORD);
        open("/projects/" + project);
        click(By.xpath("//summary[contains(., '终止项目')]"));
        type("terminate-reason", "项目负责人离职，服务已中断两个月");
        screenshot("projects-terminate-phone");
        submitForm(By.xpath("//button[contains(., '确认终止')]"));
        waitForText(By.id("status"), "已终止");
        String owed = waitFor(By.id("to-recover")).getText();
        assertThat(owed).contains("元，期限");
        type("recovery-amount", "1000");
        type("recovery-reference", "银行回单 20261206");
        submitForm(By.xpath("//button[contains(., '登记追回到账')]"));
        waitForText(By.tagName("body"), "第 1 笔");
        check("terminated project (county)");
        screenshotBothSizes("projects-terminated");
        browser.manage().window().setSize(PHONE);

        login("org_staff", DEMO_PASSWORD);
        open("/projects/" + project);
        waitForText(By.id("termination-title"), "项目已终止");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("请在").contains("银行回单 20261206")
                .doesNotContain("登记追回到账");
        check("terminated project (organization)");
        screenshot("projects-terminated-organization-phone");
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        check("terminated project (organization, large type)");
        screenshot("projects-terminated-organization-large-phone");
        largeTypeOff();
        assertThat(violations).isEmpty();
    }
}
