package cn.wushe.attachments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.attachments.AttachmentKind;
import cn.wushe.attachments.TestFiles;
import cn.wushe.platform.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The type of an upload comes from its bytes; a name can only make it refused, never accepted. */
class ContentInspectionUnitTest {

    private final ContentInspection inspection = new ContentInspection(
            new AttachmentProperties(null, null, null, null, null, null, null, null));

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("家访照片.jpg", (Supplier<byte[]>) () -> TestFiles.jpeg(64, 48), AttachmentKind.JPEG, "家访照片.jpg"),
                Arguments.of("IMG_0001.JPEG", (Supplier<byte[]>) () -> TestFiles.jpeg(64, 48), AttachmentKind.JPEG, "IMG_0001.JPEG"),
                Arguments.of("拍照 2026.12.06", (Supplier<byte[]>) () -> TestFiles.jpeg(64, 48), AttachmentKind.JPEG, "拍照 2026.12.06.jpg"),
                Arguments.of("scan.png", (Supplier<byte[]>) () -> TestFiles.png(40, 40), AttachmentKind.PNG, "scan.png"),
                Arguments.of("证明.pdf", (Supplier<byte[]>) TestFiles::pdf, AttachmentKind.PDF, "证明.pdf"),
                Arguments.of("名单.xlsx", (Supplier<byte[]>) TestFiles::xlsx, AttachmentKind.XLSX, "名单.xlsx"),
                Arguments.of("走访记录.docx", (Supplier<byte[]>) TestFiles::docx, AttachmentKind.DOCX, "走访记录.docx"),
                Arguments.of("C:\\Users\\张\\..\\<b>材料</b>.pdf", (Supplier<byte[]>) TestFiles::pdf, AttachmentKind.PDF, "b.pdf"));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("accepted")
    void acceptsWhatTheBytesSay(String name, Supplier<byte[]> bytes, AttachmentKind kind, String storedName) {
        ContentInspection.Inspected file = inspection.inspect(name, bytes.get());

        assertThat(file.kind()).isEqualTo(kind);
        assertThat(file.fileName()).isEqualTo(storedName);
        assertThat(file.thumbnail() != null).isEqualTo(kind.image());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a PNG renamed .pdf", "证明.pdf", (Supplier<byte[]>) () -> TestFiles.png(10, 10),
                        "attachment-type-refused", "内容实际是PNG 图片"),
                Arguments.of("an HTML page called .jpg", "photo.jpg", (Supplier<byte[]>) TestFiles::html,
                        "attachment-type-refused", "文件内容是网页（HTML）"),
                Arguments.of("a JPEG called .exe", "setup.exe", (Supplier<byte[]>) () -> TestFiles.jpeg(10, 10),
                        "attachment-type-refused", "内容实际是JPEG 图片"),
                Arguments.of("a workbook called .docx", "信.docx", (Supplier<byte[]>) TestFiles::xlsx,
                        "attachment-type-refused", "内容实际是Excel 工作簿"),
                Arguments.of("a zip bomb called .docx", "bomb.docx", (Supplier<byte[]>) TestFiles::zipBomb,
                        "import-file-rejected", "zip bomb"),
                Arguments.of("a PNG claiming 100000×100000 px", "huge.png",
                        (Supplier<byte[]>) () -> TestFiles.pngClaiming(100_000, 100_000),
                        "attachment-content-refused", "100000×100000"),
                Arguments.of("a PNG 30000×10 px", "strip.png", (Supplier<byte[]>) () -> TestFiles.pngClaiming(30_000, 10),
                        "attachment-content-refused", "长宽比"),
                Arguments.of("a GIF", "smile.gif", (Supplier<byte[]>) () -> "GIF89a....".getBytes(StandardCharsets.US_ASCII),
                        "attachment-type-refused", "GIF 动图"),
                Arguments.of("a WebP with no decoder", "p.webp",
                        (Supplier<byte[]>) () -> "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII),
                        "attachment-type-refused", "WebP"),
                Arguments.of("a truncated PDF", "cut.pdf", (Supplier<byte[]>) () -> "%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.US_ASCII),
                        "attachment-content-refused", "不完整"),
                Arguments.of("a broken JPEG", "x.jpg", (Supplier<byte[]>) () -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2},
                        "attachment-content-refused", "无法读取"),
                Arguments.of("an empty file", "x.jpg", (Supplier<byte[]>) () -> new byte[0], "attachment-content-refused", "空的"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithAPreciseMessage(String what, String name, Supplier<byte[]> bytes, String slug, String says) {
        assertThatThrownBy(() -> inspection.inspect(name, bytes.get()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type().slug()).isEqualTo(slug);
                    assertThat(e.getMessage()).contains(says);
                    assertThat(e.fieldErrors()).containsKey("file");
                });
    }

    @Test
    void theServedPhotoKeepsNoExifOrLocationAndIsTurnedUpright() throws IOException {
        byte[] upload = TestFiles.jpegWithGps(80, 40, 6);
        assertThat(TestFiles.contains(upload, TestFiles.GPS_LATITUDE)).isTrue();
        assertThat(ExifOrientation.of(upload)).isEqualTo(6);

        ContentInspection.Inspected file = inspection.inspect("IMG_2026.jpg", upload);

        for (byte[] served : new byte[][] {file.served(), file.thumbnail()}) {
            assertThat(TestFiles.contains(served, TestFiles.GPS_LATITUDE)).isFalse();
            assertThat(TestFiles.contains(served, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(file.served()));
        assertThat(served.getWidth()).isEqualTo(40); // orientation 6: the camera was held upright
        assertThat(served.getHeight()).isEqualTo(80);
        assertThat(file.width()).isEqualTo(40);
    }

    @Test
    void aLargePhotoIsServedScaledDownWithAThumbnailOfAbout320Pixels() throws IOException {
        ContentInspection.Inspected file = inspection.inspect("big.jpg", TestFiles.jpeg(3000, 2000));

        assertThat(file.width()).isLessThanOrEqualTo(2560);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(file.thumbnail()));
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);
    }
}
