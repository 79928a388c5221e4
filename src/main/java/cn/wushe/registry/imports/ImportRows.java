package cn.wushe.registry.imports;

import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.db.CopyIn;
import cn.wushe.registry.internal.PreparedPeople;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked rows of an import job. A row's original cells contain identity numbers and are kept
 * only encrypted (FieldCipher, as JSON); the reasons and the masked differences are kept as JSON
 * so the preview and the rejected-rows workbook need no second pass over the file.
 */
@Repository
class ImportRows {

    private static final TypeReference<List<String>> CELLS = new TypeReference<>() {
    };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Difference>> DIFF = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CopyIn copy;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final PreparedPeople prepared;

    ImportRows(JdbcClient jdbc, CopyIn copy, FieldCipher cipher, JsonMapper json, PreparedPeople prepared) {
        this.prepared = prepared;
        this.jdbc = jdbc;
        this.copy = copy;
        this.cipher = cipher;
        this.json = json;
    }

    /** Why a row cannot be imported, at which column: "C 列「证件号码」：…". */
    record Reason(String column, String header, String message) {

        String text() {
            return Messages.text("registry.column.reason", column, header, message);
        }
    }

    /** One field's change for an update, masked as in the person history. */
    record Difference(String field, String before, String after) {
    }

    /**
     * A checked row; {@code cells} are the original texts, one per template column (none for a new
     * person the check prepared, whose cells are not kept).
     */
    record StagedRow(int number, List<String> cells, RowOutcome outcome, List<Reason> reasons, List<Difference> diff) {
    }

    /**
     * Stores checked rows; the cells of the rows in {@code prepared} are not kept, as their new person
     * is staged whole by {@link PreparedPeople} and nothing reads those cells again.
     */
    void insert(UUID job, List<StagedRow> rows, Set<Integer> prepared) {
        StringBuilder lines = new StringBuilder(rows.size() * 200);
        for (StagedRow row : rows) {
            CopyIn.row(lines, job, row.number(),
                    prepared.contains(row.number()) ? null : cipher.encrypt(json.writeValueAsString(row.cells())),
                    row.outcome().name(),
                    row.reasons().isEmpty() ? null : json.writeValueAsString(row.reasons()),
                    row.diff().isEmpty() ? null : json.writeValueAsString(row.diff()));
        }
        copy.copy("registry.import_rows (job_id, row_number, row_enc, outcome, reasons, diff)", lines);
    }

    /** Rows of one outcome (all when {@code null}) in row order, a page at a time. */
    List<StagedRow> page(UUID job, @Nullable RowOutcome outcome, int offset, int limit) {
        return jdbc.sql("""
                select row_number, row_enc, outcome, reasons, diff from registry.import_rows
                where job_id = :job and (cast(:outcome as text) is null or outcome = :outcome)
                order by row_number limit :limit offset :offset""")
                .param("job", job).param("outcome", outcome == null ? null : outcome.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /**
     * The valid rows (or the rejected ones) after row {@code afterNumber}, in row order: keyset pages
     * for long jobs. "Valid" is written as "not rejected" so that PostgreSQL walks the primary key in
     * row order instead of gathering and sorting three outcomes for every page.
     */
    List<StagedRow> pageAfter(UUID job, boolean valid, int afterNumber, int limit) {
        return pageAfter(job, valid, false, afterNumber, limit);
    }

    /**
     * As {@link #pageAfter(UUID, boolean, int, int)}; with {@code unprepared}, only the rows whose
     * new person the check did not prepare ({@link PreparedPeople}): revisions and household members.
     */
    List<StagedRow> pageAfter(UUID job, boolean valid, boolean unprepared, int afterNumber, int limit) {
        return jdbc.sql("""
                select row_number, row_enc, outcome, reasons, diff from registry.import_rows r
                where job_id = :job and row_number > :after and (outcome = 'REJECTED') <> :valid
                  and not (:unprepared and exists (select 1 from registry.import_people s
                                                   where s.job_id = r.job_id and s.row_number = r.row_number))
                order by job_id, row_number limit :limit""")
                .param("job", job).param("valid", valid).param("unprepared", unprepared).param("after", afterNumber)
                .param("limit", limit)
                .query((rs, i) -> row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Every valid (or rejected) row in row order, a page at a time (a job may hold 200,000 rows). */
    void each(UUID job, boolean valid, Consumer<StagedRow> sink) {
        int after = 0;
        List<StagedRow> page;
        do {
            page = pageAfter(job, valid, after, 1000);
            for (StagedRow row : page) {
                sink.accept(row);
                after = row.number();
            }
        } while (page.size() == 1000);
    }

    void deleteAll(UUID job) {
        prepared.discard(job);
        jdbc.sql("delete from registry.import_rows where job_id = :job").param("job", job).update();
    }

    private StagedRow row(int number, @Nullable String enc, String outcome, @Nullable String reasons, @Nullable String diff) {
        return new StagedRow(number, enc == null ? List.of() : json.readValue(cipher.decrypt(enc), CELLS),
                RowOutcome.valueOf(outcome),
                reasons == null ? List.of() : json.readValue(reasons, REASONS),
                diff == null ? List.of() : json.readValue(diff, DIFF));
    }
}
