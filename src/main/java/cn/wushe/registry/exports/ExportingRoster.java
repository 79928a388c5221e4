package cn.wushe.registry.exports;

import cn.wushe.platform.Messages;
import cn.wushe.platform.files.SafeText;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.registry.internal.CategoryTypes;
import cn.wushe.registry.internal.ExportedPerson;
import cn.wushe.platform.personal.Masking;
import cn.wushe.registry.internal.PersonFilter;
import cn.wushe.registry.internal.PersonLists;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the people list (导出 Excel) inside the exporter's PERSON_EXPORT scope, with the list's
 * filters, masked unless the exporter holds PII_UNMASK and states a reason. The workbook is
 * streamed to a temporary file first, the export is audited with its row count in the same
 * transaction, and only then is the file handed out; the file is deleted however it ends. Every
 * cell is a string cell guarded by {@link SafeText}; a watermark row names the exporter and time.
 */
@Service
public class ExportingRoster {

    static final int MIN_REASON = 4;
    static final List<String> HEADERS = List.of(Messages.text("registry.column.NAME"), Messages.text("registry.column.SEX"),
            Messages.text("registry.export.column.age"), Messages.text("registry.column.ID_TYPE"),
            Messages.text("registry.column.ID_NUMBER"), Messages.text("registry.column.PHONE"),
            Messages.text("registry.export.column.community-code"), Messages.text("registry.export.column.community"),
            Messages.text("registry.column.GRID"), Messages.text("registry.column.ADDRESS"),
            Messages.text("registry.column.RELATION"), Messages.text("registry.column.CATEGORIES"));
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PersonLists lists;
    private final CategoryTypes categoryTypes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExportPolicies policies;

    ExportingRoster(PersonLists lists, CategoryTypes categoryTypes, AuditLog audit, TransactionTemplate transaction, Clock clock,
            ExportPolicies policies) {
        this.lists = lists;
        this.categoryTypes = categoryTypes;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.policies = policies;
    }

    /** How the export is to be made: masked by default; unmasked needs PII_UNMASK and a reason. */
    public record Request(PersonFilter filter, boolean unmasked, @Nullable String reason) {
    }

    /**
     * Writes the workbook to {@code out}.
     *
     * @throws DomainException 403 when unmasking without PII_UNMASK, 400 when the reason is missing or short
     */
    public long export(Actor actor, Request request, OutputStream out) throws IOException {
        check(actor, request);
        String reason = request.reason() == null ? null : request.reason().strip();
        return throughFile(out, file -> write(actor, request.filter(), request.unmasked() ? Mode.FULL : Mode.MASKED, reason,
                null, file));
    }

    /**
     * The unmasked export of an approved request, in the transaction that marks it downloaded
     * ({@code claim} throws when it may not be, and then nothing is written).
     */
    long exportApproved(Actor actor, PersonFilter filter, String reason, java.util.UUID requestId, Runnable claim,
            OutputStream out) throws IOException {
        return throughFile(out, file -> {
            claim.run();
            return write(actor, filter, Mode.FULL, reason, requestId, file);
        });
    }

    /** Writes the workbook to a temporary file in one transaction, then hands it out; the file never outlives the call. */
    private long throughFile(OutputStream out, java.util.function.Function<Path, Long> inTransaction) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "wushe-exports");
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "export-", ".xlsx");
        try {
            Long rows = transaction.execute(status -> inTransaction.apply(file));
            Files.copy(file, out);
            return rows == null ? 0 : rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The visit list (走访名单): every row as the exporter's own screen shows it — name, phone and
     * address in clear where the screen shows them in clear (the worker's edit scope), masked
     * elsewhere; the identity number always masked, the age instead of the birth date. The purpose
     * is required, audited and printed in the watermark.
     *
     * @throws DomainException 400 when the purpose is missing, shorter than 4 characters or too long
     */
    public long exportAsOnScreen(Actor actor, PersonFilter filter, @Nullable String purpose, OutputStream out) throws IOException {
        String stated = checkAsOnScreen(purpose);
        return throughFile(out, file -> write(actor, filter, Mode.AS_ON_SCREEN, stated, null, file));
    }

    /** The purpose of a visit-list export, stripped; refused before anything is written. */
    public String checkAsOnScreen(@Nullable String purpose) {
        String stated = purpose == null ? "" : purpose.strip();
        if (stated.codePointCount(0, stated.length()) < MIN_REASON) {
            throw DomainException.invalid("purpose", Messages.text("registry.export.purpose-too-short", MIN_REASON));
        }
        if (stated.length() > 200) {
            throw DomainException.invalid("purpose", Messages.text("registry.export.reason-too-long"));
        }
        return stated;
    }

    /** How much each row discloses: all masked, as the exporter's screen shows it, or all in clear. */
    private enum Mode {
        MASKED, AS_ON_SCREEN, FULL
    }

    /**
     * Refuses an export the actor may not make, before anything is written: an unmasked one larger
     * than the county's approval size goes through {@link ExportApprovals} instead (409).
     */
    public void check(Actor actor, Request request) {
        checkReason(actor, request);
        if (request.unmasked()) {
            String county = countyOf(actor, request.filter());
            long rows = lists.countForExport(actor, request.filter());
            int threshold = policies.threshold(county);
            if (rows > threshold) {
                throw DomainException.conflict(ProblemType.EXPORT_NEEDS_APPROVAL, "reason",
                        Messages.text("registry.export.needs-approval", rows, threshold));
            }
        }
    }

    /** The unmasking permission and the reason of an unmasked export. */
    void checkReason(Actor actor, Request request) {
        String reason = request.reason() == null ? null : request.reason().strip();
        if (request.unmasked()) {
            if (!actor.can(Permission.PII_UNMASK)) {
                throw DomainException.forbidden(Messages.text("registry.forbidden.export-unmasked"));
            }
            if (reason == null || reason.codePointCount(0, reason.length()) < MIN_REASON) {
                throw DomainException.invalid("reason", Messages.text("registry.export.reason-too-short", MIN_REASON));
            }
            if (reason.length() > 200) {
                throw DomainException.invalid("reason", Messages.text("registry.export.reason-too-long"));
            }
        }
    }

    private long write(Actor actor, PersonFilter filter, Mode mode, @Nullable String reason, java.util.@Nullable UUID requestId,
            Path file) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), CHINA);
        long rows;
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, Messages.text("registry.workbook.application"), "1.0");
            Worksheet sheet = wb.newWorksheet(Messages.text("registry.roster.sheet-name"));
            sheet.inlineString(0, 0, SafeText.of(Messages.text("registry.export.banner", actor.displayName(), actor.username(),
                    now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                    switch (mode) {
                        case FULL -> Messages.text("registry.export.banner-unmasked", reason);
                        case AS_ON_SCREEN -> Messages.text("registry.export.banner-as-on-screen", reason);
                        case MASKED -> Messages.text("registry.export.banner-masked");
                    })));
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.inlineString(1, c, HEADERS.get(c));
                sheet.width(c, c == 9 ? 30 : c == 4 ? 22 : 14);
            }
            sheet.range(1, 0, 1, HEADERS.size() - 1).style().bold().fillColor("DDEBF7").set();
            LocalDate today = now.toLocalDate();
            int[] next = {2};
            rows = lists.forExport(actor, filter, person -> {
                List<String> cells = cells(person, mode, today);
                for (int c = 0; c < cells.size(); c++) {
                    sheet.inlineString(next[0], c, SafeText.of(cells.get(c)));
                }
                if (++next[0] % 1000 == 0) {
                    flush(sheet);
                }
            });
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEvent.success("PERSON_EXPORT", "PERSON", null,
                        filter.regionCode() != null ? filter.regionCode() : countyOf(actor))
                .withReason(mode == Mode.MASKED ? null : reason)
                .withDetail("rows=" + rows + ",masked=" + (mode == Mode.MASKED ? "true" : mode == Mode.FULL ? "false" : "as-on-screen")
                        + ",filter=" + describe(filter) + (requestId == null ? "" : ",request=" + requestId)));
        return rows;
    }

    private List<String> cells(ExportedPerson p, Mode mode, LocalDate today) {
        boolean unmasked = mode == Mode.FULL;
        boolean name = unmasked || mode == Mode.AS_ON_SCREEN && p.nameInClear();
        boolean contact = unmasked || mode == Mode.AS_ON_SCREEN && p.contactInClear();
        return List.of(name ? p.name() : Masking.name(p.name()), p.sex().label(),
                String.valueOf(Period.between(p.birthDate(), today).getYears()), p.idNumber().type().label(),
                unmasked ? p.idNumber().value() : p.idNumber().masked(),
                p.phone() == null ? "" : contact ? p.phone().digits() : p.phone().masked(), p.communityCode(),
                p.communityName() == null ? "" : p.communityName(), p.gridCode() == null ? "" : p.gridCode(),
                p.addressDetail() == null ? "" : contact ? p.addressDetail() : Masking.address(p.addressDetail()),
                p.relationToHead().label(),
                p.categories().stream().map(categoryTypes::nameOf).collect(Collectors.joining("、")));
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(PersonFilter f) {
        StringBuilder sb = new StringBuilder();
        append(sb, "region", f.regionCode());
        append(sb, "category", f.category());
        append(sb, "ageMin", f.ageMin());
        append(sb, "ageMax", f.ageMax());
        append(sb, "sex", f.sex());
        append(sb, "disability", f.disability());
        append(sb, "disabilityType", f.disabilityType());
        // a name filter is itself personal data: the log says only that there was one
        append(sb, "name", f.name() == null ? null : "*");
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static void append(StringBuilder sb, String key, @Nullable Object value) {
        if (value != null) {
            sb.append(sb.isEmpty() ? "" : ";").append(key).append(':').append(value);
        }
    }

    /** The county whose export policy applies: the filter's region's, else the exporter's own. */
    static String countyOf(Actor actor, PersonFilter filter) {
        return filter.regionCode() != null ? filter.regionCode().substring(0, 6) : countyOf(actor);
    }

    static String countyOf(Actor actor) {
        return actor.scopesFor(Permission.PERSON_EXPORT).stream().findFirst()
                .map(s -> (s.code() + "000000").substring(0, 6)).orElse("000000");
    }
}
