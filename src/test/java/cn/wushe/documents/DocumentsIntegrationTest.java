package cn.wushe.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A document as people meet it: printed, scanned with a phone, the link opened. Genuine, tampered
 * and revoked links each say so; the page shows the masked claims only; the font is embedded as a
 * subset and the Chinese text extracts; a client that scans too often is told to wait; every scan
 * is audited.
 */
class DocumentsIntegrationTest extends DocumentsIntegrationTestBase {

    static final TestActor COUNTY_ADMIN = TestActor.of("documents-county-admin", "COUNTY_ADMIN", COUNTY,
            Permission.DOCUMENT_REVOKE);

    @Test
    void theQrCodeOnThePrintedPageOpensAPageSayingGenuineWithTheMaskedClaimsOnly() throws Exception {
        IssuedDocument document = issue(COMMUNITY);
        BufferedImage page = render(document.pdf(), 150);
        save(page, "certificate.png");

        String url = scan(page);
        assertThat(url).isEqualTo(document.verificationUrl()).contains("/verify/" + document.serial() + ".");
        String html = page(open(url).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn());

        assertThat(html).contains("真实有效", "在册证明", "欧**国", "2026年累计志愿服务 36 小时", "大荔县民政局", "大荔县城关街道",
                document.serial()).doesNotContain("欧阳建国", "610527", "倒背社区", "123X");
        assertThat(audits("DOCUMENT_VERIFY", document.serial())).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("SUCCESS");
                    assertThat(e.detail()).isEqualTo("GENUINE");
                    assertThat(e.objectRegion()).isEqualTo(COMMUNITY);
                    assertThat(e.actorName()).isEqualTo("公众扫码");
                    assertThat(e.clientIp()).startsWith("198.18.");
                });
        assertThat(audits("DOCUMENT_ISSUE", document.serial())).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("REGISTRY_ENROLMENT"));
    }

    @Test
    void aTamperedSignatureOrAnInventedSerialIsReportedAsForgedWithoutClaims() throws Exception {
        IssuedDocument document = issue(COMMUNITY);
        String url = document.verificationUrl();
        char last = url.charAt(url.length() - 1);
        String tampered = url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A');
        String invented = url.replace(document.serial(), "ABCD-EFGH-JKMN-PQRS");

        for (String forged : List.of(tampered, invented, url.substring(0, url.indexOf('.', url.indexOf("/verify/"))),
                url + "x".repeat(100))) {
            String html = page(open(forged).andExpect(status().isOk()).andReturn());
            assertThat(html).contains("无法核验", "请勿采信").doesNotContain("欧**国", "大荔县民政局", "在册证明");
        }
        assertThat(audits("DOCUMENT_VERIFY", document.serial())).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.outcome()).isEqualTo("FAILURE");
                    assertThat(e.detail()).isEqualTo("FORGED");
                    assertThat(e.objectRegion()).isNull();
                });
        assertThat(audits("DOCUMENT_VERIFY", "ABCD-EFGH-JKMN-PQRS")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.detail()).isEqualTo("FORGED"));
    }

    @Test
    void aRevokedDocumentSaysRevokedFromThenOnAndCannotBeRevokedTwice() throws Exception {
        IssuedDocument document = issue(COMMUNITY);
        String revocation = "/api/v1/documents/" + document.serial() + "/revocation";

        mvc.perform(asUser(COUNTY_ADMIN, post(revocation)).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(asUser(COUNTY_ADMIN, post(revocation)).content("{\"reason\":\"服务时长登记有误，已重新出具\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(asUser(COUNTY_ADMIN, post(revocation)).content("{\"reason\":\"再次撤销\"}"))
                .andExpect(status().isConflict());

        String html = page(open(document.verificationUrl()).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("已撤销", "不再有效", "撤销日期", "欧**国").doesNotContain("服务时长登记有误");
        assertThat(audits("DOCUMENT_REVOKE", document.serial())).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("服务时长登记有误，已重新出具"));
        assertThat(audits("DOCUMENT_VERIFY", document.serial())).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("FAILURE");
                    assertThat(e.detail()).isEqualTo("REVOKED");
                });
    }

    @Test
    void thePdfEmbedsASubsetOfTheChineseFontAndItsTextExtracts() throws Exception {
        IssuedDocument document = issue(COMMUNITY, "司马光");
        assertThat(document.pdf().length).as("PDF bytes").isLessThan(150_000);
        try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDPage page = pdf.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("Identity-H");
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
                assertThat(font.isEmbedded()).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
            });
            String text = new PDFTextStripper().getText(pdf);
            // the title is letter-spaced, which extracts as spaces between its characters
            // spacing in extracted text varies (the title is letter-spaced): compare without white space
            assertThat(text.replaceAll("\\s+", "")).contains("在册证明", "兹证明司马光同志", "累计服务时长36小时",
                    "大荔县民政局", "编号：" + document.serial(), "扫描左侧二维码");
        }
    }

    @Test
    void aClientThatScansTooOftenGets429WithAChinesePageAndRetryAfter() throws Exception {
        IssuedDocument document = issue(COMMUNITY);
        String address = freshAddress();
        MvcResult refused = null;
        // the budget is 20 at once (application default); at most a few more refill while the loop runs
        for (int i = 0; i < 100 && refused == null; i++) {
            MvcResult result = open(document.verificationUrl(), address).andReturn();
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            } else {
                assertThat(result.getResponse().getStatus()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a 429 within 100 scans").isNotNull();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(page(refused)).contains("核验过于频繁", "秒后再扫码");
        long scans = audits("DOCUMENT_VERIFY", document.serial()).size();
        assertThat(scans).isGreaterThanOrEqualTo(20);

        open(document.verificationUrl()).andExpect(status().isOk());
        assertThat(audits("DOCUMENT_VERIFY", document.serial())).hasSize((int) scans + 1);
    }

    @Test
    void serialsAreRandomAndWellFormed() {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            serials.add(issue(COMMUNITY).serial());
        }
        assertThat(serials).doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

}
