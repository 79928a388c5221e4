package cn.wushe.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The verification page as WeChat's scanner opens it, signed out, on a phone: genuine, revoked and
 * forged, with screenshots in target/screenshots for a person to look at.
 */
class DocumentVerificationBrowserTest extends BrowserTestSupport {

    @Autowired
    Documents documents;

    @Test
    void aPhoneOpensTheLinkSignedOutAndSeesTheVerdictAndTheMaskedClaims() {
        TestActor issuer = TestActor.of("browser-issuer", "COUNTY_ADMIN", "610527", Permission.DOCUMENT_REVOKE);
        IssuedDocument genuine = documents.issue(issuer, DocumentKind.certificate("REGISTRY_ENROLMENT"), "610527001001",
                PublicClaims.about("欧阳建国", List.of("截至2026年12月6日在册"), "白水县民政局", "白水县",
                        LocalDate.of(2099, 3, 6)),
                new PrintedContent("欧阳建国", List.of("兹证明欧阳建国在册。"), List.of()));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(PHONE);

        open(URI.create(genuine.verificationUrl()).getRawPath());
        waitForText(By.cssSelector("h1"), "真实有效");
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("欧**国", "截至2026年12月6日在册", "白水县民政局", "有效期至").doesNotContain("欧阳建国");
        screenshotBothSizes("verify-genuine");

        documents.revoke(issuer, genuine.serial(), "重新出具");
        browser.navigate().refresh();
        waitForText(By.cssSelector("h1"), "已撤销");
        browser.manage().window().setSize(PHONE);
        screenshot("verify-revoked-phone");

        open(URI.create(genuine.verificationUrl()).getRawPath() + "x");
        waitForText(By.cssSelector("h1"), "无法核验");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).doesNotContain("欧**国");
        screenshot("verify-forged-phone");
    }
}
