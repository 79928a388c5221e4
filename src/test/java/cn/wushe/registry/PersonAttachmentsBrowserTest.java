package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.attachments.TestFiles;
import cn.wushe.browser.BrowserTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A community worker on her phone opens a person's page, takes a photo with the camera input of the
 * "附件" panel (htmx, no page reload) and sees its thumbnail, served from the encrypted store.
 * Screenshots in target/screenshots/attachments-person-phone.png and attachments-panel-phone.png.
 */
class PersonAttachmentsBrowserTest extends BrowserTestSupport {

    @Test
    void aCommunityWorkerAttachesAPhotoOnHerPhone() throws Exception {
        browser.manage().window().setSize(PHONE);
        login("community_worker", DEMO_PASSWORD);
        open("/people");
        waitForText(By.tagName("h1"), "困难群众");
        String detail = browser.findElements(By.cssSelector("a[href^='/people/']")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h.matches(".*/people/[0-9a-f-]{36}")).findFirst().orElseThrow();
        browser.get(detail);

        WebElement camera = waitFor(By.id("attachment-file"));
        assertThat(camera.getAttribute("accept")).isEqualTo("image/*");
        assertThat(camera.getAttribute("capture")).isEqualTo("environment");
        Path photo = Files.createTempFile("visit-photo-", ".jpg");
        try {
            Files.write(photo, TestFiles.jpegWithGps(640, 480, 6));
            camera.sendKeys(photo.toAbsolutePath().toString());
            browser.executeScript("arguments[0].click()", browser.findElement(By.id("attachment-upload")));
            waitForText(By.cssSelector("#attachments-panel .alert-success"), "已上传");
        } finally {
            Files.deleteIfExists(photo);
        }
        WebElement thumbnail = waitFor(By.cssSelector("#attachments-panel img.attachment-thumbnail"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.jsReturnsValue(
                "var i = document.querySelector('#attachments-panel img.attachment-thumbnail');"
                        + " return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth : null;"));
        Number width = (Number) browser.executeScript("return arguments[0].naturalWidth", thumbnail);
        Number height = (Number) browser.executeScript("return arguments[0].naturalHeight", thumbnail);
        assertThat(height.intValue()).isGreaterThan(width.intValue()); // turned upright by its EXIF orientation
        assertThat(browser.getCurrentUrl()).isEqualTo(detail);
        screenshot("attachments-person-phone");
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(shots.resolve("attachments-panel-phone.png"),
                browser.findElement(By.id("attachments-panel")).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
