package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.documents.DocumentsIntegrationTestBase;
import cn.wushe.platform.TestActor;
import cn.wushe.registry.internal.PersonDraft;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * 下载在册证明 on 我的信息: the resident gets a PDF naming their categories; the QR code on it opens
 * a public page that says genuine with the masked name and "在册" only, never the categories.
 */
class EnrolmentCertificateIntegrationTest extends RegistryIntegrationTestBase {

    @Test
    void aRegisteredResidentDownloadsAProofWhoseQrCodeShowsOnlyTheMaskedNameAndEnrolment() throws Exception {
        PersonDraft draft = RegistryFixtures.draftInGrid1();
        TestActor resident = linkedResident(register(RegistryFixtures.GRID_WORKER, draft));

        assertThat(mvc.perform(asUser(resident, get("/me"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("下载在册证明（PDF）", "/me/enrolment-certificate");
        byte[] pdf = mvc.perform(asUser(resident, post("/me/enrolment-certificate")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", "")).contains("在册证明", "兹证明" + draft.name(), "城关街道道北社区", "低保", "残疾人", "特此证明");
            assertThat(text).doesNotContain(draft.idNumber());
        }
        BufferedImage image = DocumentsIntegrationTestBase.render(pdf, 150);
        DocumentsIntegrationTestBase.save(image, "enrolment-certificate.png");
        String url = DocumentsIntegrationTestBase.scan(image);

        String publicPage = mvc.perform(get(URI.create(url).getRawPath()).with(request -> {
                    request.setRemoteAddr("198.19.0.1");
                    return request;
                }))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(publicPage).contains("真实有效", "在册证明", "截至", "在册", "县民政局", "有效期至")
                .doesNotContain(draft.name(), "低保", "残疾", draft.idNumber(), "13812345678");
        assertThat(audits("DOCUMENT_ISSUE")).isPositive();
    }

    @Test
    void aResidentWithoutALinkedRecordIsToldWhyAndGetsNoDocument() throws Exception {
        TestActor unlinked = RegistryFixtures.resident("unlinked-" + UUID.randomUUID());
        String contentType = mvc.perform(asUser(unlinked, post("/me/enrolment-certificate")))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentType();
        assertThat(contentType).doesNotContain("pdf");
    }

    private TestActor linkedResident(PersonId person) {
        TestActor resident = RegistryFixtures.resident("resident-" + UUID.randomUUID());
        jdbc.sql("insert into registry.resident_accounts (user_id, person_id, linked_at) values (:u, :p, now())")
                .param("u", resident.id()).param("p", person.value()).update();
        return resident;
    }
}
