package cn.wushe.registry.internal;

import cn.wushe.platform.Text;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.registry.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resident's request to correct their record (更正申请), as the community worker handles it: open
 * until accepted (the record was corrected) or rejected with a reason, and then no longer changed.
 */
public final class Correction {

    /** Where a request stands; only an OPEN one may be handled. */
    public enum Status {
        OPEN, DONE, REJECTED;

        /** 待处理, 已更正 or 未采纳, as the resident reads it. */
        public String label() {
            return Messages.text("registry.correction.status." + name());
        }
    }

    /** The worker accepted the request (and corrected the record through the ordinary edit). */
    public record CorrectionAccepted(UUID requestId, PersonId person, String regionCode) {
    }

    /** The worker rejected the request, saying why. */
    public record CorrectionRejected(UUID requestId, PersonId person, String regionCode) {
    }

    static final int NOTE_MAX = SelfService.PROPOSAL_MAX;

    private final UUID id;
    private final PersonId person;
    private final String regionCode;
    private final int version;
    private Status status;
    private @Nullable UUID handledBy;
    private @Nullable Instant handledAt;
    private @Nullable String handlingNote;
    private final List<Object> events = new ArrayList<>();

    private Correction(UUID id, PersonId person, String regionCode, Status status, int version) {
        this.id = Objects.requireNonNull(id);
        this.person = Objects.requireNonNull(person);
        this.regionCode = Objects.requireNonNull(regionCode);
        this.status = Objects.requireNonNull(status);
        this.version = version;
    }

    /** As stored; for the repository only. */
    static Correction restore(UUID id, PersonId person, String regionCode, Status status, int version) {
        return new Correction(id, person, regionCode, status, version);
    }

    /** The record was corrected as asked; {@code note} (optional) tells the resident what was done. */
    public void accept(UUID by, @Nullable String note, Instant now) {
        handle(Status.DONE, by, checkedNote(note), now);
        events.add(new CorrectionAccepted(id, person, regionCode));
    }

    /** The request is refused; the resident is told {@code reason}, which is required. */
    public void reject(UUID by, @Nullable String reason, Instant now) {
        String why = checkedNote(reason);
        if (why == null) {
            throw DomainException.invalid("note", Messages.text("registry.correction.reason-missing"));
        }
        handle(Status.REJECTED, by, why, now);
        events.add(new CorrectionRejected(id, person, regionCode));
    }

    private void handle(Status outcome, UUID by, @Nullable String note, Instant now) {
        if (status != Status.OPEN) {
            throw DomainException.conflict(ProblemType.CORRECTION_HANDLED, "status",
                    Messages.text(status == Status.DONE ? "registry.correction.already-accepted" : "registry.correction.already-rejected"));
        }
        status = outcome;
        handledBy = by;
        handledAt = now;
        handlingNote = note;
    }

    private static @Nullable String checkedNote(@Nullable String note) {
        String text = Text.trimToNull(note);
        if (text != null && text.codePointCount(0, text.length()) > NOTE_MAX) {
            throw DomainException.invalid("note", Messages.text("registry.correction.note-too-long", NOTE_MAX));
        }
        return text;
    }

    /** The events of the transitions so far, handed over once. */
    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    public UUID id() {
        return id;
    }

    public PersonId person() {
        return person;
    }

    public String regionCode() {
        return regionCode;
    }

    public Status status() {
        return status;
    }

    public int version() {
        return version;
    }

    @Nullable UUID handledBy() {
        return handledBy;
    }

    @Nullable Instant handledAt() {
        return handledAt;
    }

    @Nullable String handlingNote() {
        return handlingNote;
    }
}
