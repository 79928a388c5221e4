package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.platform.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import cn.wushe.platform.personal.PhoneNumber;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login with username and password (security.md check 2). Failures are counted against the
 * normalized name whether or not such an account exists, and a wrong password, an unknown name
 * and a disabled account look the same from outside, down to the time taken. Reaching the limit
 * locks the name for a while; attempts during the lock neither succeed nor extend it.
 */
@Service
public class SigningIn {

    /** Longer input is refused without hashing it (a megabyte password would cost CPU, not security). */
    private static final int MAX_PASSWORD_INPUT = 256;
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9][0-9]{9}");

    /** What came of one attempt. */
    public sealed interface Result {
    }

    public record SignedIn(SignedInUser user) implements Result {
    }

    /** Wrong password, unknown username or disabled account: deliberately one case. */
    public record Refused() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    /**
     * The password was right, and the account signs in only with its second factor too; an account
     * that must have one but has none enrols first ({@code mustEnrol}).
     */
    public record SecondFactorDue(UUID userId, String username, boolean mustEnrol) implements Result {
    }

    /**
     * The username failed often from many addresses: it may be tried again at {@code retryAt}. Not a
     * lock, so someone elsewhere cannot keep the holder out, only slow every guesser down.
     */
    public record SlowedDown(Instant retryAt) implements Result {
    }

    private final UserAccounts accounts;
    private final LoginFailures failures;
    private final SignedInUsers signedInUsers;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;
    private final String dummyHash;
    private final SignUps signUps;
    private final SecondFactors secondFactors;

    SigningIn(UserAccounts accounts, LoginFailures failures, SignedInUsers signedInUsers, PasswordEncoder encoder,
            AuditLog audit, SecuritySettings settings, Clock clock, SignUps signUps, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.signUps = signUps;
        this.accounts = accounts;
        this.failures = failures;
        this.signedInUsers = signedInUsers;
        this.encoder = encoder;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.dummyHash = encoder.encode(Secrets.initialPassword());
    }

    /**
     * One attempt from {@code clientAddress}. Failures lock the username for that address only;
     * across addresses they slow the username down once they pass {@code wushe.security.slowdown}.
     */
    @Transactional
    public Result attempt(String typedUsername, String password, String clientAddress) {
        String key = loginKey(typedUsername);
        String address = clientAddress.isBlank() ? "unknown" : clientAddress;
        Instant now = clock.instant();
        FailureCount everywhere = failures.lockAndRead(key, LoginFailures.EVERYWHERE);
        Instant lastAttempt = failures.lastAttempt(key);
        FailureCount count = failures.lockAndRead(key, address);
        Optional<UserAccount> account = accounts.findByUsername(key).or(() -> byPhone(key));
        if (count.lockedAt(now)) {
            record("LOGIN_FAILURE", Outcome.DENIED, key, account.orElse(null), Messages.text("identity.login.locked-detail"));
            return new Locked(count.lockedUntil());
        }
        SecuritySettings.Slowdown slowdown = settings.slowdown();
        boolean inWindow = everywhere.windowStartedAt() != null
                && now.isBefore(everywhere.windowStartedAt().plus(slowdown.window()));
        if (inWindow && everywhere.failures() >= slowdown.afterFailures() && lastAttempt != null
                && now.isBefore(lastAttempt.plus(slowdown.interval()))) {
            record("LOGIN_FAILURE", Outcome.DENIED, key, account.orElse(null), Messages.text("identity.login.slowed-detail"));
            return new SlowedDown(lastAttempt.plus(slowdown.interval()));
        }
        if (!passwordMatches(account, password)) {
            FailureCount after = count.afterFailure(settings.lockout(), now);
            failures.save(key, address, after, now);
            failures.save(key, LoginFailures.EVERYWHERE, everywhere.afterFailure(
                    new SecuritySettings.Lockout(Integer.MAX_VALUE, slowdown.window(), slowdown.window()), now), now);
            record("LOGIN_FAILURE", Outcome.FAILURE, key, account.orElse(null), null);
            if (after.lockedAt(now)) {
                record("LOGIN_LOCKED", Outcome.FAILURE, key, account.orElse(null), Messages.text("identity.login.locked-until", after.lockedUntil()));
                return new Locked(after.lockedUntil());
            }
            return new Refused();
        }
        failures.clear(key, address);
        UserAccount user = account.orElseThrow();
        if (encoder.upgradeEncoding(user.passwordHash())) {
            user.rehashPassword(encoder.encode(password));
        }
        boolean enrolled = secondFactors.enrolled(user.id());
        if (enrolled || secondFactors.required(signedInUsers.of(user))) {
            accounts.update(user);
            record("LOGIN_SECOND_FACTOR_DUE", Outcome.SUCCESS, user.username().value(), user, null);
            return new SecondFactorDue(user.id(), user.username().value(), !enrolled);
        }
        user.signedIn(now);
        accounts.update(user);
        record("LOGIN_SUCCESS", Outcome.SUCCESS, user.username().value(), user, null);
        return new SignedIn(signedInUsers.of(user));
    }

    /**
     * The name failures are counted under: a mobile number in its digits only, so that writing it
     * as {@code +86 139-…} does not buy another five attempts.
     */
    static String loginKey(String typed) {
        String digits = PhoneNumber.normalise(typed.strip());
        return MOBILE.matcher(digits).matches() ? digits : Username.normalize(typed);
    }

    /**
     * Residents and volunteers who signed up themselves sign in with their mobile number, found by
     * its blind index (the number is stored only encrypted).
     */
    private Optional<UserAccount> byPhone(String typed) {
        if (!MOBILE.matcher(typed).matches()) {
            return Optional.empty();
        }
        PhoneNumber phone = new PhoneNumber(typed);
        return signUps.accountOfPhone(phone).flatMap(accounts::find).or(() -> accounts.findByPhone(phone));
    }

    private boolean passwordMatches(Optional<UserAccount> account, String password) {
        if (password.length() > MAX_PASSWORD_INPUT) {
            return false;
        }
        if (account.isPresent() && account.get().enabled()) {
            return encoder.matches(password, account.get().passwordHash());
        }
        encoder.matches(password, dummyHash);
        return false;
    }

    private void record(String action, Outcome outcome, String name, @Nullable UserAccount account,
            @Nullable String detail) {
        UUID id = account == null ? null : account.id();
        audit.record(new AuditEvent(action, "USER", id == null ? null : id.toString(),
                account == null ? null : account.homeRegionCode(), outcome, null, detail, name));
    }
}
