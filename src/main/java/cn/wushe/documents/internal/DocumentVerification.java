package cn.wushe.documents.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public page says about a scanned link: genuine, expired, revoked, or forged (a wrong
 * signature, or a serial never issued). Every answer is audited ({@code DOCUMENT_VERIFY}, the
 * state in the detail), so a county sees how often its documents are checked and forged ones tried.
 */
@Service
public class DocumentVerification {

    public enum State { GENUINE, EXPIRED, REVOKED, FORGED }

    /** The answer; the claims are absent for a forged link. */
    public record Verification(State state, @Nullable String serial, @Nullable String kindLabel,
            @Nullable PublicClaims claims, @Nullable LocalDate issuedOn, @Nullable LocalDate revokedOn) {

        static Verification forged() {
            return new Verification(State.FORGED, null, null, null, null, null);
        }
    }

    private final Serials serials;
    private final IssuedDocuments issued;
    private final AuditLog audit;
    private final Clock clock;

    DocumentVerification(Serials serials, IssuedDocuments issued, AuditLog audit, Clock clock) {
        this.serials = serials;
        this.issued = issued;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Verification verify(String token) {
        Optional<IssuedDocuments.Issued> found = serials.verifiedSerial(token).flatMap(issued::bySignedSerial);
        if (found.isEmpty()) {
            audit.record(new AuditEvent("DOCUMENT_VERIFY", "DOCUMENT", Serials.claimedSerial(token).orElse(null), null,
                    AuditEvent.Outcome.FAILURE, null, State.FORGED.name(), publicName()));
            return Verification.forged();
        }
        IssuedDocuments.Issued document = found.get();
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
        State state = document.revokedAt() != null ? State.REVOKED
                : document.claims().validUntil() != null && today.isAfter(document.claims().validUntil()) ? State.EXPIRED
                : State.GENUINE;
        audit.record(new AuditEvent("DOCUMENT_VERIFY", "DOCUMENT", document.serial(), document.regionCode(),
                state == State.GENUINE ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE, null, state.name(),
                publicName()));
        return new Verification(state, document.serial(), DocumentKind.labelOf(document.kind()), document.claims(),
                day(document.issuedAt()), document.revokedAt() == null ? null : day(document.revokedAt()));
    }

    /** A signed-in user who scans is named in the entry; anyone else is "the public". */
    private static @Nullable String publicName() {
        return CurrentActor.find().isPresent() ? null : Messages.text("documents.audit.public");
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ClockConfiguration.ZONE);
    }
}
