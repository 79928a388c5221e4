package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 保持登录 30 天 (issue 14 item 6): a volunteer's phone stays signed in, so that scanning a check-in
 * code is two taps, not a login. Only for accounts whose sole role is 志愿者 and that sign in without a
 * second factor; checked when the cookie is issued and again at every use, so an account that gains a
 * role or must use a second factor later is never let in by an old cookie.
 *
 * <p>One row per remembered browser (a series). The cookie holds series and token; the table keeps
 * a SHA-256 of the token only. Every use replaces the token; a token already replaced that comes back
 * means the cookie was copied: the series is revoked and the theft audited. The series ends 30 days
 * after the password login that created it, however often it is used. The holder signs devices out
 * on the device page; logout ends the current one; a change of password, status or role ends all
 * ({@link SessionEnding}).
 */
@Service
public class RememberedDevices {

    /** Absolute lifetime of a series: never extended by use. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    /**
     * How long the token just replaced is still taken (without being replaced again): a browser
     * restoring several tabs sends the same old cookie with each, and only the first gets the new one.
     * Short, so a copied cookie replayed later is still caught.
     */
    static final Duration PARALLEL_GRACE = Duration.ofSeconds(20);

    private static final Pattern COOKIE_VALUE = Pattern.compile("([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final int SERIES_BYTES = 16;
    private static final int TOKEN_BYTES = 32;
    private static final int USER_AGENT_INPUT = 512;
    private static final int SESSIONS_KEPT = 5;

    /** A cookie value to set: {@code series.token}, and when it stops being honoured. */
    public record Issued(String series, String cookieValue, Instant expiresAt) {
    }

    /** A remembered device as its holder sees it. */
    public record Device(UUID id, String series, String userAgent, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt) {
    }

    /** What a cookie presented without a live session came to. */
    public sealed interface Resumed {
    }

    /**
     * Signed in again; {@code rotated} is the cookie to set, {@code null} when the request came with
     * the token replaced a moment ago (the browser already has the new one).
     */
    public record SignedIn(SignedInUser user, String series, @Nullable Issued rotated) implements Resumed {
    }

    /** Unknown, revoked, expired or stolen: the cookie is to be removed. */
    public record Refused() implements Resumed {
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SignedInUsers signedInUsers;
    private final SecondFactors secondFactors;
    private final SessionRegistry sessions;
    private final AuditLog audit;
    private final Clock clock;

    RememberedDevices(JdbcClient jdbc, UserAccounts accounts, SignedInUsers signedInUsers, SecondFactors secondFactors,
            SessionRegistry sessions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.signedInUsers = signedInUsers;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether the account may stay signed in: its only role is 志愿者, and nothing asks it for a
     * second factor (a remembered login never stands in for one).
     */
    public boolean eligible(SignedInUser user) {
        return user.roles().equals(Set.of(Role.VOLUNTEER.name()))
                && !secondFactors.enrolled(user.id()) && !secondFactors.required(user);
    }

    /**
     * After a password login with 保持登录 ticked: a new series, or nothing for an account that may
     * not stay signed in (the box is then ignored) or must first change its password.
     */
    @Transactional
    public Optional<Issued> issue(SignedInUser user, String userAgent, String sessionId) {
        if (user.passwordChangeRequired() || !eligible(user)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String series = Secrets.urlSafe(SERIES_BYTES);
        String token = Secrets.urlSafe(TOKEN_BYTES);
        Instant expires = now.plus(LIFETIME);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.remembered_devices (id, series, user_id, token_hash, rotated_at, created_at,
                    expires_at, last_used_at, user_agent, session_ids)
                values (:id, :series, :user, :hash, :now, :now, :expires, :now, :agent, array[:session])
                """)
                .param("id", id).param("series", series).param("user", user.id())
                .param("hash", Secrets.sha256Hex(token)).param("now", UserAccounts.ts(now))
                .param("expires", UserAccounts.ts(expires)).param("agent", label(userAgent)).param("session", sessionId)
                .update();
        audit.record(AuditEvent.success("REMEMBER_ME_ISSUE", "REMEMBERED_DEVICE", id.toString(), user.homeRegionCode())
                .byActor(user.username())
                .withDetail(Messages.text("identity.remember.issued-detail", label(userAgent), LIFETIME.toDays())));
        return Optional.of(new Issued(series, series + "." + token, expires));
    }

    /**
     * A request without a live session brought this cookie: sign its holder in with a new token, or
     * refuse. Recorded as a login ({@code LOGIN_SUCCESS}, its detail naming the remembered device), and
     * it counts as use of the account (dormant accounts).
     */
    @Transactional
    public Resumed resume(String cookieValue, String userAgent) {
        var parts = COOKIE_VALUE.matcher(cookieValue);
        if (!parts.matches()) {
            return new Refused();
        }
        Optional<Row> found = jdbc.sql("""
                select id, series, user_id, token_hash, previous_hash, rotated_at, expires_at, revoked_at, user_agent
                from identity.remembered_devices where series = :series for update
                """).param("series", parts.group(1)).query(RememberedDevices::row).optional();
        if (found.isEmpty() || found.get().revokedAt() != null) {
            return new Refused();
        }
        Row row = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(row.expiresAt())) {
            revokeRow(row.id(), "EXPIRED", now);
            return new Refused();
        }
        String presented = Secrets.sha256Hex(parts.group(2));
        boolean current = presented.equals(row.tokenHash());
        boolean justReplaced = presented.equals(row.previousHash()) && now.isBefore(row.rotatedAt().plus(PARALLEL_GRACE));
        Optional<UserAccount> account = accounts.find(row.userId());
        if (!current && !justReplaced) {
            revokeRow(row.id(), "THEFT", now);
            audit.record(new AuditEvent("REMEMBER_ME_THEFT", "REMEMBERED_DEVICE", row.id().toString(),
                    account.map(UserAccount::homeRegionCode).orElse(null), AuditEvent.Outcome.DENIED, null,
                    Messages.text("identity.remember.theft-detail", row.userAgent(), label(userAgent)),
                    account.map(a -> a.username().value()).orElse(null)));
            return new Refused();
        }
        if (account.isEmpty() || !account.get().enabled()) {
            revokeRow(row.id(), "ACCOUNT", now);
            return new Refused();
        }
        SignedInUser user = signedInUsers.of(account.get());
        if (!eligible(user)) {
            revokeRow(row.id(), "INELIGIBLE", now);
            audit.record(AuditEvent.success("REMEMBER_ME_REVOKE", "REMEMBERED_DEVICE", row.id().toString(),
                    user.homeRegionCode()).byActor(user.username())
                    .withDetail(Messages.text("identity.remember.not-eligible-detail")));
            return new Refused();
        }
        Issued rotated = null;
        if (current) {
            String token = Secrets.urlSafe(TOKEN_BYTES);
            jdbc.sql("""
                    update identity.remembered_devices
                    set previous_hash = token_hash, token_hash = :hash, rotated_at = :now, last_used_at = :now
                    where id = :id
                    """).param("hash", Secrets.sha256Hex(token)).param("now", UserAccounts.ts(now))
                    .param("id", row.id()).update();
            rotated = new Issued(row.series(), row.series() + "." + token, row.expiresAt());
        }
        UserAccount signingIn = account.get();
        signingIn.signedIn(now);
        accounts.update(signingIn);
        audit.record(new AuditEvent("LOGIN_SUCCESS", "USER", user.id().toString(), user.homeRegionCode(),
                AuditEvent.Outcome.SUCCESS, null, Messages.text("identity.remember.login-detail", row.userAgent()),
                user.username()));
        return new SignedIn(user, row.series(), rotated);
    }

    /**
     * The session a series just started, so that signing the device out ends it too; the last few are
     * kept (a browser restoring tabs together starts one per tab, and a session may outlive the next one).
     */
    @Transactional
    public void startedSession(String series, String sessionId) {
        jdbc.sql("""
                update identity.remembered_devices
                set session_ids = (array_append(session_ids, :session))[greatest(1, cardinality(session_ids) + 2 - :kept):]
                where series = :series
                """).param("session", sessionId).param("kept", SESSIONS_KEPT).param("series", series).update();
    }

    /** The holder's devices still remembered, most recently used first. */
    public List<Device> of(UUID userId) {
        return jdbc.sql("""
                select id, series, user_agent, created_at, last_used_at, expires_at from identity.remembered_devices
                where user_id = :user and revoked_at is null and expires_at > :now
                order by last_used_at desc, created_at desc
                """).param("user", userId).param("now", UserAccounts.ts(clock.instant()))
                .query((rs, i) -> new Device(rs.getObject("id", UUID.class), rs.getString("series"),
                        rs.getString("user_agent"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /** The holder signs one device out: its series ends, and the session it started with it. */
    @Transactional
    public void signOut(SignedInUser holder, UUID deviceId) {
        Optional<String> session = jdbc.sql("""
                update identity.remembered_devices set revoked_at = :now, revoked_reason = 'HOLDER'
                where id = :id and user_id = :user and revoked_at is null returning array_to_string(session_ids, ',')
                """).param("now", UserAccounts.ts(clock.instant())).param("id", deviceId).param("user", holder.id())
                .query(String.class).optional();
        if (session.isEmpty()) {
            throw DomainException.notFound(Messages.text("identity.subject.remembered-device"));
        }
        endSessions(session.get());
        audit.record(AuditEvent.success("REMEMBER_ME_REVOKE", "REMEMBERED_DEVICE", deviceId.toString(),
                holder.homeRegionCode()).withDetail(Messages.text("identity.remember.signed-out-detail")));
    }

    /** The holder signs every device out (their sessions end too); answers how many. */
    @Transactional
    public int signOutAll(SignedInUser holder) {
        List<String> ended = jdbc.sql("""
                update identity.remembered_devices set revoked_at = :now, revoked_reason = 'HOLDER'
                where user_id = :user and revoked_at is null returning array_to_string(session_ids, ',')
                """).param("now", UserAccounts.ts(clock.instant())).param("user", holder.id())
                .query(String.class).list();
        ended.forEach(this::endSessions);
        if (!ended.isEmpty()) {
            audit.record(AuditEvent.success("REMEMBER_ME_REVOKE_ALL", "USER", holder.id().toString(),
                    holder.homeRegionCode()).withDetail(Messages.text("identity.remember.all-signed-out-detail", ended.size())));
        }
        return ended.size();
    }

    /** Logout on a remembered device: that series ends (the session ends by the logout itself). */
    @Transactional
    public void loggedOut(String cookieValue) {
        var parts = COOKIE_VALUE.matcher(cookieValue);
        if (!parts.matches()) {
            return;
        }
        jdbc.sql("""
                update identity.remembered_devices set revoked_at = :now, revoked_reason = 'LOGOUT'
                where series = :series and revoked_at is null returning id, user_id
                """).param("now", UserAccounts.ts(clock.instant())).param("series", parts.group(1))
                .query((rs, i) -> List.of(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional()
                .ifPresent(ids -> audit.record(AuditEvent.success("REMEMBER_ME_REVOKE", "REMEMBERED_DEVICE",
                        ids.get(0).toString(), accounts.find(ids.get(1)).map(UserAccount::homeRegionCode).orElse(null))
                        .withDetail(Messages.text("identity.remember.logout-detail"))));
    }

    /**
     * The account's password, status or roles changed: no device stays signed in by an old cookie.
     * Called by {@link SessionEnding} in the transaction of the change; answers how many ended.
     */
    @Transactional
    public int revokeAll(UUID userId) {
        int revoked = jdbc.sql("""
                update identity.remembered_devices set revoked_at = :now, revoked_reason = 'ACCOUNT_CHANGED'
                where user_id = :user and revoked_at is null
                """).param("now", UserAccounts.ts(clock.instant())).param("user", userId).update();
        if (revoked > 0) {
            audit.record(AuditEvent.success("REMEMBER_ME_REVOKE_ALL", "USER", userId.toString(),
                    accounts.find(userId).map(UserAccount::homeRegionCode).orElse(null))
                    .withDetail(Messages.text("identity.remember.account-changed-detail", revoked)));
        }
        return revoked;
    }

    /** Removes series past their 30 days (revoked or not): they can sign nobody in. Answers how many. */
    @Transactional
    public int deleteExpired() {
        return jdbc.sql("delete from identity.remembered_devices where expires_at <= :now")
                .param("now", UserAccounts.ts(clock.instant())).update();
    }

    private void revokeRow(UUID id, String reason, Instant now) {
        jdbc.sql("update identity.remembered_devices set revoked_at = :now, revoked_reason = :reason where id = :id")
                .param("now", UserAccounts.ts(now)).param("reason", reason).param("id", id).update();
    }

    /** @param sessionIds comma-separated; sessions already gone are skipped */
    private void endSessions(String sessionIds) {
        for (String sessionId : sessionIds.split(",")) {
            SessionInformation session = sessionId.isEmpty() ? null : sessions.getSessionInformation(sessionId);
            if (session != null) {
                session.expireNow();
            }
        }
    }

    private static String label(String userAgent) {
        return DeviceLabel.of(userAgent.length() > USER_AGENT_INPUT ? userAgent.substring(0, USER_AGENT_INPUT) : userAgent);
    }

    private record Row(UUID id, String series, UUID userId, String tokenHash, @Nullable String previousHash,
            Instant rotatedAt, Instant expiresAt, @Nullable Instant revokedAt, String userAgent) {
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new Row(rs.getObject("id", UUID.class), rs.getString("series"), rs.getObject("user_id", UUID.class),
                rs.getString("token_hash"), rs.getString("previous_hash"), rs.getTimestamp("rotated_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getString("user_agent"));
    }
}
