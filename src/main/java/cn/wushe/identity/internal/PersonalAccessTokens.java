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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens (个人访问令牌) for the API: created by their owner, shown once, stored as a
 * SHA-256 digest, expiring after 1–365 days, revocable. A token acts with its owner's current roles.
 */
@Service
public class PersonalAccessTokens {

    /** A new token: its stored description and the secret, which exists only in this response. */
    public record Created(AccessTokens.Token token, String secret) {
    }

    private final AccessTokens tokens;
    private final UserAccounts accounts;
    private final SignedInUsers signedInUsers;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;

    PersonalAccessTokens(AccessTokens tokens, UserAccounts accounts, SignedInUsers signedInUsers, AuditLog audit,
            SecuritySettings settings, Clock clock) {
        this.tokens = tokens;
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

    /** @param days {@code null} for the default lifetime */
    @Transactional
    public Created create(SignedInUser owner, String name, @Nullable Integer days) {
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
        AccessTokens.Token token = new AccessTokens.Token(UUID.randomUUID(), owner.id(), trimmed,
                secret.substring(0, Secrets.TOKEN_PREFIX.length() + 4), now, now.plus(Duration.ofDays(lifetime)),
                null, null);
        tokens.add(token, Secrets.sha256Hex(secret));
        audit.record(AuditEvent.success("TOKEN_CREATE", "TOKEN", token.id().toString(), owner.homeRegionCode())
                .withDetail(Messages.text("identity.token.created-detail", trimmed, token.prefix(), lifetime)));
        return new Created(token, secret);
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
     * The principal a bearer token acts as: empty for a malformed, unknown, expired or revoked token
     * or a disabled owner.
     */
    @Transactional
    public Optional<SignedInUser> authenticate(String presented) {
        if (!Secrets.looksLikeToken(presented)) {
            return Optional.empty();
        }
        return tokens.use(Secrets.sha256Hex(presented), clock.instant())
                .flatMap(token -> accounts.find(token.userId()))
                .filter(UserAccount::enabled)
                .map(signedInUsers::ofToken);
    }

    /** For the owner's view of a token's state. */
    public Instant now() {
        return clock.instant();
    }
}
