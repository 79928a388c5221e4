package cn.wushe.monitoring.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.files.UploadGuard;
import cn.wushe.platform.files.UploadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Component;

/**
 * A department's file as lines of cells: CSV in UTF-8 (comma, full-width comma or tab; plain or
 * gzipped), or an
 * .xlsx (told by its bytes, never its name) whose first sheet is read as a stream after the
 * platform's {@link UploadGuard} passed it (size, ZIP bomb, XXE, central directory, row count).
 */
@Component
public class FeedFiles {

    /** Excel's day 0 for the 1900 date system, as its serial numbers count. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern CELL_BREAK = Pattern.compile("[,，\t]");
    private static final byte[] GZIP = {(byte) 0x1f, (byte) 0x8b};
    /** A gzipped CSV may inflate to this much: 1,000,000 rows of a long line are about 64 MB. */
    static final int MAX_INFLATED_CSV = 96 * 1024 * 1024;

    private final UploadGuard guard = new UploadGuard(new UploadLimits(20L * 1024 * 1024, 200, 512L * 1024 * 1024, 200,
            FeedComparison.MAX_ROWS));

    /** One line of the file, numbered as the department sees it (1-based). */
    public record Line(int number, List<String> cells) {
    }

    List<Line> lines(byte[] content) {
        if (startsWith(content, ZIP)) {
            return sheet(content);
        }
        return csv(startsWith(content, GZIP) ? gunzip(content) : content);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length > magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    /**
     * A million-row CSV is about 22 MB, over the upload limit; gzipped (.csv.gz) it is a quarter of
     * that. Inflation stops at {@link #MAX_INFLATED_CSV}, so a gzip bomb costs no more memory than that.
     */
    private static byte[] gunzip(byte[] content) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            byte[] inflated = in.readNBytes(MAX_INFLATED_CSV + 1);
            if (inflated.length > MAX_INFLATED_CSV) {
                throw DomainException.invalid("file", Messages.text("monitoring.gzip-too-large", MAX_INFLATED_CSV / (1024 * 1024)));
            }
            return inflated;
        } catch (IOException e) {
            throw DomainException.invalid("file", Messages.text("monitoring.gzip-unreadable"));
        }
    }

    private static List<Line> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        String[] lines = LINE_BREAK.split(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Line> result = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            result.add(new Line(i + 1, List.of(CELL_BREAK.split(lines[i].strip(), -1))));
        }
        return result;
    }

    private List<Line> sheet(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("feed-", ".xlsx");
            Files.write(file, content);
            guard.inspect(file);
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile()); Stream<Row> rows = workbook.getFirstSheet().openStream()) {
                List<Line> result = new ArrayList<>();
                rows.forEach(row -> {
                    List<String> cells = new ArrayList<>(2);
                    for (int c = 0; c < Math.min(2, row.getCellCount()); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    result.add(new Line(row.getRowNum(), cells.isEmpty() ? List.of("") : cells));
                });
                return result;
            }
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw DomainException.invalid("file", Messages.text("monitoring.xlsx-unreadable"));
        } catch (IOException e) {
            throw DomainException.invalid("file", Messages.text("monitoring.xlsx-unreadable"));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system; the file holds no more than the upload did
                }
            }
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case STRING, FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            default -> "";
        };
    }

    /** A date column an .xlsx gives as Excel's serial number becomes 年-月-日; other values stay. */
    static String value(FeedKind kind, String raw) {
        if ((kind == FeedKind.DEATH || kind == FeedKind.HOUSEHOLD_CHANGE) && raw.matches("[1-9][0-9]{4}")) {
            return EXCEL_EPOCH.plusDays(new BigDecimal(raw).longValue()).toString();
        }
        return raw;
    }
}
