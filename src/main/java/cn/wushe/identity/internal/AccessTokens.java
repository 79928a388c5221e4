package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal access tokens as stored: a digest and a display prefix, never the token ({@code identity.api_tokens}). */
@Repository
public class AccessTokens {

    /** A token as its owner sees it in the list. */
    public record Token(UUID id, UUID userId, String name, String prefix, TokenScope scope, Instant createdAt,
            Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

        public boolean usableAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }

        /** 有效 / 已过期 / 已吊销 */
        public String statusAt(Instant now) {
            return revokedAt != null ? Messages.text("identity.token.status.revoked") : now.isBefore(expiresAt) ? Messages.text("identity.token.status.valid") : Messages.text("identity.token.status.expired");
        }
    }

    private static final String COLUMNS = "id, user_id, name, prefix, scope, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    AccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Token token, String digest) {
        jdbc.sql("""
                insert into identity.api_tokens (id, user_id, name, prefix, scope, token_hash, created_at, expires_at)
                values (:id, :user, :name, :prefix, :scope, :digest, :created, :expires)
                """)
                .param("id", token.id()).param("user", token.userId()).param("name", token.name())
                .param("prefix", token.prefix()).param("scope", token.scope().name()).param("digest", digest)
                .param("created", UserAccounts.ts(token.createdAt())).param("expires", UserAccounts.ts(token.expiresAt()))
                .update();
    }

    public List<Token> ofUser(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from identity.api_tokens where user_id = :user order by created_at desc")
                .param("user", userId).query(AccessTokens::token).list();
    }

    Optional<Token> findOfUser(UUID id, UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from identity.api_tokens where id = :id and user_id = :user")
                .param("id", id).param("user", userId).query(AccessTokens::token).optional();
    }

    int countUsable(UUID userId, Instant now) {
        return jdbc.sql("""
                select count(*) from identity.api_tokens
                where user_id = :user and revoked_at is null and expires_at > :now
                """)
                .param("user", userId).param("now", UserAccounts.ts(now)).query(Integer.class).single();
    }

    /**
     * The usable token with this digest, marked as used now. The mark is written at most once a
     * minute per token, so a busy integration does not turn every read into a write.
     */
    Optional<Token> use(String digest, Instant now) {
        Optional<Token> usable = jdbc.sql("select " + COLUMNS + """
                 from identity.api_tokens where token_hash = :digest and revoked_at is null and expires_at > :now
                """)
                .param("digest", digest).param("now", UserAccounts.ts(now)).query(AccessTokens::token).optional();
        usable.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(t -> jdbc.sql("update identity.api_tokens set last_used_at = :now where id = :id")
                        .param("now", UserAccounts.ts(now)).param("id", t.id()).update());
        return usable;
    }

    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("update identity.api_tokens set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", UserAccounts.ts(now)).param("id", id).update() == 1;
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("prefix"), TokenScope.valueOf(rs.getString("scope")),
                UserAccounts.requiredInstant(rs, "created_at"),
                UserAccounts.requiredInstant(rs, "expires_at"), UserAccounts.instant(rs, "revoked_at"),
                UserAccounts.instant(rs, "last_used_at"));
    }
}
