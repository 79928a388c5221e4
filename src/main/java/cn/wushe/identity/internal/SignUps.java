package cn.wushe.identity.internal;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored sign-ups ({@code identity.sign_ups}). Phone and identity number are written only
 * encrypted, each with its blind index, which is what sign-in and the uniqueness checks look up.
 */
@Repository
public class SignUps {

    static final int PAGE_SIZE = 50;

    private static final String COLUMNS = """
            s.id, s.user_id, s.kind, s.status, s.real_name, s.phone_enc, s.id_number_enc, s.community_code,
            s.submitted_at, s.decided_at, s.decided_by, s.reject_reason, s.version""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;

    SignUps(JdbcClient jdbc, FieldCipher cipher, BlindIndex index) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
    }

    String phoneIndex(PhoneNumber phone) {
        return index.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone.digits());
    }

    String identityNumberIndex(IdentityNumber number) {
        return index.of(IdentityNumber.BLIND_INDEX_PURPOSE, number.value());
    }

    void add(SignUp signUp) {
        IdentityNumber number = signUp.identityNumber();
        jdbc.sql("""
                insert into identity.sign_ups (id, user_id, kind, status, real_name, phone_enc, phone_bidx,
                    id_number_enc, id_number_bidx, community_code, county_code, submitted_at, version)
                values (:id, :user, :kind, :status, :name, :phone, :phoneIndex, :idNumber, :idIndex, :community,
                    :county, :at, 0)""")
                .param("id", signUp.id()).param("user", signUp.userId()).param("kind", signUp.kind().name())
                .param("status", signUp.status().name()).param("name", signUp.realName())
                .param("phone", cipher.encrypt(signUp.phone().digits())).param("phoneIndex", phoneIndex(signUp.phone()))
                .param("idNumber", number == null ? null : cipher.encrypt(number.value()))
                .param("idIndex", number == null ? null : identityNumberIndex(number))
                .param("community", signUp.communityCode()).param("county", signUp.countyCode())
                .param("at", UserAccounts.ts(signUp.submittedAt()))
                .update();
    }

    /** Writes a decision or withdrawal; fails if someone else changed the sign-up since it was read. */
    void update(SignUp signUp) {
        int rows = jdbc.sql("""
                update identity.sign_ups set status = :status, decided_at = :decidedAt, decided_by = :decidedBy,
                    reject_reason = :reason, version = version + 1
                where id = :id and version = :version""")
                .param("status", signUp.status().name()).param("decidedAt", UserAccounts.ts(signUp.decidedAt()))
                .param("decidedBy", signUp.decidedBy()).param("reason", signUp.rejectReason())
                .param("id", signUp.id()).param("version", signUp.version())
                .update();
        if (rows != 1) {
            throw new DomainException(ProblemType.CONCURRENT_MODIFICATION, Messages.text("identity.signup.modified"));
        }
    }

    /** The sign-up, if it lies inside {@code scope} (a {@code ScopeFilter} predicate over {@code s}). */
    public Optional<SignUp> findInScope(UUID id, SqlPredicate scope) {
        return jdbc.sql("select " + COLUMNS + " from identity.sign_ups s where s.id = :id and " + scope.sql())
                .param("id", id).params(scope.params()).query(this::signUp).optional();
    }

    /** The account's own sign-up (at most one per account). */
    public Optional<SignUp> ofUser(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from identity.sign_ups s where s.user_id = :user")
                .param("user", userId).query(this::signUp).optional();
    }

    /** Whether the account signed up itself and is not (yet) confirmed: a cheap check for every request of a role-less account. */
    public boolean restricts(UUID userId) {
        return jdbc.sql("select exists (select 1 from identity.sign_ups where user_id = :user and status <> 'CONFIRMED')")
                .param("user", userId).query(Boolean.class).single();
    }

    /** The account of a live (not withdrawn) sign-up with this phone number, for sign-in by phone. */
    Optional<UUID> accountOfPhone(PhoneNumber phone) {
        return jdbc.sql("select user_id from identity.sign_ups where phone_bidx = :bidx and status <> 'WITHDRAWN'")
                .param("bidx", phoneIndex(phone)).query(UUID.class).optional();
    }

    /** Whether a live volunteer sign-up in {@code countyCode} has this identity number. */
    boolean volunteerNumberTaken(String countyCode, IdentityNumber number) {
        return jdbc.sql("""
                select exists (select 1 from identity.sign_ups where county_code = :county and kind = 'VOLUNTEER'
                    and id_number_bidx = :bidx and status <> 'WITHDRAWN')""")
                .param("county", countyCode).param("bidx", identityNumberIndex(number)).query(Boolean.class).single();
    }

    /** A page of sign-ups inside {@code scope} in the given statuses, oldest first. */
    public Page<SignUp> page(SqlPredicate scope, List<SignUpStatus> statuses, int page) {
        String where = " where " + scope.sql() + " and s.status = any(:statuses)";
        String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
        long total = jdbc.sql("select count(*) from identity.sign_ups s" + where)
                .params(scope.params()).param("statuses", names).query(Long.class).single();
        List<SignUp> rows = jdbc.sql("select " + COLUMNS + " from identity.sign_ups s" + where
                        + " order by s.submitted_at, s.id limit :limit offset :offset")
                .params(scope.params()).param("statuses", names)
                .param("limit", PAGE_SIZE).param("offset", Math.max(0, page) * PAGE_SIZE)
                .query(this::signUp).list();
        return Page.counted(rows, total, Math.max(0, page), PAGE_SIZE);
    }

    public long countPending(SqlPredicate scope) {
        return jdbc.sql("select count(*) from identity.sign_ups s where s.status = 'PENDING' and " + scope.sql())
                .params(scope.params()).query(Long.class).single();
    }

    /** Live (pending or confirmed) resident sign-ups of one community inside {@code scope}, newest first, at most {@code limit}. */
    public List<SignUp> residentsOf(SqlPredicate scope, String communityCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from identity.sign_ups s where s.kind = 'RESIDENT'"
                        + " and s.status in ('PENDING', 'CONFIRMED') and s.community_code = :community and " + scope.sql()
                        + " order by s.submitted_at desc limit :limit")
                .param("community", communityCode).param("limit", limit).params(scope.params())
                .query(this::signUp).list();
    }

    /** Sign-ups of the given kind in scope whose identity number has this blind index (any status but withdrawn). */
    public List<SignUp> withIdentityNumberIndex(SqlPredicate scope, SignUpKind kind, String idNumberIndex) {
        return jdbc.sql("select " + COLUMNS + " from identity.sign_ups s where s.kind = :kind and s.id_number_bidx = :bidx"
                        + " and s.status <> 'WITHDRAWN' and " + scope.sql() + " order by s.submitted_at")
                .param("kind", kind.name()).param("bidx", idNumberIndex).params(scope.params())
                .query(this::signUp).list();
    }

    private SignUp signUp(ResultSet rs, int row) throws SQLException {
        String idNumber = rs.getString("id_number_enc");
        return new SignUp(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                SignUpKind.valueOf(rs.getString("kind")), SignUpStatus.valueOf(rs.getString("status")),
                rs.getString("real_name"), new PhoneNumber(cipher.decrypt(rs.getString("phone_enc"))),
                idNumber == null ? null : new IdentityNumber(IdDocumentType.RESIDENT_ID, cipher.decrypt(idNumber)),
                rs.getString("community_code"), UserAccounts.requiredInstant(rs, "submitted_at"),
                UserAccounts.instant(rs, "decided_at"), rs.getObject("decided_by", UUID.class),
                nullable(rs.getString("reject_reason")), rs.getLong("version"));
    }

    private static @Nullable String nullable(@Nullable String value) {
        return value;
    }
}
