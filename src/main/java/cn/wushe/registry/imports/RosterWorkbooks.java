package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;
import cn.wushe.registry.internal.CategoryType;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.internal.RelationToHead;
import cn.wushe.platform.personal.Sex;
import cn.wushe.platform.files.SafeText;
import cn.wushe.registry.imports.ImportRows.Reason;
import cn.wushe.registry.imports.ImportRows.StagedRow;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The workbooks an importer downloads, written with the FastExcel streaming writer and inline
 * string cells (no formula, nothing kept in a shared-strings table): the import template with its
 * drop-downs, example row and 说明 sheet, and the rejected rows with a 错误原因 column.
 */
final class RosterWorkbooks {

    static final String APP = Messages.text("registry.workbook.application");
    private static final String HEADER_FILL = "DDEBF7";
    private static final Set<RosterColumn> TEXT_COLUMNS = EnumSet.of(RosterColumn.ID_NUMBER, RosterColumn.HEAD_ID,
            RosterColumn.PHONE, RosterColumn.COMMUNITY, RosterColumn.GRID, RosterColumn.CATEGORY_START,
            RosterColumn.OBLIGOR_PHONE, RosterColumn.CONTACT_PHONE);

    private RosterWorkbooks() {
    }

    /** The template: header, one 示例 row (skipped on import), drop-downs down to {@code rows} data rows. */
    static void template(OutputStream out, List<CategoryType> categories, String exampleCommunity, int rows) throws IOException {
        Workbook wb = new Workbook(out, APP, "1.0");
        Worksheet sheet = wb.newWorksheet(RosterSheet.SHEET_NAME);
        Worksheet notes = wb.newWorksheet(Messages.text("registry.template.notes-sheet"));
        Worksheet options = wb.newWorksheet(Messages.text("registry.template.options-sheet"));
        header(sheet, RosterColumn.ALL.stream().map(RosterColumn::title).toList());
        for (RosterColumn column : RosterColumn.ALL) {
            sheet.width(column.index(), column.width());
            if (TEXT_COLUMNS.contains(column)) {
                sheet.style(column.index()).format("@").set();
            }
        }
        List<String> example = example(exampleCommunity);
        for (int c = 0; c < example.size(); c++) {
            sheet.inlineString(1, c, example.get(c));
        }
        sheet.range(1, 0, 1, RosterColumn.ALL.size() - 1).style().fontColor("808080").italic().set();
        sheet.freezePane(1, 1);
        Map<RosterColumn, List<String>> lists = Map.of(
                RosterColumn.ID_TYPE, labels(IdDocumentType.values(), IdDocumentType::label),
                RosterColumn.SEX, labels(Sex.values(), Sex::label),
                RosterColumn.RELATION, labels(RelationToHead.values(), RelationToHead::label),
                RosterColumn.CATEGORIES, categories.stream().map(CategoryType::name).toList(),
                RosterColumn.DISABILITY_TYPE, CategoryType.DISABILITY_TYPES,
                RosterColumn.DISABILITY_GRADE, RosterRowParser.grades(),
                RosterColumn.INCOME, labels(IncomeBand.values(), IncomeBand::label));
        int optionColumn = 0;
        for (RosterColumn column : RosterColumn.ALL) {
            List<String> values = lists.get(column);
            if (values == null) {
                continue;
            }
            options.inlineString(0, optionColumn, column.header());
            for (int r = 0; r < values.size(); r++) {
                options.inlineString(r + 1, optionColumn, values.get(r));
            }
            // several categories are typed as 低保、残疾人, so that list only informs instead of refusing
            DataValidationErrorStyle style = column == RosterColumn.CATEGORIES ? DataValidationErrorStyle.INFORMATION
                    : DataValidationErrorStyle.STOP;
            sheet.range(2, column.index(), rows + 1, column.index())
                    .validateWithList(options.range(1, optionColumn, values.size(), optionColumn))
                    .allowBlank(true).showDropdown(true).errorStyle(style).showErrorMessage(true)
                    .errorTitle(Messages.text("registry.template.choose-title")).error(Messages.text("registry.template.choose-error"));
            optionColumn++;
        }
        options.setVisibilityState(VisibilityState.HIDDEN);
        writeNotes(notes);
        wb.finish();
    }

    private static List<String> example(String community) {
        String[] cells = new String[RosterColumn.ALL.size()];
        Arrays.fill(cells, "");
        cells[RosterColumn.NAME.index()] = Messages.text("registry.template.example.name", RosterSheet.EXAMPLE_MARK);
        cells[RosterColumn.ID_TYPE.index()] = IdDocumentType.RESIDENT_ID.label();
        cells[RosterColumn.ID_NUMBER.index()] = "610527195001011234";
        cells[RosterColumn.PHONE.index()] = "13800000000";
        cells[RosterColumn.COMMUNITY.index()] = community;
        cells[RosterColumn.GRID.index()] = community + "001";
        cells[RosterColumn.ADDRESS.index()] = Messages.text("registry.template.example.address");
        cells[RosterColumn.CATEGORIES.index()] = Messages.text("registry.template.example.categories");
        cells[RosterColumn.CATEGORY_START.index()] = "2024-01-01";
        cells[RosterColumn.CATEGORY_SOURCE.index()] = Messages.text("registry.template.example.source");
        cells[RosterColumn.DISABILITY_TYPE.index()] = Messages.text("registry.disability-type.physical");
        cells[RosterColumn.DISABILITY_GRADE.index()] = Messages.text("registry.disability-grade.2");
        cells[RosterColumn.INCOME.index()] = IncomeBand.BELOW_DIBAO.label();
        cells[RosterColumn.HEALTH.index()] = Messages.text("registry.template.example.health");
        cells[RosterColumn.OBLIGOR_NAME.index()] = Messages.text("registry.template.example.obligor-name");
        cells[RosterColumn.OBLIGOR_RELATION.index()] = Messages.text("registry.template.example.obligor-relation");
        cells[RosterColumn.OBLIGOR_PHONE.index()] = "13900000000";
        return List.of(cells);
    }

    private static void writeNotes(Worksheet notes) {
        header(notes, List.of(Messages.text("registry.template.notes.column"), Messages.text("registry.template.notes.header"),
                Messages.text("registry.template.notes.required"), Messages.text("registry.template.notes.hint")));
        notes.width(0, 6);
        notes.width(1, 16);
        notes.width(2, 10);
        notes.width(3, 80);
        int r = 1;
        for (RosterColumn column : RosterColumn.ALL) {
            notes.inlineString(r, 0, column.letter());
            notes.inlineString(r, 1, column.header());
            notes.inlineString(r, 2, column.required() ? Messages.text("registry.template.required") : Messages.text("registry.template.optional"));
            notes.inlineString(r, 3, column.hint());
            r++;
        }
        r++;
        for (String line : List.of(
                Messages.text("registry.template.note-1", RosterSheet.SHEET_NAME),
                Messages.text("registry.template.note-2"),
                Messages.text("registry.template.note-3"),
                Messages.text("registry.template.note-4"),
                Messages.text("registry.template.note-5"))) {
            notes.inlineString(r++, 0, line);
        }
    }

    private static void header(Worksheet sheet, List<String> titles) {
        for (int c = 0; c < titles.size(); c++) {
            sheet.inlineString(0, c, titles.get(c));
        }
        sheet.range(0, 0, 0, titles.size() - 1).style().bold().fillColor(HEADER_FILL).set();
    }

    private static <E> List<String> labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).toList();
    }

    static Rejected rejected(OutputStream out) {
        return new Rejected(out);
    }

    /** The rejected-rows workbook, written a row at a time: the original cells, then 行号 and 错误原因. */
    static final class Rejected implements Closeable {

        private final Workbook wb;
        private final Worksheet sheet;
        private int next = 1;

        private Rejected(OutputStream out) {
            wb = new Workbook(out, APP, "1.0");
            sheet = wb.newWorksheet(RosterSheet.SHEET_NAME);
            List<String> titles = new java.util.ArrayList<>(RosterColumn.ALL.stream().map(RosterColumn::title).toList());
            titles.add(Messages.text("registry.rejected.row-number"));
            titles.add(Messages.text("registry.rejected.reason"));
            header(sheet, titles);
            for (RosterColumn column : RosterColumn.ALL) {
                sheet.width(column.index(), column.width());
                if (TEXT_COLUMNS.contains(column)) {
                    sheet.style(column.index()).format("@").set();
                }
            }
            sheet.width(RosterColumn.ALL.size() + 1, 80);
        }

        void add(StagedRow row) {
            int c = 0;
            for (String cell : row.cells()) {
                sheet.inlineString(next, c++, SafeText.of(cell));
            }
            sheet.inlineString(next, RosterColumn.ALL.size(), String.valueOf(row.number()));
            sheet.inlineString(next, RosterColumn.ALL.size() + 1,
                    SafeText.of(row.reasons().stream().map(Reason::text).collect(Collectors.joining("；"))));
            if (next++ % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            wb.finish();
        }
    }
}
