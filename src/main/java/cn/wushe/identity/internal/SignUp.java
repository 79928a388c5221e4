package cn.wushe.identity.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One self-service sign-up (注册申请): the applicant's account, who they say they are and the
 * community they named, waiting for a worker of that community. Only a pending sign-up is decided
 * or withdrawn; a rejected one may still be withdrawn, which frees the phone number for a new one.
 */
public final class SignUp {

    public static final int REASON_MAX = 200;

    private final UUID id;
    private final UUID userId;
    private final SignUpKind kind;
    private final String realName;
    private final PhoneNumber phone;
    private final @Nullable IdentityNumber identityNumber;
    private final String communityCode;
    private final Instant submittedAt;
    private final long version;
    private SignUpStatus status;
    private @Nullable Instant decidedAt;
    private @Nullable UUID decidedBy;
    private @Nullable String rejectReason;

    SignUp(UUID id, UUID userId, SignUpKind kind, SignUpStatus status, String realName, PhoneNumber phone,
            @Nullable IdentityNumber identityNumber, String communityCode, Instant submittedAt,
            @Nullable Instant decidedAt, @Nullable UUID decidedBy, @Nullable String rejectReason, long version) {
        this.id = id;
        this.userId = userId;
        this.kind = kind;
        this.status = status;
        this.realName = realName;
        this.phone = phone;
        this.identityNumber = identityNumber;
        this.communityCode = communityCode;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.rejectReason = rejectReason;
        this.version = version;
    }

    static SignUp submit(UUID userId, SignUpValidation.Valid application, Instant now) {
        return new SignUp(UUID.randomUUID(), userId, application.kind(), SignUpStatus.PENDING, application.realName(),
                application.phone(), application.identityNumber(), application.communityCode(), now, null, null, null, 0);
    }

    void confirm(UUID worker, Instant now) {
        requirePending();
        status = SignUpStatus.CONFIRMED;
        decidedBy = worker;
        decidedAt = now;
    }

    void reject(UUID worker, @Nullable String reason, Instant now) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw DomainException.invalid("reason", Messages.text("identity.signup.reason-required"));
        }
        if (trimmed.codePointCount(0, trimmed.length()) > REASON_MAX) {
            throw DomainException.invalid("reason", Messages.text("identity.signup.reason-too-long", REASON_MAX));
        }
        requirePending();
        status = SignUpStatus.REJECTED;
        decidedBy = worker;
        decidedAt = now;
        rejectReason = trimmed;
    }

    void withdraw(Instant now) {
        if (status != SignUpStatus.PENDING && status != SignUpStatus.REJECTED) {
            throw DomainException.conflict(ProblemType.SIGNUP_DECIDED, "status", Messages.text("identity.signup.not-withdrawable"));
        }
        status = SignUpStatus.WITHDRAWN;
        decidedAt = now;
    }

    private void requirePending() {
        if (status != SignUpStatus.PENDING) {
            throw DomainException.conflict(ProblemType.SIGNUP_DECIDED, "status",
                    Messages.text("identity.signup.decided", status.label()));
        }
    }

    /** Until confirmed, the account sees only its own sign-up status page. */
    public boolean restrictsAccount() {
        return status != SignUpStatus.CONFIRMED;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public SignUpKind kind() {
        return kind;
    }

    public SignUpStatus status() {
        return status;
    }

    public String realName() {
        return realName;
    }

    public PhoneNumber phone() {
        return phone;
    }

    public @Nullable IdentityNumber identityNumber() {
        return identityNumber;
    }

    public String communityCode() {
        return communityCode;
    }

    public String countyCode() {
        return communityCode.substring(0, 6);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public @Nullable UUID decidedBy() {
        return decidedBy;
    }

    public @Nullable String rejectReason() {
        return rejectReason;
    }

    public long version() {
        return version;
    }
}
