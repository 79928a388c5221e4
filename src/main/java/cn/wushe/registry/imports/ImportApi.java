package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;
import java.util.HexFormat;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import java.io.UncheckedIOException;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.imports.ImportJob.Counts;
import cn.wushe.registry.imports.ImportRows.Difference;
import cn.wushe.registry.imports.ImportRows.Reason;
import cn.wushe.registry.imports.ImportRows.StagedRow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster imports over the API (/api/v1/people/imports): upload (honouring Idempotency-Key), poll
 * the job, read its rows (reasons and masked differences, never the cells), commit or discard.
 */
@RestController
@RequestMapping("/api/v1/people/imports")
class ImportApi {

    private final ImportingRoster importing;

    private final Idempotency idempotency;

    ImportApi(ImportingRoster importing, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.importing = importing;
    }

    /** A job as the API shows it; {@code links} name what may be done next. */
    record JobView(UUID id, String fileName, String status, String statusLabel, Counts counts, int progress, int percent,
            @Nullable String error, Instant createdAt, @Nullable Instant finishedAt) {

        static JobView of(ImportJob job) {
            return new JobView(job.id(), job.fileName(), job.status().name(), job.status().label(), job.counts(),
                    job.progress(), job.percent(), job.error(), job.createdAt(), job.finishedAt());
        }
    }

    record RowView(int row, String outcome, List<Reason> reasons, List<Difference> differences) {

        static RowView of(StagedRow row) {
            return new RowView(row.number(), row.outcome().name(), row.reasons(), row.diff());
        }
    }

    @PostMapping(consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    ResponseEntity<JobView> upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", Messages.text("registry.import.file-field-missing"));
        }
        return idempotency.once(idempotencyKey, "POST /api/v1/people/imports",
                List.of(String.valueOf(file.getOriginalFilename()), sha256(file)), JobView.class, () -> {
                    try (InputStream in = file.getInputStream()) {
                        ImportJob job = importing.start(CurrentActor.get(), file.getOriginalFilename(), in);
                        return ResponseEntity.accepted().location(URI.create("/api/v1/people/imports/" + job.id()))
                                .cacheControl(CacheControl.noStore()).body(JobView.of(job));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static String sha256(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    ResponseEntity<JobView> job(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(JobView.of(importing.job(CurrentActor.get(), id)));
    }

    @GetMapping("/{id}/rows")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    ResponseEntity<List<RowView>> rows(@PathVariable UUID id, @RequestParam(required = false) @Nullable RowOutcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw DomainException.invalid("size", Messages.text("registry.import.page-invalid"));
        }
        List<RowView> rows = importing.rows(CurrentActor.get(), id, outcome, page, size).stream().map(RowView::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rows);
    }

    @PostMapping("/{id}/commit")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    ResponseEntity<JobView> commit(@PathVariable UUID id) {
        importing.commit(CurrentActor.get(), id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(JobView.of(importing.job(CurrentActor.get(), id)));
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    ResponseEntity<Void> discard(@PathVariable UUID id) {
        importing.discard(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }
}
