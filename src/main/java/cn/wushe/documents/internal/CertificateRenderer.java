package cn.wushe.documents.internal;

import cn.wushe.documents.ChineseDates;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Messages;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders one A4 page: a framed certificate (centred title) or a plain receipt, the body and
 * particulars, the issuer and date at the bottom right, and the QR code with the serial at the
 * bottom left. Text is set in the bundled Noto Sans SC subset, embedded as a further subset
 * (Identity-H) of only the glyphs used; the QR code is drawn as vector squares, so it stays sharp
 * on any printer.
 */
@Component
class CertificateRenderer {

    private static final Logger log = LoggerFactory.getLogger(CertificateRenderer.class);
    static final String FONT = "documents/fonts/NotoSansSC-Regular-GB2312.ttf";

    private static final Color RED = new Color(0xA6, 0x1B, 0x1B);
    private static final Color INK = new Color(0x1F, 0x23, 0x28);
    private static final Color GREY = new Color(0x5F, 0x66, 0x6D);
    private static final Color RULE = new Color(0xD9, 0xC7, 0xA7);
    private static final float MM = 72f / 25.4f;

    private final BaseFont font;

    CertificateRenderer() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(Messages.text("documents.render.no-font", FONT));
            }
            // shared by all documents: each PdfWriter embeds only the glyphs its own document uses
            this.font = BaseFont.createFont("NotoSansSC-Regular-GB2312.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] render(DocumentKind kind, String serial, String verificationUrl, PublicClaims claims, PrintedContent content,
            LocalDate issuedOn) {
        reportMissingGlyphs(claims, content);
        boolean certificate = kind.layout() == DocumentKind.Layout.CERTIFICATE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 30 * MM, 30 * MM, (certificate ? 40 : 28) * MM, 70 * MM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setFullCompression();
            document.addTitle(kind.label() + " " + serial);
            document.addCreator(Messages.text("documents.render.creator"));
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            if (certificate) {
                frame(writer.getDirectContentUnder(), document.getPageSize());
            }
            title(document, kind, claims, certificate);
            body(document, content);
            particulars(document, content);
            signature(canvas, document, claims, issuedOn);
            qrBlock(canvas, document, serial, verificationUrl, claims);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void frame(PdfContentByte under, Rectangle page) {
        float outer = 12 * MM;
        float inner = 15 * MM;
        under.saveState();
        under.setColorStroke(RED);
        under.setLineWidth(2.2f);
        under.rectangle(outer, outer, page.getWidth() - 2 * outer, page.getHeight() - 2 * outer);
        under.stroke();
        under.setLineWidth(0.6f);
        under.rectangle(inner, inner, page.getWidth() - 2 * inner, page.getHeight() - 2 * inner);
        under.stroke();
        // L-shaped corner ornaments inside the inner line, as on printed certificates
        float arm = 9 * MM;
        float gap = 2 * MM;
        float w = page.getWidth();
        float h = page.getHeight();
        under.setLineWidth(1.6f);
        for (float[] c : new float[][] {{inner + gap, inner + gap, 1, 1}, {w - inner - gap, inner + gap, -1, 1},
                {inner + gap, h - inner - gap, 1, -1}, {w - inner - gap, h - inner - gap, -1, -1}}) {
            under.moveTo(c[0], c[1] + c[3] * arm);
            under.lineTo(c[0], c[1]);
            under.lineTo(c[0] + c[2] * arm, c[1]);
        }
        under.stroke();
        under.restoreState();
    }

    private void title(Document document, DocumentKind kind, PublicClaims claims, boolean certificate)
            throws DocumentException {
        Paragraph unit = new Paragraph(claims.issuerUnit(), new Font(font, 12, Font.NORMAL, GREY));
        unit.setAlignment(certificate ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        document.add(unit);
        Chunk title = new Chunk(kind.label(), new Font(font, certificate ? 32 : 24, Font.NORMAL, certificate ? RED : INK));
        title.setCharacterSpacing(certificate ? 10 : 4);
        title.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.7f, certificate ? RED : INK);
        Paragraph heading = new Paragraph(new Phrase(title));
        heading.setAlignment(certificate ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        heading.setSpacingBefore(8);
        if (certificate) {
            heading.setIndentationLeft(10); // the spacing also follows the last character: keep the title centred
        }
        heading.setSpacingAfter(certificate ? 26 : 18);
        document.add(heading);
    }

    private void body(Document document, PrintedContent content) throws DocumentException {
        Font text = new Font(font, 14, Font.NORMAL, INK);
        for (String paragraph : content.paragraphs()) {
            Chunk words = new Chunk(paragraph, text);
            words.setSplitCharacter(ChineseLineBreaks.INSTANCE);
            Paragraph p = new Paragraph(26, words);
            p.setFirstLineIndent(28);
            p.setAlignment(Element.ALIGN_JUSTIFIED);
            p.setSpacingAfter(8);
            document.add(p);
        }
    }

    private void particulars(Document document, PrintedContent content) throws DocumentException {
        if (content.particulars().isEmpty()) {
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {1.1f, 3f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        Font label = new Font(font, 12, Font.NORMAL, GREY);
        Font value = new Font(font, 12.5f, Font.NORMAL, INK);
        for (PrintedContent.Particular row : content.particulars()) {
            table.addCell(cell(row.label(), label));
            table.addCell(cell(row.value(), value));
        }
        document.add(table);
    }

    private static PdfPCell cell(String text, Font font) {
        Chunk words = new Chunk(text, font);
        words.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        PdfPCell cell = new PdfPCell(new Phrase(words));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.6f);
        cell.setPaddingTop(6);
        cell.setPaddingBottom(8);
        return cell;
    }

    /** Issuer and date, right-aligned above the bottom margin, where a seal would go. */
    private void signature(PdfContentByte canvas, Document document, PublicClaims claims, LocalDate issuedOn) {
        float right = document.getPageSize().getWidth() - document.rightMargin();
        float y = document.bottomMargin() + 4 * MM;
        Font text = new Font(font, 14, Font.NORMAL, INK);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(claims.issuerUnit(), text), right, y + 22, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(ChineseDates.format(issuedOn), text), right, y, 0);
    }

    private void qrBlock(PdfContentByte canvas, Document document, String serial, String verificationUrl,
            PublicClaims claims) {
        float left = document.leftMargin();
        float size = 32 * MM;
        float bottom = 24 * MM;
        drawQr(canvas, verificationUrl, left, bottom, size);
        float textLeft = left + size + 5 * MM;
        Font strong = new Font(font, 11, Font.NORMAL, INK);
        Font small = new Font(font, 9.5f, Font.NORMAL, GREY);
        float y = bottom + size - 10;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                new Phrase(Messages.text("documents.render.serial", serial), strong), textLeft, y, 0);
        y -= 16;
        if (claims.validUntil() != null) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(
                    Messages.text("documents.render.valid-until", ChineseDates.format(claims.validUntil())), strong),
                    textLeft, y, 0);
            y -= 16;
        }
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                new Phrase(Messages.text("documents.render.scan-to-verify"), small), textLeft, y, 0);
        y -= 13;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                new Phrase(Messages.text("documents.render.no-seal-needed"), small), textLeft, y, 0);
    }

    /**
     * The QR code as filled squares, one per dark module, in the quiet zone of four modules ISO/IEC
     * 18004 asks for: with two, text printed near the code sometimes kept a scanner from finding it.
     */
    private static void drawQr(PdfContentByte canvas, String url, float x, float y, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        float module = size / matrix.getWidth();
        canvas.saveState();
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(x, y, size, size);
        canvas.fill();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    // a hair wider than the module, so no white seams between neighbours when rasterised
                    canvas.rectangle(x + col * module, y + size - (row + 1) * module, module + 0.05f, module + 0.05f);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    /** A character outside the bundled subset prints as a blank; say which, without the text itself. */
    private void reportMissingGlyphs(PublicClaims claims, PrintedContent content) {
        TreeSet<String> missing = new TreeSet<>();
        StringBuilder all = new StringBuilder(claims.issuerUnit()).append(claims.regionName()).append(content.holderName());
        claims.facts().forEach(all::append);
        content.paragraphs().forEach(all::append);
        content.particulars().forEach(p -> all.append(p.label()).append(p.value()));
        all.codePoints().filter(c -> !Character.isWhitespace(c) && !font.charExists(c))
                .forEach(c -> missing.add("U+" + Integer.toHexString(c).toUpperCase()));
        if (!missing.isEmpty()) {
            log.warn("Characters missing from the document font, printed blank: {}", missing);
        }
    }
}
