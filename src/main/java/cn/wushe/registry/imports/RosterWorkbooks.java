package cn.wushe.registry.imports;

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

    static final String APP = "五社联动";
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
        Worksheet notes = wb.newWorksheet("说明");
        Worksheet options = wb.newWorksheet("选项");
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
                    .errorTitle("请从下拉列表中选择").error("请选择列表中的值");
            optionColumn++;
        }
        options.setVisibilityState(VisibilityState.HIDDEN);
        writeNotes(notes);
        wb.finish();
    }

    private static List<String> example(String community) {
        String[] cells = new String[RosterColumn.ALL.size()];
        Arrays.fill(cells, "");
        cells[RosterColumn.NAME.index()] = RosterSheet.EXAMPLE_MARK + "：张三（本行不导入）";
        cells[RosterColumn.ID_TYPE.index()] = IdDocumentType.RESIDENT_ID.label();
        cells[RosterColumn.ID_NUMBER.index()] = "610527195001011234";
        cells[RosterColumn.PHONE.index()] = "13800000000";
        cells[RosterColumn.COMMUNITY.index()] = community;
        cells[RosterColumn.GRID.index()] = community + "001";
        cells[RosterColumn.ADDRESS.index()] = "幸福路 1 号 2 单元 301";
        cells[RosterColumn.CATEGORIES.index()] = "低保、残疾人";
        cells[RosterColumn.CATEGORY_START.index()] = "2024-01-01";
        cells[RosterColumn.CATEGORY_SOURCE.index()] = "县民政局";
        cells[RosterColumn.DISABILITY_TYPE.index()] = "肢体";
        cells[RosterColumn.DISABILITY_GRADE.index()] = "二级";
        cells[RosterColumn.INCOME.index()] = IncomeBand.BELOW_DIBAO.label();
        cells[RosterColumn.HEALTH.index()] = "高血压";
        cells[RosterColumn.OBLIGOR_NAME.index()] = "张小明";
        cells[RosterColumn.OBLIGOR_RELATION.index()] = "儿子";
        cells[RosterColumn.OBLIGOR_PHONE.index()] = "13900000000";
        return List.of(cells);
    }

    private static void writeNotes(Worksheet notes) {
        header(notes, List.of("列", "表头", "是否必填", "填写说明"));
        notes.width(0, 6);
        notes.width(1, 16);
        notes.width(2, 10);
        notes.width(3, 80);
        int r = 1;
        for (RosterColumn column : RosterColumn.ALL) {
            notes.inlineString(r, 0, column.letter());
            notes.inlineString(r, 1, column.header());
            notes.inlineString(r, 2, column.required() ? "必填" : "选填");
            notes.inlineString(r, 3, column.hint());
            r++;
        }
        r++;
        for (String line : List.of(
                "1. 在「" + RosterSheet.SHEET_NAME + "」工作表第 3 行起每行填写一人；第 2 行为示例，导入时跳过，可以保留。",
                "2. 不要修改第 1 行表头，不要增删或调换列。",
                "3. 已登记的人员（证件号码相同）会按本文件更新，不会重复登记；导入前会列出每人的变化供核对。",
                "4. 上传后系统逐行检查，之后可选择「导入有效行」或「全部不导入」；不通过的行可下载，按「错误原因」列修改后重新导入。",
                "5. 文件须为 .xlsx 格式，不超过 20 MB、20 万行。")) {
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
            titles.add("原行号");
            titles.add("错误原因");
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
