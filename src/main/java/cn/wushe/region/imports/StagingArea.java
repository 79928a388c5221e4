package cn.wushe.region.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Temporary tables (dropped at commit) into which the files are COPied as text, one per file, and
 * the checks that run on them before anything reaches {@code region.regions}. All columns are
 * text, so COPY itself fails only on a broken CSV line.
 */
final class StagingArea {

    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");
    private static final Pattern HEADER_FIELD = Pattern.compile("field (\\d+): got \"(.*)\", expected \"(.*)\"");

    private final JdbcClient jdbc;
    private final CopyManager copy;

    StagingArea(JdbcClient jdbc, CopyManager copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    /** Streams one file into its staging table; a broken CSV line stops with its line number. */
    int load(TreeFile file, RegionFiles files) {
        String table = file.stagingTable();
        jdbc.sql("drop table if exists " + table).update();
        jdbc.sql("create temp table " + table + " (" + file.columnDefinitions() + ") on commit drop").update();
        String name = files.nameOf(file);
        try (InputStream csv = files.openCsv(file)) {
            // "header match": line 1 must name the columns in this order, so swapped columns are refused
            return (int) copy.copyIn("copy " + table + " (" + file.columnList()
                    + ") from stdin with (format csv, header match, encoding 'UTF8')", csv);
        } catch (PSQLException e) {
            throw brokenLine(name, e);
        } catch (SQLException | IOException e) {
            throw new RegionImportException(name, 0, "区划文件 " + name + " 无法读取：" + e.getMessage());
        }
    }

    /**
     * The first line that breaks a rule, if any: code not of this level's digits, name empty or
     * longer than 100 characters, parent code not the code's own prefix or not in the level above.
     * One pass of cheap tests (a regular expression per row would double the time).
     */
    Optional<RegionImportException> firstInvalidLine(TreeFile file, String fileName) {
        TreeFile parent = file.parentFile();
        String parentColumn = parent == null ? null : '"' + file.parentColumn() + '"';
        String parentJoin = parent == null ? ""
                : " left join " + parent.stagingTable() + " p on p.code = s." + parentColumn;
        String sql = """
                select ctid, code, problem from (
                  select s.ctid, s.code,
                    case
                      when s.code is null or octet_length(s.code) <> %1$d or ltrim(s.code, '0123456789') <> '' then 'code'
                      when s.name is null or btrim(s.name) = '' then 'empty-name'
                      when char_length(btrim(s.name)) > 100 then 'long-name'
                      when %2$s then 'parent-prefix'
                      when %3$s then 'parent'
                    end as problem
                  from %4$s s%5$s
                ) checked
                where problem is not null
                order by ctid
                limit 1
                """.formatted(file.digits(),
                parent == null ? "false" : "s." + parentColumn + " is distinct from left(s.code, " + parent.digits() + ")",
                parent == null ? "false" : "p.code is null", file.stagingTable(), parentJoin);
        record Bad(String ctid, @Nullable String code, String problem) {
        }
        return jdbc.sql(sql)
                .query((rs, i) -> new Bad(rs.getString("ctid"), rs.getString("code"), rs.getString("problem")))
                .optional()
                .map(bad -> new RegionImportException(fileName, lineOf(file, bad.ctid()),
                        lineMessage(fileName, lineOf(file, bad.ctid()), problemText(bad.problem(), file, bad.code()))));
    }

    /** The first line repeating the code of an earlier line, if any. */
    Optional<RegionImportException> firstDuplicate(TreeFile file, String fileName) {
        String table = file.stagingTable();
        // a hash aggregate answers "any?" in a third of the time of the sort that finds the first
        boolean any = jdbc.sql("select exists (select 1 from " + table + " group by code having count(*) > 1)")
                .query(Boolean.class).single();
        if (!any) {
            return Optional.empty();
        }
        record Duplicate(String ctid, String code) {
        }
        return jdbc.sql("""
                select ctid, code from (
                  select ctid, code, row_number() over (partition by code order by ctid) as nth from %s
                ) numbered where nth > 1 order by ctid limit 1
                """.formatted(table))
                .query((rs, i) -> new Duplicate(rs.getString("ctid"), rs.getString("code")))
                .optional()
                .map(d -> new RegionImportException(fileName, lineOf(file, d.ctid()), lineMessage(fileName,
                        lineOf(file, d.ctid()), "代码 " + d.code() + " 与前面的行重复")));
    }

    /**
     * The line in the file of a staged row. A temporary table created in this transaction and filled
     * by a single COPY holds its rows in file order, so the row's position is its record number;
     * computed only for an error message (numbering every row while copying costs a third more).
     * Line 1 is the header.
     */
    private long lineOf(TreeFile file, String ctid) {
        return jdbc.sql("select count(*) + 2 from " + file.stagingTable() + " where ctid < cast(:ctid as tid)")
                .param("ctid", ctid).query(Long.class).single();
    }

    private static String problemText(String problem, TreeFile file, @Nullable String code) {
        return switch (problem) {
            case "code" -> "代码应为 " + file.digits() + " 位数字（实际为“" + (code == null ? "" : code) + "”）";
            case "empty-name" -> "名称为空";
            case "long-name" -> "名称超过 100 个字";
            case "parent-prefix" -> "上级代码与代码 " + code + " 的前几位不一致";
            case "parent" -> "上级代码不存在于 " + Objects.requireNonNull(file.parentFile()).fileName();
            default -> problem;
        };
    }

    private static String lineMessage(String fileName, long line, String problem) {
        return "区划文件 " + fileName + " 第 " + line + " 行：" + problem;
    }

    private static RegionImportException brokenLine(String fileName, PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        String where = server == null ? null : server.getWhere();
        long line = 0;
        if (where != null) {
            Matcher m = COPY_LINE.matcher(where);
            if (m.find()) {
                line = Long.parseLong(m.group(1));
            }
        }
        String detail = server == null || server.getMessage() == null ? String.valueOf(e.getMessage()) : server.getMessage();
        String problem = csvProblem(detail);
        return new RegionImportException(fileName, line,
                line > 0 ? lineMessage(fileName, line, problem) : "区划文件 " + fileName + " 格式错误：" + problem);
    }

    /** PostgreSQL's COPY messages, in the words a person fixing the file needs. */
    private static String csvProblem(String detail) {
        if (detail.startsWith("extra data after last expected column")) {
            return "列数多于表头";
        }
        if (detail.startsWith("missing data for column")) {
            return "列数少于表头";
        }
        if (detail.startsWith("unterminated CSV quoted field")) {
            // PostgreSQL notices at the end of the file; the quote was opened on an earlier line
            return "引号未闭合（读到文件末尾仍未闭合，请检查此前各行）";
        }
        Matcher header = HEADER_FIELD.matcher(detail);
        if (header.find()) {
            return "表头第 " + header.group(1) + " 列应为“" + header.group(3) + "”，实际为“" + header.group(2) + "”";
        }
        if (detail.contains("header")) {
            return "表头应为 " + detail;
        }
        if (detail.startsWith("invalid byte sequence")) {
            return "不是有效的 UTF-8 文本";
        }
        return "CSV 格式错误（" + detail + "）";
    }
}
