package cn.wushe.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.registry.RosterFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The upload guard and the formula guard on their own: hostile files are refused before any parser runs. */
class UploadGuardUnitTest {

    static final UploadLimits LIMITS = new UploadLimits(20L * 1024 * 1024, 1000, 200L * 1024 * 1024, 100, 200_000);

    @TempDir
    Path dir;

    UploadGuard.Inspection inspect(byte[] content) throws IOException {
        Path file = dir.resolve("upload.xlsx");
        Files.write(file, content);
        return new UploadGuard(LIMITS).inspect(file);
    }

    static byte[] valid() {
        return RosterFiles.workbook(List.of(Map.of("姓名", "王建国", "证件号码", "610527195001011234", "所在社区代码", "610527001001")));
    }

    @Test
    void passesAWorkbookWrittenLikeTheTemplateAndCountsItsRows() throws IOException {
        assertThat(inspect(valid()).sheetRows()).isEqualTo(3);
    }

    @Test
    void stopsAZipBombAtItsRatioLongBeforeInflatingItAll() {
        assertThatThrownBy(() -> inspect(RosterFiles.zipBomb(300L * 1024 * 1024)))
                .hasMessageContaining("压缩比超过 100 倍");
    }

    @Test
    void stopsTooManyInflatedBytesEvenAtAnInnocentRatio() throws IOException {
        UploadLimits small = new UploadLimits(20L * 1024 * 1024, 1000, 2L * 1024 * 1024, 100, 200_000);
        Path file = dir.resolve("big.xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/media/noise.bin"));
            byte[] noise = new byte[3 * 1024 * 1024];
            new java.util.Random(7).nextBytes(noise);
            zip.write(noise);
        }
        Files.write(file, out.toByteArray());
        assertThatThrownBy(() -> new UploadGuard(small).inspect(file)).hasMessageContaining("解压后超过 2 MB");
    }

    @Test
    void refusesMoreRowsThanTheCapBeforeReadingThem() throws IOException {
        UploadLimits twoRows = new UploadLimits(20L * 1024 * 1024, 1000, 200L * 1024 * 1024, 100, 2);
        Path file = dir.resolve("rows.xlsx");
        Map<String, String> row = Map.of("姓名", "王建国");
        Files.write(file, RosterFiles.workbook(List.of(row, row, row, row, row)));
        assertThatThrownBy(() -> new UploadGuard(twoRows).inspect(file)).hasMessageContaining("超过单次导入 2 行的上限");
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 1001; i++) {
                zip.putNextEntry(new ZipEntry("x/" + i + ".bin"));
                zip.write(1);
            }
        }
        assertThatThrownBy(() -> inspect(out.toByteArray())).hasMessageContaining("压缩条目超过 1000 个");
    }

    @Test
    void refusesADoctypeInSharedStrings() throws IOException {
        byte[] doctype = RosterFiles.rewriteEntry(valid(), "xl/sharedStrings.xml", xml -> xml.replaceFirst("\\?>",
                "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"));
        assertThatThrownBy(() -> inspect(doctype)).hasMessageContaining("DOCTYPE");
    }

    @Test
    void theReaderItselfNeverExpandsAnExternalEntity() throws IOException {
        byte[] doctype = RosterFiles.rewriteEntry(valid(), "xl/sharedStrings.xml", xml -> xml.replaceFirst("\\?>",
                "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>").replace("王建国", "&xxe;"));
        String hostname = Files.readString(Path.of("/etc/hostname")).strip();
        String read;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(doctype));
                var rows = wb.getFirstSheet().openStream()) {
            read = rows.map(r -> r.toString()).reduce("", String::concat);
        } catch (RuntimeException e) {
            read = "refused: " + e.getClass().getSimpleName();
        }
        assertThat(read).doesNotContain(hostname);
    }

    @Test
    void refusesACellReferenceWiderThanExcel() throws IOException {
        byte[] wide = RosterFiles.rewriteEntry(valid(), "xl/worksheets/sheet1.xml", xml -> xml.replace("r=\"A3\"", "r=\"ZZZZZZ3\""));
        assertThatThrownBy(() -> inspect(wide)).hasMessageContaining("超出 Excel 列范围");
    }

    @Test
    void refusesAPartThatIsNotUtf8() throws IOException {
        byte[] utf16 = RosterFiles.rewriteEntry(valid(), "xl/workbook.xml", xml -> "\uFEFF" + xml);
        byte[] converted = convertEntry(utf16);
        assertThatThrownBy(() -> inspect(converted)).hasMessageContaining("不是 UTF-8 编码");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PK-less text | 68656c6c6f | 文件内容不是 Excel 工作簿",
            "old xls      | d0cf11e0a1b11ae1 | 旧版 Excel（.xls）",
            "jpeg         | ffd8ffe000104a46 | JPEG 图片",
            "pdf          | 255044462d312e34 | PDF 文档",
            "broken zip   | 504b030414000000 | 文件已损坏"})
    void namesWhatAFileIsWhenItIsNotAWorkbook(String what, String hex, String message) {
        assertThatThrownBy(() -> inspect(java.util.HexFormat.of().parseHex(hex))).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=HYPERLINK(1) | '=HYPERLINK(1)",
            "+1            | '+1",
            "-1            | '-1",
            "@SUM(1)       | '@SUM(1)",
            "张三          | 张三"})
    void neutralisesFormulaLookingText(String value, String expected) {
        assertThat(SafeText.of(value)).isEqualTo(expected);
    }

    @Test
    void neutralisesLeadingTabCarriageReturnAndNul() {
        assertThat(SafeText.of("\t=1")).isEqualTo("'\t=1");
        assertThat(SafeText.of("\r=1")).isEqualTo("'\r=1");
        assertThat(SafeText.of("\0=1")).isEqualTo("'=1");
    }

    /** Re-encodes xl/workbook.xml (which starts with a BOM marker char) as UTF-16. */
    private static byte[] convertEntry(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            org.apache.commons.compress.archivers.zip.ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/workbook.xml")) {
                    content = new String(content, StandardCharsets.UTF_8).substring(1).getBytes(StandardCharsets.UTF_16);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
