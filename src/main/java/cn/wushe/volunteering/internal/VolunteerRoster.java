package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.files.RejectedFile;
import cn.wushe.platform.files.UploadGuard;
import cn.wushe.platform.files.UploadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Service;

/**
 * 志愿者花名册导入: a worker uploads an .xlsx of the template's columns; the file passes the
 * platform's {@link UploadGuard} (size, type from the bytes, ZIP bomb, XXE, row cap) before any cell
 * is read, then every row is entered as {@link Volunteers#register} would (same checks, one
 * transaction per row, so a bad row spoils no other) and the report names each refused row and why.
 */
@Service
public class VolunteerRoster {

    /** The template's columns, in order. */
    static final List<String> COLUMNS = List.of("volunteering.roster.column.name", "volunteering.roster.column.id-number",
            "volunteering.roster.column.phone", "volunteering.roster.column.community", "volunteering.roster.column.skills",
            "volunteering.roster.column.availability", "volunteering.roster.column.backbone");
    static final int MAX_ROWS = 2000;
    private static final UploadLimits LIMITS = new UploadLimits(5L * 1024 * 1024, 50, 50L * 1024 * 1024, 100, MAX_ROWS);

    /** One refused row as Excel numbers it, with the name typed there and the reason. */
    public record RowProblem(int row, String name, String reason) {
    }

    public record Report(int imported, List<RowProblem> refused) {
    }

    private final Volunteers volunteers;
    private final AuditLog audit;
    private final UploadGuard guard = new UploadGuard(LIMITS);

    VolunteerRoster(Volunteers volunteers, AuditLog audit) {
        this.volunteers = volunteers;
        this.audit = audit;
    }

    /** The header titles, as the template writes and the import expects them. */
    public static List<String> headers() {
        return COLUMNS.stream().map(Messages::text).toList();
    }

    /** Imports the uploaded roster; a file refused as a whole writes nothing. */
    public Report importRoster(Actor actor, InputStream upload) {
        if (!actor.can(Permission.ACTIVITY_MANAGE)) {
            throw DomainException.forbidden(Messages.text("volunteering.volunteer.out-of-scope"));
        }
        Path file = null;
        try {
            file = Files.createTempFile("volunteer-roster", ".xlsx");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            guard.inspect(file);
            Report report = rows(actor, file);
            audit.record(AuditEvent.success("VOLUNTEER_IMPORT", "VOLUNTEER", null, null)
                    .withDetail(Messages.text("volunteering.roster.audit", report.imported(), report.refused().size())));
            return report;
        } catch (IOException e) {
            throw new RejectedFile(Messages.text("volunteering.roster.unreadable"));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up anyway
                }
            }
        }
    }

    private Report rows(Actor actor, Path file) throws IOException {
        int imported = 0;
        List<RowProblem> refused = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile()); Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = stream.iterator();
            if (!it.hasNext() || !header(cells(it.next())).equals(headers())) {
                throw new RejectedFile(Messages.text("volunteering.roster.header-mismatch", String.join("、", headers())));
            }
            while (it.hasNext()) {
                Row row = it.next();
                List<String> c = cells(row);
                if (c.stream().allMatch(String::isBlank)) {
                    continue;
                }
                List<String> skills = c.get(4).isBlank() ? List.of() : Arrays.stream(c.get(4).split("[、,，;；\\s]+")).toList();
                Volunteers.NewVolunteer input = new Volunteers.NewVolunteer(c.get(0), c.get(1), c.get(2), c.get(3), skills,
                        c.get(5), c.get(6).strip().equals(Messages.text("volunteering.roster.yes")), false, null);
                try {
                    volunteers.register(actor, input, "IMPORT");
                    imported++;
                } catch (DomainException e) {
                    String reason = e.fieldErrors().isEmpty() ? e.getMessage() : String.join("；", e.fieldErrors().values());
                    refused.add(new RowProblem(row.getRowNum(), c.get(0).length() > 50 ? c.get(0).substring(0, 50) : c.get(0), reason));
                }
            }
        } catch (ExcelReaderException e) {
            throw new RejectedFile(Messages.text("volunteering.roster.unreadable"));
        }
        return new Report(imported, refused);
    }

    private static List<String> header(List<String> cells) {
        return cells.stream().map(s -> s.replace("*", "").replaceAll("\\s", "")).toList();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        for (int i = 0; i < COLUMNS.size(); i++) {
            Cell cell = i < row.getCellCount() ? row.getCell(i) : null;
            cells.add(cell == null ? "" : text(cell));
        }
        return cells;
    }

    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal value = cell.asNumber();
                // more than 15 digits: Excel already lost some, so the number is refused as typed
                yield value == null ? "" : value.stripTrailingZeros().toPlainString();
            }
            case STRING, FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue().strip();
            default -> "";
        };
    }

    /** The template: the header, text-formatted number columns, and one note row. */
    public static void template(OutputStream out) {
        try {
            Workbook wb = new Workbook(out, Messages.text("volunteering.roster.application"), "1.0");
            Worksheet sheet = wb.newWorksheet(Messages.text("volunteering.roster.sheet"));
            List<String> headers = headers();
            for (int i = 0; i < headers.size(); i++) {
                sheet.inlineString(0, i, headers.get(i));
                sheet.width(i, i == 1 ? 22 : 14);
                sheet.style(i).format("@").set();
            }
            sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
            sheet.freezePane(0, 1);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
