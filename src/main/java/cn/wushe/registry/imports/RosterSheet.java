package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The roster sheet of an uploaded workbook, read as a stream (FastExcel reader; only the shared
 * strings stay in memory): checks the header row against {@link RosterColumn}, skips the 示例 row
 * and blank rows, and gives each data row's cells as text, numbered as Excel shows them. Open it
 * only on a file {@link cn.wushe.platform.files.UploadGuard} has passed.
 */
final class RosterSheet implements Closeable {

    static final String SHEET_NAME = Messages.text("registry.roster.sheet-name");
    static final String EXAMPLE_MARK = Messages.text("registry.template.example-mark");
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private final ReadableWorkbook workbook;
    private final Sheet sheet;

    /** One data row: its number as Excel shows it (1-based) and one text per template column. */
    record SheetRow(int number, List<String> cells) {
    }

    private RosterSheet(ReadableWorkbook workbook, Sheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    static RosterSheet open(Path file) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile());
        } catch (ExcelReaderException | IOException e) {
            throw new RosterFileException(Messages.text("registry.import.workbook-unreadable"));
        }
        Sheet sheet = workbook.findSheet(SHEET_NAME).orElseGet(workbook::getFirstSheet);
        return new RosterSheet(workbook, sheet);
    }

    String sheetName() {
        return sheet.getName();
    }

    /**
     * Data rows, header checked first; the stream must be closed.
     *
     * @throws RosterFileException when the header row is missing or is not the template's
     */
    Stream<SheetRow> rows() throws IOException {
        Stream<Row> raw = sheet.openStream();
        Iterator<Row> it = raw.iterator();
        try {
            checkHeader(it);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
        Iterator<SheetRow> data = new Iterator<>() {
            SheetRow next = advance();

            private SheetRow advance() {
                while (it.hasNext()) {
                    Row row = it.next();
                    List<String> cells = cells(row);
                    boolean blank = cells.stream().allMatch(String::isBlank);
                    if (!blank && !cells.get(0).strip().startsWith(EXAMPLE_MARK)) {
                        return new SheetRow(row.getRowNum(), cells);
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SheetRow next() {
                SheetRow current = next;
                next = advance();
                return current;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(data, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(raw::close);
    }

    private void checkHeader(Iterator<Row> it) {
        if (!it.hasNext()) {
            throw new RosterFileException(Messages.text("registry.import.sheet-empty", sheet.getName()));
        }
        List<String> header = cells(it.next());
        for (RosterColumn column : RosterColumn.ALL) {
            String found = header.get(column.index()).replace("*", "").replaceAll("\\s", "");
            if (!found.equals(column.header())) {
                throw new RosterFileException(Messages.text("registry.import.header-mismatch", column.letter(), column.header(),
                        found));
            }
        }
    }

    private List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(RosterColumn.ALL.size());
        for (RosterColumn column : RosterColumn.ALL) {
            Cell cell = column.index() < row.getCellCount() ? row.getCell(column.index()) : null;
            cells.add(cell == null ? "" : text(cell, column));
        }
        return cells;
    }

    private String text(Cell cell, RosterColumn column) {
        return switch (cell.getType()) {
            case NUMBER -> number(cell, column);
            case STRING, FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? Messages.text("registry.import.true") : Messages.text("registry.import.false");
            default -> "";
        };
    }

    /** A date column counts days from Excel's epoch; long numbers keep the form Excel lost digits in. */
    private String number(Cell cell, RosterColumn column) {
        BigDecimal value = cell.asNumber();
        if (value == null) {
            return "";
        }
        if (column == RosterColumn.CATEGORY_START && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
            return (workbook.isDate1904() ? EPOCH_1904 : EPOCH_1900).plusDays(value.longValue()).toString();
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.precision() - plain.scale() > 15) {
            return cell.getRawValue().contains("E") || cell.getRawValue().contains("e") ? cell.getRawValue()
                    : new java.text.DecimalFormat("0.##############E0").format(value).replace("E", "E+");
        }
        return plain.toPlainString();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
