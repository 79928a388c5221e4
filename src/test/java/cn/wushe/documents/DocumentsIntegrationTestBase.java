package cn.wushe.documents;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;

/**
 * One application context for the documents tests (the envelope's stored keys, like the registry's), with the helpers that treat a PDF as a person would: render the page, scan
 * the QR code, open the link.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
public abstract class DocumentsIntegrationTestBase {

    public static final String COUNTY = "610527";
    public static final String TOWN = "610527001";
    public static final String COMMUNITY = "610527001001";
    public static final String OTHER_TOWN = "610527102";
    public static final String NEIGHBOUR_COUNTY = "610526";

    /** A distinct client address per scan sequence, so no test spends another's verification budget. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    public static final DocumentKind TEST_CERTIFICATE = DocumentKind.certificate("REGISTRY_ENROLMENT");

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected Documents documents;

    protected static final TestActor ISSUER = TestActor.of("documents-issuer", "COMMUNITY_WORKER", COMMUNITY,
            Permission.PERSON_EDIT);

    protected IssuedDocument issue(String regionCode) {
        return issue(regionCode, "欧阳建国");
    }

    protected IssuedDocument issue(String regionCode, String holder) {
        PublicClaims claims = PublicClaims.about(holder, List.of("2026年累计志愿服务 36 小时", "星级志愿者（三星）"),
                "大荔县民政局", "大荔县城关街道", null);
        PrintedContent content = new PrintedContent(holder, List.of(
                "兹证明 " + holder + " 同志于2026年在城关街道倒背社区参加志愿服务，累计服务时长 36 小时，表现突出。",
                "特此证明。"), List.of(
                new PrintedContent.Particular("姓名", holder),
                new PrintedContent.Particular("居民身份证", "610527********123X"),
                new PrintedContent.Particular("服务组织", "城关街道倒背社区志愿服务队")));
        return documents.issue(ISSUER, TEST_CERTIFICATE, regionCode, claims, content);
    }

    /** The page image at print-preview resolution, as a phone camera would see the paper. */
    public static BufferedImage render(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    /**
     * The text a scanner reads from the QR code on the page. Like a phone's scanner it tries a second
     * way of telling dark from light (one threshold for the page) when the local one finds nothing.
     */
    public static String scan(BufferedImage page) throws NotFoundException {
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(page);
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, true);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
        } catch (NotFoundException e) {
            return new MultiFormatReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints).getText();
        }
    }

    public static String scan(byte[] pdf) throws IOException, NotFoundException {
        return scan(render(pdf, 150));
    }

    public static void save(BufferedImage image, String name) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "documents");
        java.nio.file.Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }

    /** Opens a verification link from a fresh client address. */
    protected ResultActions open(String url) throws Exception {
        return open(url, freshAddress());
    }

    protected ResultActions open(String url, String address) throws Exception {
        String path = URI.create(url).getRawPath();
        return mvc.perform(get(path).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }));
    }

    protected static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    protected static MockHttpServletRequestBuilder asUser(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf()).contentType(MediaType.APPLICATION_JSON);
    }

    protected List<AuditFixture.Entry> audits(String action, String serial) {
        return AuditFixture.entriesIn(jdbc).about(action, serial);
    }
}
