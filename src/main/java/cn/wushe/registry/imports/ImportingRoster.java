package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;
import cn.wushe.platform.files.RejectedFile;
import cn.wushe.platform.files.UploadGuard;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.internal.ImportedIds;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.PreparedPeople;
import cn.wushe.registry.internal.RosterUpserts;
import cn.wushe.registry.imports.ImportJob.Counts;
import cn.wushe.registry.imports.ImportRows.StagedRow;
import cn.wushe.registry.imports.RosterRowParser.ParsedRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roster import use case (花名册导入): take an upload (guarded, then checked in the
 * background), show the owner where it stands, and on their word import every valid row in one
 * transaction — registering new people and revising known ones through {@link RosterUpserts}
 * — or import nothing. A job exists only for its owner: anyone else gets 404.
 */
@Service
class ImportingRoster {

    private static final int PAGE = 1000;

    private final UploadGuard guard;
    private final ImportLimits limits;
    private final CheckingRoster checking;
    private final ImportJobs jobs;
    private final ImportRows rows;
    private final RosterRowParser parser;
    private final RosterUpserts upserts;
    private final PreparedPeople prepared;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportingRoster(ImportLimits limits, CheckingRoster checking, ImportJobs jobs, ImportRows rows, RosterRowParser parser,
            RosterUpserts upserts, PreparedPeople prepared, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.prepared = prepared;
        this.guard = new UploadGuard(limits.upload());
        this.limits = limits;
        this.checking = checking;
        this.jobs = jobs;
        this.rows = rows;
        this.parser = parser;
        this.upserts = upserts;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Accepts an upload (a retry under the same Idempotency-Key is answered by the platform's
     * {@code Idempotency} before it gets here). The file is refused as a whole (with the reason) before a job exists when it
     * is too large, not an .xlsx, a zip bomb, carries a DOCTYPE, has a foreign header or no data rows.
     */
    ImportJob start(Actor actor, @Nullable String fileName, InputStream content) throws IOException {
        Files.createDirectories(limits.uploadDir());
        Path file = Files.createTempFile(limits.uploadDir(), "roster-", ".xlsx");
        boolean handedOver = false;
        try {
            String sha256 = copyCapped(content, file);
            UploadGuard.Inspection inspection = guard.inspect(file);
            requireDataRows(file);
            ImportJob job = new ImportJob(UUID.randomUUID(), actor.id(), countyOf(actor), displayName(fileName), sha256,
                    ImportStatus.VALIDATING, Counts.NONE, inspection.sheetRows(), 0, null, clock.instant(), null);
            jobs.create(job);
            checking.start(job.id(), file, actor);
            handedOver = true;
            return job;
        } finally {
            if (!handedOver) {
                CheckingRoster.deleteQuietly(file);
            }
        }
    }

    ImportJob job(Actor actor, UUID id) {
        return jobs.findForOwner(id, actor.id()).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.import")));
    }

    List<ImportJob> recent(Actor actor) {
        return jobs.recentOfOwner(actor.id(), 10);
    }

    List<StagedRow> rows(Actor actor, UUID id, @Nullable RowOutcome outcome, int page, int size) {
        job(actor, id);
        return rows.page(id, outcome, page * size, size);
    }

    /**
     * Imports every valid row in one transaction, in file order (heads of household before their
     * members); either all are written and the job is DONE, or none and the job stays READY.
     *
     * @throws DomainException 409 when the job is not READY, or when the registry changed since the
     *                         check so that a row can no longer be imported as previewed
     */
    Counts commit(Actor actor, UUID id) {
        ImportJob job = job(actor, id);
        if (job.status() != ImportStatus.READY || !jobs.beginCommit(id)) {
            throw DomainException.conflict(ProblemType.IMPORT_NOT_READY, "status",
                    Messages.text("registry.import.cannot-commit", job.status().label()));
        }
        try {
            return transaction.execute(status -> write(job, actor));
        } catch (RuntimeException e) {
            jobs.abandonCommit(id, e instanceof DomainException ? e.getMessage() : Messages.text("registry.import.commit-failed"));
            throw e;
        }
    }

    void discard(Actor actor, UUID id) {
        ImportJob job = job(actor, id);
        if (!jobs.discard(id, clock.instant())) {
            throw DomainException.conflict(ProblemType.IMPORT_NOT_READY, "status",
                    Messages.text("registry.import.cannot-discard", job.status().label()));
        }
        rows.deleteAll(id);
    }

    /** The rejected rows as a workbook: the original cells and a 错误原因 column. */
    void writeRejected(Actor actor, UUID id, OutputStream out) throws IOException {
        ImportJob job = job(actor, id);
        if (job.status() == ImportStatus.VALIDATING || job.status() == ImportStatus.FAILED) {
            throw DomainException.conflict(ProblemType.IMPORT_NOT_READY, "status", Messages.text("registry.import.not-checked-yet"));
        }
        try (RosterWorkbooks.Rejected sheet = RosterWorkbooks.rejected(out)) {
            rows.each(id, false, sheet::add);
        }
    }

    /**
     * Two passes in file order: first everyone whose household starts with them (heads), then the
     * members of households, so a member's head is written whatever batch it fell into.
     */
    private Counts write(ImportJob job, Actor actor) {
        String how = Messages.text("registry.import.registered-how", job.fileName());
        prepared.firstChanged(job.id(), actor).ifPresent(c -> {
            throw changed(c.rowNumber(), c.why());
        });
        ImportedIds imported = new ImportedIds();
        int registered = prepared.register(job.id(), actor, how, clock.instant(), imported);
        Counts counts = new Counts(registered, registered, 0, registered, 0, 0);
        boolean anyMembers = false;
        for (boolean members : new boolean[] {false, true}) {
            if (members && !anyMembers) {
                break; // a roster of heads only needs no second read of its staged rows
            }
            int after = 0;
            List<StagedRow> page;
            do {
                page = rows.pageAfter(job.id(), true, true, after, PAGE);
                List<StagedRow> batch = new ArrayList<>();
                List<PersonDraft> drafts = new ArrayList<>();
                for (StagedRow row : page) {
                    after = row.number();
                    ParsedRow parsed = parser.parse(row.cells());
                    anyMembers |= parsed.headIdNumber() != null;
                    if ((parsed.headIdNumber() != null) == members) {
                        batch.add(row);
                        drafts.add(members ? inHeadsHousehold(row, parsed) : parsed.draft());
                    }
                }
                counts = write(batch, drafts, actor, how, counts, imported);
            } while (page.size() == PAGE);
        }
        prepared.discard(job.id());
        counts = new Counts(job.counts().total(), counts.valid(), job.counts().rejected(), counts.created(), counts.updated(),
                counts.unchanged());
        audit.record(AuditEvent.success("PERSON_IMPORT", "IMPORT_JOB", job.id().toString(), job.countyCode())
                .withDetail(counts.summary() + ",file=" + job.fileSha256().substring(0, 16)));
        if (!jobs.finishCommit(job.id(), counts, clock.instant())) {
            throw DomainException.conflict(ProblemType.IMPORT_NOT_READY, "status", Messages.text("registry.import.already-finished"));
        }
        // stored with the commit, delivered after it: a failed import publishes nothing
        imported.events(job.id()).forEach(events::publishEvent);
        return counts;
    }

    private Counts write(List<StagedRow> batch, List<PersonDraft> drafts, Actor actor, String how, Counts counts,
            ImportedIds imported) {
        if (batch.isEmpty()) {
            return counts;
        }
        List<RosterUpserts.Written> written;
        try {
            written = upserts.write(drafts, actor, how, imported);
        } catch (RosterUpserts.NotAsPreviewed e) {
            throw changed(batch.get(e.index()).number(), e.getMessage());
        }
        for (RosterUpserts.Written w : written) {
            counts = counts.plus(RowOutcome.valueOf(w.name()));
        }
        return counts;
    }

    private PersonDraft inHeadsHousehold(StagedRow row, ParsedRow parsed) {
        PersonDraft d = parsed.draft();
        HouseholdId household = upserts.householdOf(parsed.headIdNumber(), d.communityCode().substring(0, 6))
                .orElseThrow(() -> changed(row.number(), Messages.text("registry.import.head-not-registered")));
        return d.withHousehold(household.value(), d.relationToHead());
    }

    private static DomainException changed(int rowNumber, String why) {
        return DomainException.conflict(ProblemType.IMPORT_CHANGED, "row",
                Messages.text("registry.import.changed-since-check", rowNumber, why));
    }

    private void requireDataRows(Path file) throws IOException {
        try (RosterSheet sheet = RosterSheet.open(file); Stream<RosterSheet.SheetRow> data = sheet.rows()) {
            if (data.findFirst().isEmpty()) {
                throw new RosterFileException(Messages.text("registry.import.no-data-rows", sheet.sheetName()));
            }
        } catch (RuntimeException e) {
            if (e instanceof RejectedFile) {
                throw e;
            }
            throw new RosterFileException(Messages.text("registry.import.sheet-unreadable"));
        }
    }

    private String copyCapped(InputStream content, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxUploadBytes()) {
                    throw RejectedFile.tooLarge(limits.maxUploadBytes());
                }
                out.write(buffer, 0, n);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String displayName(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return Messages.text("registry.import.unnamed-file");
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.length() > 100 ? base.substring(0, 100) : base;
    }

    /** The county the job is filed under: the importer's first import scope. */
    private static String countyOf(Actor actor) {
        List<RegionScope> scopes = actor.scopesFor(Permission.PERSON_IMPORT);
        if (scopes.isEmpty()) {
            throw DomainException.forbidden(Messages.text("registry.forbidden.import"));
        }
        String code = scopes.get(0).code();
        return (code + "000000").substring(0, 6);
    }
}
