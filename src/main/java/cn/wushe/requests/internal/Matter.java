package cn.wushe.requests.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resident's matter (诉求/事项): it sits at one unit at a time, moves along the chain committee →
 * street office → county department by forwards and send-backs, is signed for by each receiver,
 * may be returned for materials once (一次告知, clock paused), and is closed, rated and reopened at
 * most once. Every transition checks its rule and says why it refuses; the caller writes the
 * timeline, the deadlines and the audit entry in the same transaction.
 */
public final class Matter {

    /** How long after closing a resident may rate; unrated never counts as satisfied. */
    public static final Duration RATING_WINDOW = Duration.ofDays(15);
    /** How long after closing an unsatisfied resident may reopen, once. */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);
    /** A rating at or below this is unsatisfied and lets the resident reopen. */
    public static final int UNSATISFIED_AT_MOST = 2;

    // identity and intake facts
    final String countyCode;
    final UUID id;
    /** Set by the intake's insert, which draws it from the county's sequence in the same statement. */
    String number;
    final UUID itemId;
    final String itemCode;
    final int itemVersion;
    final boolean urgent;
    final String regionCode;
    final Channel channel;
    final @Nullable UUID applicantUserId;
    final UUID submittedBy;
    final Instant submittedAt;
    // where it stands
    MatterStatus status;
    Level level;
    UUID unitId;
    @Nullable UUID fromUnitId;
    Instant handedAt;
    @Nullable Instant signDueAt;
    boolean signedLate;
    Instant levelDueAt;
    Instant dueAt;
    @Nullable Instant pausedAt;
    @Nullable Integer remainingDays;
    boolean returned;
    boolean warned;
    boolean overdue;
    @Nullable Instant closedAt;
    @Nullable UUID closingUnitId;
    @Nullable String result;
    @Nullable Boolean closedOnTime;
    @Nullable Integer rating;
    @Nullable String ratingComment;
    @Nullable Instant ratedAt;
    boolean reopened;
    boolean rejected;
    @Nullable UUID mergedInto;
    long version;

    Matter(String countyCode, UUID id, @Nullable String number, UUID itemId, String itemCode, int itemVersion, boolean urgent,
            String regionCode, Channel channel, @Nullable UUID applicantUserId, UUID submittedBy, Instant submittedAt,
            MatterStatus status, Level level, UUID unitId, Instant handedAt, @Nullable Instant signDueAt,
            Instant levelDueAt, Instant dueAt) {
        this.countyCode = countyCode;
        this.id = id;
        this.number = number;
        this.itemId = itemId;
        this.itemCode = itemCode;
        this.itemVersion = itemVersion;
        this.urgent = urgent;
        this.regionCode = regionCode;
        this.channel = channel;
        this.applicantUserId = applicantUserId;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.status = status;
        this.level = level;
        this.unitId = unitId;
        this.handedAt = handedAt;
        this.signDueAt = signDueAt;
        this.levelDueAt = levelDueAt;
        this.dueAt = dueAt;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String countyCode() {
        return countyCode;
    }

    public String regionCode() {
        return regionCode;
    }

    public MatterStatus status() {
        return status;
    }

    public Level level() {
        return level;
    }

    public UUID unitId() {
        return unitId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public long version() {
        return version;
    }

    public @Nullable UUID applicantUserId() {
        return applicantUserId;
    }

    /** 签收: only the unit it was handed to, while it waits. */
    void signFor(UUID unit, Instant now) {
        requireAt(unit, MatterStatus.AWAITING_SIGN, "requests.matter.not-awaiting-sign");
        signedLate = signDueAt != null && now.isAfter(signDueAt);
        status = MatterStatus.HANDLING;
        fromUnitId = null;
        signDueAt = null;
    }

    /** 退回（拒签）: back to the sender with a reason naming the right unit. */
    void decline(UUID unit, @Nullable String reason, Level senderLevel) {
        requireAt(unit, MatterStatus.AWAITING_SIGN, "requests.matter.not-awaiting-sign");
        requireReason(reason, "reason", "requests.matter.decline-reason-required");
        if (fromUnitId == null) {
            throw state("requests.matter.decline-intake");
        }
        unitId = fromUnitId;
        level = senderLevel;
        fromUnitId = null;
        signDueAt = null;
        status = MatterStatus.HANDLING;
    }

    /** 转办 up the chain: the receiver must sign for it by {@code signDue}. */
    void forward(UUID unit, UUID target, Level targetLevel, Instant now, Instant signDue, Instant levelDue) {
        requireAt(unit, MatterStatus.HANDLING, "requests.matter.not-handling");
        if (level.above() != targetLevel) {
            throw new DomainException(ProblemType.MATTER_ROUTE_REFUSED, Messages.text("requests.route.end-of-chain"));
        }
        fromUnitId = unitId;
        unitId = target;
        level = targetLevel;
        status = MatterStatus.AWAITING_SIGN;
        handedAt = now;
        signDueAt = signDue;
        levelDueAt = levelDue;
    }

    /** 下发 back down the chain, with a reason. */
    void sendBack(UUID unit, UUID target, @Nullable String reason, Instant now, Instant levelDue) {
        requireAt(unit, MatterStatus.HANDLING, "requests.matter.not-handling");
        requireReason(reason, "reason", "requests.matter.send-back-reason-required");
        Level below = level.below();
        if (below == null) {
            throw new DomainException(ProblemType.MATTER_ROUTE_REFUSED, Messages.text("requests.route.start-of-chain"));
        }
        fromUnitId = null;
        unitId = target;
        level = below;
        status = MatterStatus.HANDLING;
        handedAt = now;
        levelDueAt = levelDue;
    }

    /** 一次告知: once per matter; the clock stops with {@code remaining} working days left. */
    void returnForMaterials(UUID unit, Instant now, int remaining) {
        if (returned) {
            throw new DomainException(ProblemType.MATTER_RETURNED_ONCE, Messages.text("requests.matter.returned-once"));
        }
        requireAt(unit, MatterStatus.HANDLING, "requests.matter.not-handling");
        returned = true;
        status = MatterStatus.RETURNED;
        pausedAt = now;
        remainingDays = Math.max(remaining, 0);
    }

    /** The resident brought what was missing: the clock runs again from {@code now} with the days that were left. */
    void resubmit(Instant newDue, Instant newLevelDue) {
        if (status != MatterStatus.RETURNED) {
            throw state("requests.matter.not-returned");
        }
        status = MatterStatus.HANDLING;
        pausedAt = null;
        remainingDays = null;
        dueAt = newDue;
        levelDueAt = newLevelDue;
    }

    /** 办结 with a result, by the unit that holds it. */
    void close(UUID unit, @Nullable String resultText, Instant now) {
        requireAt(unit, MatterStatus.HANDLING, "requests.matter.not-handling");
        requireReason(resultText, "result", "requests.matter.result-required");
        status = MatterStatus.CLOSED;
        closedAt = now;
        closingUnitId = unit;
        result = resultText.strip();
        closedOnTime = !now.isAfter(dueAt);
    }

    /**
     * 不予办理 with a reason, by the unit that holds it, only after its one 一次告知 return: what came
     * back is still not enough, and a second return is not allowed.
     */
    void reject(UUID unit, @Nullable String reason, Instant now) {
        requireAt(unit, MatterStatus.HANDLING, "requests.matter.not-handling");
        requireReason(reason, "reason", "requests.matter.reject-reason-required");
        if (!returned) {
            throw state("requests.matter.reject-before-return");
        }
        status = MatterStatus.CLOSED;
        closedAt = now;
        closingUnitId = unit;
        result = reason.strip();
        closedOnTime = !now.isAfter(dueAt);
        rejected = true;
    }

    /** The resident's rating, once, within the window. */
    void rate(int stars, @Nullable String comment, Instant now) {
        if (stars < 1 || stars > 5) {
            throw DomainException.invalid("rating", Messages.text("requests.rating.range"));
        }
        if (status != MatterStatus.CLOSED || closedAt == null) {
            throw state("requests.rating.not-closed");
        }
        if (rating != null) {
            throw state("requests.rating.twice");
        }
        if (now.isAfter(closedAt.plus(RATING_WINDOW))) {
            throw state("requests.rating.late");
        }
        rating = stars;
        ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
        ratedAt = now;
    }

    /** 重新办理: once, by an unsatisfied resident within the window, back to the closing unit. */
    void reopen(Instant now, Instant newDue) {
        if (status != MatterStatus.CLOSED || closedAt == null || closingUnitId == null) {
            throw state("requests.reopen.not-closed");
        }
        if (reopened) {
            throw state("requests.reopen.twice");
        }
        if (rating != null && rating > UNSATISFIED_AT_MOST) {
            throw state("requests.reopen.satisfied");
        }
        if (now.isAfter(closedAt.plus(REOPEN_WINDOW))) {
            throw state("requests.reopen.late");
        }
        reopened = true;
        status = MatterStatus.HANDLING;
        unitId = closingUnitId;
        closedAt = null;
        closedOnTime = null;
        result = null;
        rating = null;
        ratingComment = null;
        ratedAt = null;
        overdue = false;
        warned = false;
        handedAt = now;
        dueAt = newDue;
        levelDueAt = newDue;
    }

    /** 合并办理: this duplicate follows {@code other} from now on. */
    void mergeInto(UUID unit, Matter other) {
        if (!status.open() || status == MatterStatus.RETURNED || !unitId.equals(unit)) {
            throw state("requests.matter.not-handling");
        }
        if (other.id.equals(id) || !other.status.open() || !other.itemCode.equals(itemCode)
                || !other.regionCode.substring(0, 12).equals(regionCode.substring(0, 12))) {
            throw DomainException.invalid("into", Messages.text("requests.merge.not-duplicate"));
        }
        status = MatterStatus.MERGED;
        mergedInto = other.id;
    }

    private void requireAt(UUID unit, MatterStatus expected, String key) {
        if (!unitId.equals(unit) || status != expected) {
            throw state(key);
        }
    }

    private static void requireReason(@Nullable String reason, String field, String key) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid(field, Messages.text(key));
        }
        if (reason.length() > 500) {
            throw DomainException.invalid(field, Messages.text("requests.matter.text-too-long"));
        }
    }

    private static DomainException state(String key) {
        return new DomainException(ProblemType.MATTER_STATE, Messages.text(key));
    }
}
