package cn.wushe.region.imports;

import cn.wushe.platform.Messages;
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
            throw new RegionImportException(name, 0, Messages.text("region.import.file-unreadable", name, e.getMessage()));
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
                        lineOf(file, d.ctid()), Messages.text("region.import.duplicate-code", d.code()))));
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
            case "code" -> Messages.text("region.import.code-length", file.digits(), code == null ? "" : code);
            case "empty-name" -> Messages.text("region.import.empty-name");
            case "long-name" -> Messages.text("region.import.long-name");
            case "parent-prefix" -> Messages.text("region.import.parent-prefix", code);
            case "parent" -> Messages.text("region.import.parent-missing", Objects.requireNonNull(file.parentFile()).fileName());
            default -> problem;
        };
    }

    private static String lineMessage(String fileName, long line, String problem) {
        return Messages.text("region.import.line", fileName, line, problem);
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
                line > 0 ? lineMessage(fileName, line, problem) : Messages.text("region.import.format", fileName, problem));
    }

    /** PostgreSQL's COPY messages, in the words a person fixing the file needs. */
    private static String csvProblem(String detail) {
        if (detail.startsWith("extra data after last expected column")) {
            return Messages.text("region.import.csv.extra-columns");
        }
        if (detail.startsWith("missing data for column")) {
            return Messages.text("region.import.csv.missing-columns");
        }
        if (detail.startsWith("unterminated CSV quoted field")) {
            // PostgreSQL notices at the end of the file; the quote was opened on an earlier line
            return Messages.text("region.import.csv.unterminated-quote");
        }
        Matcher header = HEADER_FIELD.matcher(detail);
        if (header.find()) {
            return Messages.text("region.import.csv.header-column", header.group(1), header.group(3), header.group(2));
        }
        if (detail.contains("header")) {
            return Messages.text("region.import.csv.header", detail);
        }
        if (detail.startsWith("invalid byte sequence")) {
            return Messages.text("region.import.csv.not-utf8");
        }
        return Messages.text("region.import.csv.other", detail);
    }
}
