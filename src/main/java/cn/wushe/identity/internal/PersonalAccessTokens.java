package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens (个人访问令牌) for the API: created by their owner in a signed-in session
 * after re-entering the password, shown once, stored as a SHA-256 digest, expiring after 1–365 days,
 * revocable. A token acts with its owner's current roles, limited by its scope (read-only or
 * read-write); it never manages tokens itself (the security chain refuses that).
 */
@Service
public class PersonalAccessTokens {

    /** A new token: its stored description and the secret, which exists only in this response. */
    public record Created(AccessTokens.Token token, String secret) {
    }

    /** Who a presented token acts as, and what it may do. */
    public record Bearer(SignedInUser user, TokenScope scope) {
    }

    private final AccessTokens tokens;
    private final UserAccounts accounts;
    private final SignedInUsers signedInUsers;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PersonalAccessTokens(AccessTokens tokens, UserAccounts accounts, SignedInUsers signedInUsers, AuditLog audit,
            SecuritySettings settings, PasswordEncoder encoder, Clock clock) {
        this.tokens = tokens;
        this.encoder = encoder;
        this.accounts = accounts;
        this.signedInUsers = signedInUsers;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public int defaultDays() {
        return settings.tokens().defaultDays();
    }

    public int maxDays() {
        return settings.tokens().maxDays();
    }

    /**
     * @param currentPassword the owner's password, re-entered: whoever holds only the session (or a
     *                        token) cannot mint a long-lived credential; a wrong one is audited
     * @param days            {@code null} for the default lifetime
     * @param scope           {@code null} for read-only
     */
    @Transactional
    public Created create(SignedInUser owner, String currentPassword, String name, @Nullable Integer days,
            @Nullable TokenScope scope) {
        confirmPassword(owner, currentPassword);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 50) {
            throw DomainException.invalid("name", Messages.text("identity.token.name-invalid"));
        }
        int lifetime = days == null ? defaultDays() : days;
        if (lifetime < 1 || lifetime > maxDays()) {
            throw DomainException.invalid("expiresInDays", Messages.text("identity.token.lifetime-invalid", maxDays()));
        }
        Instant now = clock.instant();
        if (tokens.countUsable(owner.id(), now) >= settings.tokens().maxActive()) {
            throw DomainException.conflict(ProblemType.TOO_MANY_TOKENS, "name",
                    Messages.text("identity.token.too-many", settings.tokens().maxActive()));
        }
        String secret = Secrets.token();
        TokenScope granted = scope == null ? TokenScope.READ : scope;
        AccessTokens.Token token = new AccessTokens.Token(UUID.randomUUID(), owner.id(), trimmed,
                secret.substring(0, Secrets.TOKEN_PREFIX.length() + 4), granted, now,
                now.plus(Duration.ofDays(lifetime)), null, null);
        tokens.add(token, Secrets.sha256Hex(secret));
        audit.record(AuditEvent.success("TOKEN_CREATE", "TOKEN", token.id().toString(), owner.homeRegionCode())
                .withDetail(Messages.text("identity.token.created-detail", trimmed, token.prefix(), lifetime,
                        granted.label())));
        return new Created(token, secret);
    }

    /** A missing password is a plain input error; a wrong one is also audited, outside the refused transaction. */
    private void confirmPassword(SignedInUser owner, String currentPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw DomainException.invalid("currentPassword", Messages.text("identity.token.password-required"));
        }
        UserAccount account = accounts.find(owner.id())
                .orElseThrow(() -> DomainException.notFound(Messages.text("identity.subject.account")));
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            audit.recordIndependently(AuditEvent.success("TOKEN_CREATE_REAUTH_FAILURE", "USER",
                    account.id().toString(), account.homeRegionCode()).withOutcome(AuditEvent.Outcome.FAILURE));
            throw DomainException.invalid("currentPassword", Messages.text("identity.password.current-wrong"));
        }
    }

    public List<AccessTokens.Token> list(SignedInUser owner) {
        return tokens.ofUser(owner.id());
    }

    /** Revoking a token twice changes nothing; another user's token is "not found". */
    @Transactional
    public void revoke(SignedInUser owner, UUID tokenId) {
        AccessTokens.Token token = tokens.findOfUser(tokenId, owner.id())
                .orElseThrow(() -> DomainException.notFound(Messages.text("identity.subject.token")));
        if (tokens.revoke(token.id(), clock.instant())) {
            audit.record(AuditEvent.success("TOKEN_REVOKE", "TOKEN", token.id().toString(), owner.homeRegionCode())
                    .withDetail(Messages.text("identity.token.revoked-detail", token.prefix())));
        }
    }

    /**
     * The principal a bearer token acts as and the token's scope: empty for a malformed, unknown,
     * expired or revoked token or a disabled owner.
     */
    @Transactional
    public Optional<Bearer> authenticate(String presented) {
        if (!Secrets.looksLikeToken(presented)) {
            return Optional.empty();
        }
        return tokens.use(Secrets.sha256Hex(presented), clock.instant())
                .flatMap(token -> accounts.find(token.userId())
                        .filter(UserAccount::enabled)
                        .map(account -> new Bearer(signedInUsers.ofToken(account), token.scope())));
    }

    /** For the owner's view of a token's state. */
    public Instant now() {
        return clock.instant();
    }
}
