package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The station's work beside visits, on a phone as a new user would go: the county admin sets a
 * team type; the town station forms a care team (关爱帮扶小组) around a person, adds two members,
 * records a follow-up and removes a member with a reason; starts a crisis (危机干预), records the
 * first contact and a safety plan, de-escalates and closes it; opens a group (小组), adds a member,
 * records a meeting with attendance and closes the group with a summary; records a community
 * activity (社区活动). Screenshots at phone and desk size, then axe-core over these pages in normal
 * and large type (大字模式).
 */
class CareworkOnPhoneBrowserTest extends BrowserTestSupport {

    private final List<String> visited = new ArrayList<>();

    @Test
    void teamsCrisesGroupsAndActivitiesFromStartToClose() {
        login("county_admin", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        open("/care/teams");
        if (browser.findElements(By.xpath("//option[contains(., '五位一体')]")).isEmpty()) {
            click(By.xpath("//summary[normalize-space()='新增小组类型']"));
            type(By.id("typeName"), "五位一体");
            type(By.id("questions"), "服药与身体情况\n情绪与行为\n需要协调的事项");
            click(By.xpath("//button[normalize-space()='保存类型']"));
            waitForText(By.cssSelector(".alert-success"), "已保存小组类型");
        }

        login("town_station", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        String person = firstPerson();

        // the demo year as the station sees it today: every figure has something in it
        open("/care/dashboard");
        waitFor(By.tagName("h1"));
        String figures = browser.findElement(By.tagName("main")).getText();
        remember("dashboard");
        assertThat(figures).containsPattern("近 30 天走访 [1-9]\\d* 次").containsPattern("逾期 [1-9]\\d* 人")
                .containsPattern("3–7 天 [1-9]\\d* 条").containsPattern("超过 7 天 [1-9]\\d* 条")
                .containsPattern("隐患已整改 [1-9]\\d* 项").containsPattern("政策申办完成 [1-9]\\d* 项")
                .containsPattern("进行中个案 [1-9]\\d* 个").containsPattern("近一年结案 [1-9]\\d* 个")
                .doesNotContain("链接资源 0 元");

        // care team: form, two members, a follow-up, one member leaves
        browser.get(person);
        click(By.xpath("//summary[normalize-space()='成立帮扶小组']"));
        new Select(waitFor(By.id("teamType"))).selectByIndex(0);
        type(By.id("teamName"), "道北五位一体帮扶小组");
        click(By.xpath("//button[normalize-space()='成立小组']"));
        waitForText(By.cssSelector(".alert-success"), "已成立帮扶小组");
        addTeamMember("王医生", "村医", "道北卫生室", "13912345678");
        addTeamMember("李警官", "派出所民警", "城关派出所", "");
        click(By.id("p0"));
        click(By.id("p1"));
        for (WebElement answer : browser.findElements(By.name("answers"))) {
            answer.sendKeys("情况平稳");
        }
        click(By.xpath("//button[normalize-space()='保存随访']"));
        waitForText(By.cssSelector(".alert-success"), "已保存随访");
        click(By.xpath("//summary[normalize-space()='移出 李警官']"));
        WebElement reason = waitFor(By.xpath("//summary[normalize-space()='移出 李警官']/following-sibling::form//input[@name='reason']"));
        reason.sendKeys("工作调动");
        click(By.xpath("//summary[normalize-space()='移出 李警官']/following-sibling::form//button"));
        waitForText(By.cssSelector(".alert-success"), "已移出成员");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("参加：王医生、李警官");
        remember("team");

        // crisis: start, first contact, safety plan, de-escalate, close
        browser.get(person);
        click(By.xpath("//summary[normalize-space()='危机干预']"));
        type(By.id("situation"), "独居老人情绪低落，扬言轻生");
        click(By.xpath("//button[normalize-space()='启动危机干预']"));
        waitForText(By.cssSelector(".alert-success"), "已启动危机干预");
        remember("crisis");
        type(By.id("contactBody"), "电话联系，情绪稍稳，女儿今晚回家");
        click(By.xpath("//button[normalize-space()='记录联系']"));
        waitForText(By.cssSelector(".alert-success"), "已记录联系");
        type(By.id("safetyPlan"), "女儿每晚来电；邻居每天上门一次");
        click(By.xpath("//button[normalize-space()='保存安全计划']"));
        waitForText(By.cssSelector(".alert-success"), "已保存安全计划");
        type(By.id("deescalateReason"), "连续三天情绪稳定");
        click(By.xpath("//button[normalize-space()='解除危机']"));
        waitForText(By.cssSelector(".alert-success"), "已解除危机");
        type(By.id("summary"), "危机解除，转入常规走访");
        click(By.xpath("//button[normalize-space()='结案']"));
        waitForText(By.tagName("h1"), "已结案");

        // group: open, member, meeting with attendance, close with a summary; an activity
        open("/care/groups");
        remember("groups");
        click(By.xpath("//summary[normalize-space()='成立小组']"));
        type(By.id("groupName"), "独居老人互助小组");
        type(By.id("groupPurpose"), "减少孤独感，邻里互相照应");
        click(By.xpath("//button[normalize-space()='成立小组']"));
        waitForText(By.cssSelector(".alert-success"), "已成立小组");
        type(By.id("memberName"), "刘阿姨");
        click(By.xpath("//button[normalize-space()='添加组员']"));
        waitForText(By.cssSelector(".alert-success"), "已添加组员");
        type(By.id("meetingTopic"), "手工编织");
        click(By.id("att0"));
        click(By.xpath("//button[normalize-space()='保存聚会']"));
        waitForText(By.cssSelector(".alert-success"), "已保存聚会");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("出席 1 人", "出席：刘阿姨");
        remember("group");
        click(By.xpath("//summary[normalize-space()='结束小组']"));
        type(By.id("groupSummary"), "组员互相走动，目标达成");
        click(By.xpath("//button[normalize-space()='结束小组']"));
        waitForText(By.cssSelector(".alert-success"), "已结束小组");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("小组总结：组员互相走动，目标达成");
        remember("group-closed");

        open("/care/groups");
        click(By.xpath("//summary[normalize-space()='登记社区活动']"));
        type(By.id("activityTitle"), "重阳节敬老活动");
        type(By.id("activityPlace"), "道北社区广场");
        type(By.id("activityAttendance"), "56");
        click(By.xpath("//button[normalize-space()='登记活动']"));
        waitForText(By.cssSelector(".alert-success"), "已登记社区活动");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("道北社区广场 · 56 人次");
        remember("groups-after");

        List<String> violations = new ArrayList<>();
        List<String> pages = List.of(visited.get(1), visited.get(2), visited.get(4), visited.get(6), url("/care/teams"),
                visited.get(0));
        for (boolean large : new boolean[] {false, true}) {
            for (int i = 0; i < pages.size(); i++) {
                browser.get(pages.get(i));
                waitFor(By.tagName("h1"));
                if (large && !browser.findElement(By.tagName("html")).getAttribute("class").contains("large-type")) {
                    click(By.xpath("//button[contains(., '大字模式')]"));
                    waitFor(By.cssSelector("html.large-type"));
                }
                violations.addAll(accessibilityViolations(pages.get(i) + (large ? " large" : "")));
                if (large) {
                    screenshotBothSizes("carework-large-" + i);
                    browser.manage().window().setSize(PHONE);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private void addTeamMember(String name, String role, String unit, String phone) {
        click(By.xpath("//summary[normalize-space()='添加成员']"));
        type(By.id("memberName"), name);
        type(By.id("memberRole"), role);
        type(By.id("memberUnit"), unit);
        if (!phone.isEmpty()) {
            type(By.id("memberPhone"), phone);
        }
        click(By.xpath("//button[normalize-space()='添加成员']"));
        waitForText(By.cssSelector(".alert-success"), "已添加成员");
    }

    private void type(By by, String text) {
        WebElement field = waitFor(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", field);
        field.clear();
        field.sendKeys(text);
    }

    /** The page as it is now, at both sizes, kept for the accessibility pass. */
    private void remember(String name) {
        visited.add(browser.getCurrentUrl());
        screenshotBothSizes("carework-" + name);
        browser.manage().window().setSize(PHONE);
    }

    /** The demo's care year arrives after the registry's bulk load commits (an event): wait for a person. */
    private String firstPerson() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2)).until(b -> {
            open("/care?which=ALL");
            return !b.findElements(By.cssSelector("ul.list-group a.text-decoration-none")).isEmpty();
        });
        return browser.findElement(By.cssSelector("ul.list-group a.text-decoration-none")).getAttribute("href");
    }
}
