package cn.wushe.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The layout's typesetting rules, on the rendered text itself. */
class CertificateRendererUnitTest {

    private static final CertificateRenderer RENDERER = new CertificateRenderer();

    @Test
    void noLineStartsWithAClosingMarkNorEndsWithAnOpeningOne() throws Exception {
        StringBuilder body = new StringBuilder("兹证明");
        for (int i = 0; i < 40; i++) {
            body.append(i % 3 == 0 ? "低保、" : i % 3 == 1 ? "特困人员，" : "残疾人（肢体）。");
        }
        for (DocumentKind.Layout layout : DocumentKind.Layout.values()) {
            byte[] pdf = RENDERER.render(new DocumentKind("REGISTRY_ENROLMENT", layout), "ABCD-EFGH-JKMN-PQRS",
                    "http://localhost:8080/verify/ABCD-EFGH-JKMN-PQRS.x",
                    PublicClaims.about("张三", List.of("在册"), "大荔县民政局", "大荔县", LocalDate.of(2027, 3, 6)),
                    new PrintedContent("张三", List.of(body.toString()), List.of()), LocalDate.of(2026, 12, 6));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<String> lines = Arrays.stream(new PDFTextStripper().getText(document).split("\\R"))
                        .map(String::strip).filter(l -> !l.isEmpty()).toList();
                assertThat(lines).filteredOn(l -> l.contains("特困")).hasSizeGreaterThan(3);
                assertThat(lines).noneMatch(l -> "、，。）".indexOf(l.charAt(0)) >= 0)
                        .noneMatch(l -> l.endsWith("（"));
                assertThat(String.join("", lines)).contains("有效期至：2027年3月6日");
            }
        }
    }
}
