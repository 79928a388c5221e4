package cn.wushe.volunteering.web;

import cn.wushe.documents.IssuedDocument;
import cn.wushe.platform.Messages;
import cn.wushe.volunteering.internal.Certificates;
import cn.wushe.volunteering.internal.Honours;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The module's binary answers: the certificate PDF, the honours' certificates as a ZIP, QR code images. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> certificate(IssuedDocument document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(Certificates.VOLUNTEER_HOURS), StandardCharsets.UTF_8).build().toString())
                .body(document.pdf());
    }

    /** An honours batch as one ZIP of its certificates' PDFs, named after the year. */
    static ResponseEntity<byte[]> honourCertificates(Honours.Batch batch, int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (IssuedDocument document : batch.documents()) {
                zip.putNextEntry(new ZipEntry(document.fileName(Honours.HONOUR)));
                zip.write(document.pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip")).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(Messages.text("volunteering.honour.zip-name", String.valueOf(year)), StandardCharsets.UTF_8)
                        .build().toString())
                .body(out.toByteArray());
    }

    /** A QR code of {@code text} as PNG, not cached (a check-in code is shown, never stored by the browser). */
    static ResponseEntity<byte[]> qr(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360, Map.of(EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("QR code not encodable", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
