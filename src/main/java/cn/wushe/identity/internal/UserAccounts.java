package cn.wushe.identity.internal;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.Page;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored user accounts ({@code identity.users}). */
@Repository
public class UserAccounts {

    static final int PAGE_SIZE = 50;

    private static final String COLUMNS = """
            u.id, u.username, u.display_name, u.phone_enc, u.home_region_code, u.created_at, u.version, u.password_hash,
            u.password_changed_at, u.must_change_password, u.enabled, u.last_login_at""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;

    UserAccounts(JdbcClient jdbc, FieldCipher cipher, BlindIndex index) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
    }

    /** The account holding this phone number, found by its blind index (the number is stored only encrypted). */
    public Optional<UserAccount> findByPhone(PhoneNumber phone) {
        List<UserAccount> holders = jdbc.sql("select " + COLUMNS + " from identity.users u where u.phone_bidx = :bidx")
                .param("bidx", phoneIndex(phone)).query(this::account).list();
        // a number two accounts share signs in neither: which one was meant is unknowable
        return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }

    String phoneIndex(PhoneNumber phone) {
        return index.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone.digits());
    }

    /**
     * Encrypts the phone numbers still stored in clear (rows written before encryption); answers how many.
     * Runs at start, so an upgraded {@code ./data} keeps no number in clear.
     */
    public int encryptClearPhones() {
        record Clear(UUID id, String phone) {
        }
        List<Clear> rows = jdbc.sql("select id, phone from identity.users where phone is not null")
                .query((rs, i) -> new Clear(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Clear row : rows) {
            String digits = PhoneNumber.normalise(row.phone());
            jdbc.sql("update identity.users set phone_enc = :enc, phone_bidx = :bidx, phone = null where id = :id")
                    .param("enc", cipher.encrypt(digits)).param("bidx", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, digits))
                    .param("id", row.id()).update();
        }
        return rows.size();
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity.users u where u.id = :id")
                .param("id", id).query(this::account).optional();
    }

    /** @param normalized a key from {@link Username#normalize} */
    public Optional<UserAccount> findByUsername(String normalized) {
        return jdbc.sql("select " + COLUMNS + " from identity.users u where lower(u.username) = :name")
                .param("name", normalized).query(this::account).optional();
    }

    /** The account, if it lies inside {@code scope} (a {@code ScopeFilter} predicate over {@code u}). */
    public Optional<UserAccount> findInScope(UUID id, SqlPredicate scope) {
        return jdbc.sql("select " + COLUMNS + " from identity.users u where u.id = :id and " + scope.sql())
                .param("id", id).params(scope.params()).query(this::account).optional();
    }

    /** Rejects a name that differs from an existing one only in case. */
    public void add(UserAccount account) {
        try {
            jdbc.sql("""
                    insert into identity.users (id, username, display_name, phone_enc, phone_bidx, password_hash,
                        password_changed_at, must_change_password, enabled, home_region_code, county_code, last_login_at,
                        version, created_at)
                    values (:id, :username, :displayName, :phone, :phoneIndex, :hash, :changedAt, :mustChange, :enabled,
                        :home, :county, :lastLogin, 0, :createdAt)
                    """)
                    .param("id", account.id()).param("username", account.username().value())
                    .param("displayName", account.displayName())
                    .param("phone", account.phone() == null ? null : cipher.encrypt(account.phone().digits()))
                    .param("phoneIndex", account.phone() == null ? null : phoneIndex(account.phone()))
                    .param("hash", account.passwordHash()).param("changedAt", ts(account.passwordChangedAt()))
                    .param("mustChange", account.mustChangePassword()).param("enabled", account.enabled())
                    .param("home", account.homeRegionCode()).param("county", account.countyCode())
                    .param("lastLogin", ts(account.lastLoginAt())).param("createdAt", ts(account.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict(ProblemType.USERNAME_TAKEN, "username", Messages.text("identity.account.username-taken"));
        }
    }

    /** Writes the changeable state; fails if someone else changed the account since it was read. */
    public void update(UserAccount account) {
        int rows = jdbc.sql("""
                update identity.users set password_hash = :hash, password_changed_at = :changedAt,
                    must_change_password = :mustChange, enabled = :enabled, last_login_at = :lastLogin,
                    version = version + 1
                where id = :id and version = :version
                """)
                .param("hash", account.passwordHash()).param("changedAt", ts(account.passwordChangedAt()))
                .param("mustChange", account.mustChangePassword()).param("enabled", account.enabled())
                .param("lastLogin", ts(account.lastLoginAt())).param("id", account.id())
                .param("version", account.version())
                .update();
        if (rows != 1) {
            throw new DomainException(ProblemType.CONCURRENT_MODIFICATION, Messages.text("identity.account.modified"));
        }
    }

    /** One row of an account list, with the lock state of its login. */
    public record Summary(UUID id, String username, String displayName, @Nullable String maskedPhone,
            String homeRegionCode, boolean enabled, boolean mustChangePassword, @Nullable Instant lastLoginAt,
            @Nullable Instant lockedUntil) {
    }

    /** A page of accounts inside {@code scope}, matching {@code query} in name or login name. */
    public Page<Summary> search(SqlPredicate scope, String query, int page) {
        String where = " where " + scope.sql() + " and (:q = '' or u.username ilike :like or u.display_name ilike :like)";
        String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("select count(*) from identity.users u" + where)
                .params(scope.params()).param("q", query).param("like", like).query(Long.class).single();
        List<Summary> rows = jdbc.sql("""
                select u.id, u.username, u.display_name, u.phone_enc, u.home_region_code, u.enabled,
                    u.must_change_password, u.last_login_at,
                    (select max(f.locked_until) from identity.login_failures f
                     where f.username_normalized = lower(u.username) and f.client_address <> '') as locked_until
                from identity.users u
                """ + where + " order by u.home_region_code, u.username limit :limit offset :offset")
                .params(scope.params()).param("q", query).param("like", like)
                .param("limit", PAGE_SIZE).param("offset", Math.max(0, page) * PAGE_SIZE)
                .query((rs, i) -> new Summary(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), masked(rs.getString("phone_enc")), rs.getString("home_region_code"),
                        rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                        instant(rs, "last_login_at"), instant(rs, "locked_until")))
                .list();
        return Page.counted(rows, total, Math.max(0, page), PAGE_SIZE);
    }

    private UserAccount account(ResultSet rs, int row) throws SQLException {
        String stored = rs.getString("phone_enc");
        String phone = stored == null ? null : cipher.decrypt(stored);
        return UserAccount.restore(rs.getObject("id", UUID.class), new Username(rs.getString("username")),
                rs.getString("display_name"), phone == null ? null : new PhoneNumber(phone),
                rs.getString("home_region_code"), requiredInstant(rs, "created_at"), rs.getLong("version"),
                rs.getString("password_hash"), requiredInstant(rs, "password_changed_at"),
                rs.getBoolean("must_change_password"), rs.getBoolean("enabled"), instant(rs, "last_login_at"));
    }

    private @Nullable String masked(@Nullable String stored) {
        return stored == null ? null : new PhoneNumber(cipher.decrypt(stored)).masked();
    }

    /**
     * To PostgreSQL's microseconds, truncated: rounding up could make a stored deadline (a lock's
     * end, a token's expiry) a fraction later than the one computed.
     */
    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
