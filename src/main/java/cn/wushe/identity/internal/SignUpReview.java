package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.ResidentAccounts;
import cn.wushe.identity.SignUpDecided;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's side of sign-ups (注册审核): the queue of the communities in the actor's
 * {@code SIGNUP_CONFIRM} scope, and confirming (the RESIDENT or VOLUNTEER role is granted, the
 * applicant's sessions end so the next sign-in carries it) or rejecting with a reason the applicant
 * reads. A sign-up outside the scope does not exist for the actor (404).
 */
@Service
public class SignUpReview implements ResidentAccounts {

    /** A community's newest resident sign-ups offered for linking, after those giving the record's identity number. */
    static final int LINKABLE_MAX = 100;

    private final SignUps signUps;
    private final RoleAssignments roles;
    private final SessionEnding sessions;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignUpReview(SignUps signUps, RoleAssignments roles, SessionEnding sessions, RegionDirectory regions, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.signUps = signUps;
        this.roles = roles;
        this.sessions = sessions;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static SqlPredicate scope(Actor actor) {
        return ScopeFilter.predicate(actor, Permission.SIGNUP_CONFIRM, "s.county_code", "s.community_code");
    }

    /** Pending sign-ups, or with {@code decided} the confirmed and rejected ones, oldest first. */
    @Transactional(readOnly = true)
    public Page<SignUpView> queue(Actor actor, boolean decided, int page) {
        List<SignUpStatus> statuses = decided ? List.of(SignUpStatus.CONFIRMED, SignUpStatus.REJECTED)
                : List.of(SignUpStatus.PENDING);
        Page<SignUp> found = signUps.page(scope(actor), statuses, page);
        LocalDate today = LocalDate.now(clock);
        return new Page<>(found.items().stream().map(s -> SignUpView.of(s, regions, today)).toList(), found.page(),
                found.size(), found.total(), found.hasMore());
    }

    @Transactional(readOnly = true)
    public long pendingCount(Actor actor) {
        return actor.can(Permission.SIGNUP_CONFIRM) ? signUps.countPending(scope(actor)) : 0;
    }

    /** One sign-up with the applicant's (masked) details; the read is audited. */
    @Transactional
    public SignUpView detail(Actor actor, UUID id) {
        SignUp signUp = load(actor, id);
        audit.record(AuditEvent.success("SIGNUP_READ", "SIGNUP", id.toString(), signUp.communityCode()));
        return SignUpView.of(signUp, regions, LocalDate.now(clock));
    }

    @Transactional
    public SignUpView confirm(Actor actor, UUID id, @Nullable Long version) {
        SignUp signUp = current(actor, id, version);
        Instant now = clock.instant();
        signUp.confirm(actor.id(), now);
        signUps.update(signUp);
        Role role = signUp.kind().role();
        roles.add(signUp.userId(), new RoleAssignment(UUID.randomUUID(), role, signUp.kind().scopeFor(signUp.communityCode()),
                null), actor.id(), now);
        audit.record(AuditEvent.success("SIGNUP_CONFIRM", "SIGNUP", id.toString(), signUp.communityCode())
                .withDetail("role=" + role.name() + " user=" + signUp.userId()));
        events.publishEvent(new SignUpDecided(id, signUp.userId(), signUp.kind().name(), SignUpStatus.CONFIRMED.name(),
                signUp.communityCode()));
        sessions.endSessionsOf(signUp.userId(), null);
        return reloaded(actor, id);
    }

    @Transactional
    public SignUpView reject(Actor actor, UUID id, @Nullable Long version, @Nullable String reason) {
        SignUp signUp = current(actor, id, version);
        signUp.reject(actor.id(), reason, clock.instant());
        signUps.update(signUp);
        audit.record(AuditEvent.success("SIGNUP_REJECT", "SIGNUP", id.toString(), signUp.communityCode())
                .withReason(signUp.rejectReason()));
        events.publishEvent(new SignUpDecided(id, signUp.userId(), signUp.kind().name(), SignUpStatus.REJECTED.name(),
                signUp.communityCode()));
        return reloaded(actor, id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Linkable> linkableIn(Actor actor, String communityCode, @Nullable String identityNumberIndex) {
        List<SignUp> matching = identityNumberIndex == null ? List.of()
                : signUps.withIdentityNumberIndex(scope(actor), SignUpKind.RESIDENT, identityNumberIndex).stream()
                        .filter(s -> s.communityCode().equals(communityCode)
                                && (s.status() == SignUpStatus.PENDING || s.status() == SignUpStatus.CONFIRMED))
                        .toList();
        java.util.Set<UUID> same = matching.stream().map(SignUp::id).collect(java.util.stream.Collectors.toSet());
        return java.util.stream.Stream.concat(matching.stream().map(s -> linkable(s, true)),
                        signUps.residentsOf(scope(actor), communityCode, LINKABLE_MAX).stream()
                                .filter(s -> !same.contains(s.id())).map(s -> linkable(s, false)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Linkable> find(Actor actor, UUID userId) {
        return signUps.ofUser(userId)
                .filter(s -> s.kind() == SignUpKind.RESIDENT
                        && (s.status() == SignUpStatus.PENDING || s.status() == SignUpStatus.CONFIRMED))
                .flatMap(s -> signUps.findInScope(s.id(), scope(actor)))
                .map(s -> linkable(s, false));
    }

    private static Linkable linkable(SignUp s, boolean sameNumber) {
        return new Linkable(s.userId(), s.realName(), s.phone().masked(),
                s.identityNumber() == null ? null : s.identityNumber().masked(), s.status().label(), sameNumber);
    }

    private SignUp current(Actor actor, UUID id, @Nullable Long version) {
        SignUp signUp = load(actor, id);
        if (version != null && version != signUp.version()) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("platform.version.mismatch"));
        }
        return signUp;
    }

    private SignUp load(Actor actor, UUID id) {
        return signUps.findInScope(id, scope(actor))
                .orElseThrow(() -> DomainException.notFound(Messages.text("identity.signup.subject")));
    }

    private SignUpView reloaded(Actor actor, UUID id) {
        return SignUpView.of(load(actor, id), regions, LocalDate.now(clock));
    }
}
