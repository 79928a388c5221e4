package cn.wushe.projects.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The library and the awards as new users meet them on a phone: the town station finds a library
 * entry by a word of its title and orders it (点单) for 道北社区 into the open 社区微项目 round; the
 * entry's organization then has a prefilled draft for that community. The county looks at the
 * stations' brands and the selection under publicity. Axe-core checks the pages in normal and large type.
 */
class LibraryBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private final List<String> violations = new ArrayList<>();

    @Test
    void aStationOrdersFromTheLibraryAndTheCountySeesTheAwards() {
        browser.manage().window().setSize(PHONE);
        UUID round = jdbc.sql("select id from projects.rounds where kind = 'MICRO' and status = 'OPEN' order by created_at desc limit 1")
                .query(UUID.class).single();
        // an entry whose organization has not applied to the open round yet (one application per round)
        String title = jdbc.sql("select e.title from projects.applications e where e.in_library and not exists (select 1 from "
                        + "projects.applications d where d.round_id = :r and d.owner_unit_id = e.owner_unit_id) order by e.title limit 1")
                .param("r", round).query(String.class).single();

        login("town_station", DEMO_PASSWORD);
        open("/library?q=" + title);
        violations.addAll(accessibilityViolations("library"));
        WebElement card = waitFor(By.xpath("//div[contains(@class,'card')][.//h2[normalize-space()='" + title + "']]"));
        click(card.findElement(By.xpath(".//summary[contains(., '社区点单')]")));
        card.findElement(By.name("communityCode")).sendKeys("610527001001");
        Select rounds = new Select(card.findElement(By.name("roundId")));
        rounds.selectByValue(round.toString());
        screenshot("projects-library-order-phone");
        click(card.findElement(By.xpath(".//button[contains(., '点单')]")));
        waitForText(By.cssSelector(".alert-success"), "已完成");
        screenshotBothSizes("projects-library");
        assertThat(jdbc.sql("select count(*) from projects.applications where round_id = :r and title = :t "
                + "and region_code = '610527001001' and status = 'DRAFT'").param("r", round).param("t", title)
                .query(Long.class).single()).isEqualTo(1);
        click(By.xpath("//button[contains(., '大字模式')]"));
        waitFor(By.cssSelector("html.large-type"));
        violations.addAll(accessibilityViolations("library (large type)"));
        click(By.xpath("//button[contains(., '关闭大字模式')]"));

        login("county_admin", DEMO_PASSWORD);
        open("/awards");
        violations.addAll(accessibilityViolations("awards"));
        click(By.partialLinkText("优秀项目"));
        waitForText(By.tagName("main"), "公示至");
        violations.addAll(accessibilityViolations("award"));
        screenshotBothSizes("projects-award");
        assertThat(violations).isEmpty();
    }
}
