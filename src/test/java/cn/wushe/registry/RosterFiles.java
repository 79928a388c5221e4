package cn.wushe.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Roster workbooks for tests, written as a person would fill the template, and hostile files. */
public final class RosterFiles {

    /** The template's headers, in order (required ones starred), as a person sees them. */
    public static final List<String> HEADERS = List.of("姓名*", "证件类型", "证件号码*", "性别", "联系电话", "所在社区代码*",
            "网格代码", "详细地址", "户主证件号码", "与户主关系", "困难类别", "类别开始日期", "认定来源", "残疾类别", "残疾等级",
            "收入档次", "健康状况", "赡养人姓名", "赡养人关系", "赡养人电话", "联系人姓名", "联系人关系", "联系人电话");

    private RosterFiles() {
    }

    /** One data row: header (without star) → text; absent headers are blank cells. */
    public static Map<String, String> row(String name, String idNumber, String community) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("姓名", name);
        row.put("证件号码", idNumber);
        row.put("联系电话", "13812345678");
        row.put("所在社区代码", community);
        row.put("详细地址", "道北路 12 号");
        row.put("困难类别", "低保");
        row.put("类别开始日期", "2024-01-01");
        row.put("认定来源", "县民政局");
        return row;
    }

    public static Map<String, String> with(Map<String, String> row, String header, String value) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        copy.put(header, value);
        return copy;
    }

    /** A workbook with the header, an example row, then {@code rows} from Excel row 3 on. */
    public static byte[] workbook(List<Map<String, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, rows, true);
        return out.toByteArray();
    }

    public static void write(OutputStream out, List<Map<String, String>> rows, boolean exampleRow) {
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet sheet = wb.newWorksheet("人员名单");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
            }
            int r = 1;
            if (exampleRow) {
                sheet.value(r++, 0, "示例：张三（本行不导入）");
            }
            for (Map<String, String> row : rows) {
                for (int c = 0; c < HEADERS.size(); c++) {
                    String value = row.get(HEADERS.get(c).replace("*", ""));
                    if (value != null) {
                        sheet.value(r, c, value);
                    }
                }
                if (++r % 1000 == 0) {
                    sheet.flush();
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Rewrites one entry of a ZIP (an .xlsx) with {@code change}, keeping the others as they are. */
    public static byte[] rewriteEntry(byte[] xlsx, String entry, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * A small "xlsx" whose one sheet inflates to {@code inflatedBytes} of the same byte: a zip bomb
     * of a few hundred kilobytes.
     */
    public static byte[] zipBomb(long inflatedBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<?xml version=\"1.0\"?><workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < inflatedBytes; written += spaces.length) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** One entry of a ZIP (an .xlsx), inflated. */
    public static byte[] unzip(byte[] zip, String entry) throws IOException {
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(entry)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(entry + " missing");
    }

    /** The first sheet's rows as text, cell by cell, for round-trip assertions. */
    public static List<List<String>> read(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            try (var stream = wb.getFirstSheet().openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : cell.getType() + ":" + (cell.getRawValue() == null ? "" : cell.getRawValue()));
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
