package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.SignUpContacts;
import cn.wushe.identity.SignUpRepeated;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.PhoneNumber;
import java.security.SecureRandom;
import cn.wushe.platform.RateLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents and volunteers sign up themselves (注册) with a mobile number and a password, naming
 * the community they live in; the account may sign in at once but sees only its own sign-up until a
 * worker of that community confirms it.
 *
 * <p>No enumeration: a number that already has a live sign-up, or a volunteer's identity number
 * already signed up in the county, gets exactly the answer a new one gets (the password is hashed
 * either way, so the time taken matches too); nothing is created, the attempt is audited, and the
 * holder of the number can be told through {@link SignUpRepeated}. The applicant finds out only by
 * signing in, which a repeated attempt cannot do without the holder's password.
 */
@Service
public class SigningUp implements SignUpContacts {

    private static final String NAME_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignUpValidation validation;
    private final RateLimits limits;
    private final RateLimits.Budget budget;
    private final Duration attemptWindow;
    private final SignUps signUps;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final SessionEnding sessions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RegionDirectory regions;

    SigningUp(SignUpValidation validation, RateLimits limits, SignUps signUps, UserAccounts accounts,
            PasswordEncoder encoder, SessionEnding sessions, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            RegionDirectory regions, @Value("${wushe.identity.signup.attempts-per-address:5}") int attempts,
            @Value("${wushe.identity.signup.attempt-window:PT15M}") Duration attemptWindow) {
        this.limits = limits;
        // the public form creates accounts: a script must neither fill the queue nor probe phone numbers quickly
        this.budget = RateLimits.Budget.of("identity.sign-up", attempts, attemptWindow.dividedBy(attempts))
                .shownOn("identity/signup-too-many");
        this.attemptWindow = attemptWindow;
        this.regions = regions;
        this.validation = validation;
        this.signUps = signUps;
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** How long an address that used up its attempts waits for all of them again. */
    public Duration attemptWindow() {
        return attemptWindow;
    }

    /**
     * Counts the attempt against {@code clientAddress}, checks the form and opens the account and its
     * pending sign-up, or quietly does nothing for a number already signed up (see the class comment).
     *
     * @throws DomainException with field messages when the form is refused, or 429 when the address
     *         made too many attempts
     */
    @Transactional
    public void submit(SignUpValidation.Application form, String clientAddress) {
        limits.take(budget, clientAddress);
        SignUpValidation.Valid valid = validation.check(form);
        String hash = encoder.encode(valid.password());
        Instant now = clock.instant();
        String applicant = valid.phone().masked();
        Optional<UUID> holder = signUps.accountOfPhone(valid.phone());
        if (holder.isPresent()) {
            audit.record(new AuditEvent("SIGNUP_REPEATED", "USER", holder.get().toString(), valid.communityCode(),
                    AuditEvent.Outcome.DENIED, null, valid.kind().name(), applicant));
            events.publishEvent(new SignUpRepeated(holder.get()));
            return;
        }
        if (valid.identityNumber() != null && valid.kind() == SignUpKind.VOLUNTEER
                && signUps.volunteerNumberTaken(valid.communityCode().substring(0, 6), valid.identityNumber())) {
            audit.record(new AuditEvent("SIGNUP_DUPLICATE_ID_NUMBER", "SIGNUP", null, valid.communityCode(),
                    AuditEvent.Outcome.DENIED, null, valid.kind().name(), applicant));
            return;
        }
        UserAccount account = UserAccount.signedUp(new Username(newUsername()), valid.realName(), valid.communityCode(),
                hash, now);
        accounts.add(account);
        SignUp signUp = SignUp.submit(account.id(), valid, now);
        signUps.add(signUp);
        audit.record(new AuditEvent("SIGNUP_SUBMIT", "SIGNUP", signUp.id().toString(), signUp.communityCode(),
                AuditEvent.Outcome.SUCCESS, null, signUp.kind().name(), applicant));
    }

    /** The signed-in account's own sign-up, empty for an account an administrator opened. */
    @Transactional(readOnly = true)
    public Optional<SignUpView> mine(Actor actor) {
        return signUps.ofUser(actor.id()).map(s -> SignUpView.of(s, regions, java.time.LocalDate.now(clock)));
    }

    /**
     * The applicant takes back a pending or rejected sign-up: the account is disabled and its
     * sessions end, and the phone number (and identity number) are free for a new sign-up.
     */
    @Transactional
    public void withdraw(Actor actor, long version) {
        SignUp signUp = signUps.ofUser(actor.id())
                .orElseThrow(() -> DomainException.notFound(Messages.text("identity.signup.subject")));
        if (signUp.version() != version) {
            throw new DomainException(cn.wushe.platform.ProblemType.VERSION_MISMATCH, Messages.text("identity.signup.modified"));
        }
        signUp.withdraw(clock.instant());
        signUps.update(signUp);
        UserAccount account = accounts.find(actor.id()).orElseThrow();
        account.disable();
        accounts.update(account);
        audit.record(AuditEvent.success("SIGNUP_WITHDRAW", "SIGNUP", signUp.id().toString(), signUp.communityCode()));
        sessions.endSessionsOf(actor.id(), null);
    }

    /** Whether the account signed up itself and is not confirmed: it may see only its own status page. */
    @Transactional(readOnly = true)
    public boolean restricts(UUID userId) {
        return signUps.restricts(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PhoneNumber> mobileOf(UUID userId) {
        return signUps.ofUser(userId).map(SignUp::phone);
    }

    /** A login name nobody types (they sign in with the phone number), unique by its randomness. */
    private static String newUsername() {
        StringBuilder name = new StringBuilder("s");
        for (int i = 0; i < 15; i++) {
            name.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }
}
