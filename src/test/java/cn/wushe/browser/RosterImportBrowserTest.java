package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.registry.RosterFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Excel import as a community worker does it in Chromium: from the people list to the upload
 * page, a workbook with two good rows and one bad, the preview (counts, the bad row's column and
 * reason), 导入有效行, and the result. Screenshots in target/screenshots/import-*.png.
 */
class RosterImportBrowserTest extends BrowserTestSupport {

    @Test
    void communityWorkerUploadsPreviewsAndImportsTheValidRows() throws Exception {
        Path workbook = Files.createTempDirectory("roster").resolve("道北名单.xlsx");
        Files.write(workbook, RosterFiles.workbook(List.of(
                RosterFiles.row("王春花", idNumber(), "610527001001"),
                RosterFiles.row("李建国", idNumber(), "610527001001"),
                RosterFiles.row("张桂兰", "610527195001011230", "610527001001"))));

        browser.manage().window().setSize(DESK);
        login("community_worker", DEMO_PASSWORD);
        open("/people");
        waitFor(By.id("import-link")).click();
        waitFor(By.id("template-link"));
        screenshotBothSizes("import-upload");

        browser.findElement(By.id("file")).sendKeys(workbook.toAbsolutePath().toString());
        browser.findElement(By.id("upload-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "待确认"));
        assertThat(browser.findElement(By.id("count-valid")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("rejected-table")).getText()).contains("5", "C 证件号码", "校验码");
        screenshotBothSizes("import-preview");

        browser.findElement(By.id("commit-button")).click();
        browser.switchTo().alert().accept();
        waitForText(By.id("job-status"), "已导入");
        assertThat(browser.findElement(By.id("job-result")).getText()).contains("新增 2 人");
        screenshotBothSizes("import-done");
        Files.deleteIfExists(workbook);
    }

    @Test
    void aFileOverTheUploadLimitGetsAChineseMessageNotAStackTrace() throws Exception {
        Path big = Files.createTempDirectory("roster").resolve("太大.xlsx");
        Files.write(big, new byte[21 * 1024 * 1024]);
        browser.manage().window().setSize(DESK);
        login("community_worker", DEMO_PASSWORD);
        open("/people/imports");
        waitFor(By.id("file")).sendKeys(big.toAbsolutePath().toString());
        browser.findElement(By.id("upload-button")).click();
        waitForText(By.tagName("body"), "超过 20 MB");
        screenshot("import-too-large-desk");
        Files.deleteIfExists(big);
    }

    /** A valid 白水县 identity number of a random birth date. */
    private static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(30_000));
        String first17 = "610527" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
