package cn.wushe.audit.web;

import cn.wushe.audit.internal.AuditVerification.ChainReport;
import cn.wushe.audit.internal.AuditVerification.Report;
import cn.wushe.audit.internal.AuditVerification.Tampered;
import cn.wushe.audit.internal.AuditEntry;
import cn.wushe.platform.Page;
import cn.wushe.audit.internal.AuditReading;
import cn.wushe.audit.internal.VerificationText;
import cn.wushe.platform.ClockConfiguration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for audit admins' tools. Anyone without {@code AUDIT_READ} gets 404, as if the
 * log did not exist (security.md check 28); {@link AuditReading} decides and records the attempt.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    static final int DEFAULT_SIZE = 50;

    private final AuditReading reading;

    AuditApiController(AuditReading reading) {
        this.reading = reading;
    }

    /** Entries newest first, filtered; {@code total} counts all matches within the auditor's scope. */
    @GetMapping("/entries")
    @PreAuthorize("isAuthenticated()")
    EntriesResponse entries(@ParameterObject @ModelAttribute EntryQuery query) {
        reading.auditor(AuditReading.QUERY);
        EntryQuery.Checked checked = query.checked(DEFAULT_SIZE);
        Page<AuditEntry> page = reading.search(checked.filter(), checked.page(), checked.size());
        return new EntriesResponse(page.count(), page.page(), page.size(),
                page.items().stream().map(EntryResponse::of).toList());
    }

    /** Recomputes every hash chain and reports, per chain, the first entry that does not verify. */
    @PostMapping("/verify")
    @PreAuthorize("isAuthenticated()")
    VerificationResponse verify() {
        return VerificationResponse.of(reading.verify());
    }

    record EntriesResponse(long total, int page, int size, List<EntryResponse> items) {
    }

    /** @param occurredAt Beijing time with its offset */
    record EntryResponse(long id, String chain, int lane, long seq, OffsetDateTime occurredAt, @Nullable UUID actorId,
            @Nullable String actorName, List<String> actorRoles, List<String> actorScope, String action,
            @Nullable String objectType, @Nullable String objectId, @Nullable String objectRegion, String outcome,
            @Nullable String clientIp, @Nullable String requestId, @Nullable String reason, @Nullable String detail) {

        static EntryResponse of(AuditEntry e) {
            return new EntryResponse(e.id(), e.chain(), e.lane(), e.seq(), e.occurredAt().atZone(ClockConfiguration.ZONE)
                    .toOffsetDateTime(), e.actorId(), e.actorName(), e.actorRoles(), e.actorScope(), e.action(),
                    e.objectType(), e.objectId(), e.objectRegion(), e.outcome().name(), e.clientIp(), e.requestId(),
                    e.reason(), e.detail());
        }
    }

    /** @param message the result in one Chinese sentence */
    record VerificationResponse(boolean intact, String message, long entriesChecked, int chainsChecked,
            List<ChainResponse> chains) {

        static VerificationResponse of(Report report) {
            return new VerificationResponse(report.intact(), VerificationText.summary(report),
                    report.entriesChecked(), report.chainsChecked(), report.chains().stream().map(ChainResponse::of).toList());
        }
    }

    /**
     * One lane of a chain.
     *
     * @param firstTampered {@code null} when the lane is intact
     */
    record ChainResponse(String chain, int lane, boolean intact, long entries, long headSeq, @Nullable String headHash,
            @Nullable TamperedResponse firstTampered) {

        static ChainResponse of(ChainReport c) {
            Tampered t = c.firstTampered();
            return new ChainResponse(c.chain(), c.lane(), c.intact(), c.entries(), c.headSeq(), c.headHash(),
                    t == null ? null : new TamperedResponse(t.seq(), t.id(), t.kind().name(), t.problem()));
        }
    }

    /** @param id {@code null} when an entry is missing */
    record TamperedResponse(long seq, @Nullable Long id, String kind, String problem) {
    }
}
