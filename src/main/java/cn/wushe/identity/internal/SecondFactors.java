package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor (security.md item 7): a TOTP authenticator app (RFC 6238), required for the
 * system, security and audit administrators and, where a county's policy says so, for everyone of
 * that county; optional for the others. Enrolment shows a QR code and ten recovery codes once.
 * A wrong code counts as a failed login of that username from that address (the same lockout).
 */
@Service
public class SecondFactors {

    /** Roles that never sign in with a password alone. */
    public static final Set<String> ADMINISTRATORS = Set.of(Role.SYSTEM_ADMIN.name(), Role.SECURITY_ADMIN.name(),
            Role.AUDIT_ADMIN.name());
    public static final String ISSUER = Messages.text("identity.second-factor.issuer");
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an enrolment shows: the secret for the QR code (and typing), and the account it is for. */
    public record Enrolment(String secretBase32, String uri) {
    }

    /** What came of a code typed at sign-in. */
    public sealed interface Check {
    }

    public record Passed(SignedInUser user) implements Check {
    }

    public record Wrong() implements Check {
    }

    public record Locked(Instant until) implements Check {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final UserAccounts accounts;
    private final SignedInUsers signedInUsers;
    private final LoginFailures failures;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordEncoder encoder;

    SecondFactors(JdbcClient jdbc, FieldCipher cipher, UserAccounts accounts, SignedInUsers signedInUsers,
            LoginFailures failures, SecuritySettings settings, AuditLog audit, Clock clock, PasswordEncoder encoder) {
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.accounts = accounts;
        this.signedInUsers = signedInUsers;
        this.failures = failures;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean enrolled(UUID userId) {
        return jdbc.sql("select count(*) from identity.second_factors where user_id = :u").param("u", userId)
                .query(Integer.class).single() > 0;
    }

    /** Whether the account may not sign in without a second factor (its roles or its county's policy). */
    public boolean required(SignedInUser user) {
        if (user.roles().stream().anyMatch(ADMINISTRATORS::contains)) {
            return true;
        }
        CountyPolicy policy = countyPolicy(user.homeRegionCode().substring(0, 6));
        return policy.everyone() || user.roles().stream().anyMatch(policy.roles()::contains);
    }

    public boolean countyRequires(String countyCode) {
        return countyPolicy(countyCode).everyone();
    }

    /**
     * A county's second-factor policy: every account, or the accounts holding one of {@code roles}
     * (role codes; the three administrators must use it anyway).
     */
    public record CountyPolicy(boolean everyone, java.util.Set<String> roles) {

        public CountyPolicy {
            roles = java.util.Set.copyOf(roles);
        }
    }

    /** The roles a county's policy may name: every role but the three administrators. */
    public static java.util.List<String> policyRoles() {
        return java.util.Arrays.stream(Role.values()).map(Role::name).filter(r -> !ADMINISTRATORS.contains(r)).toList();
    }

    public CountyPolicy countyPolicy(String countyCode) {
        return jdbc.sql("select second_factor_required, second_factor_roles from identity.county_policies where county_code = :c")
                .param("c", countyCode)
                .query((rs, i) -> new CountyPolicy(rs.getBoolean(1),
                        java.util.Set.of((String[]) rs.getArray(2).getArray())))
                .optional().orElse(new CountyPolicy(false, java.util.Set.of()));
    }

    /** Sets whether every account must use a second factor, keeping the roles the policy names. */
    @Transactional
    public void setCountyPolicy(Actor admin, String countyCode, boolean required) {
        setCountyPolicy(admin, countyCode, new CountyPolicy(required, countyPolicy(countyCode).roles()));
    }

    /**
     * Sets the county's policy (the security administrator of that county), audited with before and after.
     *
     * @throws DomainException 403 outside the admin's county, 400 for a role the policy cannot name
     */
    @Transactional
    public void setCountyPolicy(Actor admin, String countyCode, CountyPolicy policy) {
        boolean required = policy.everyone();
        boolean permitted = admin.scopesFor(Permission.ROLE_MANAGE).stream()
                .anyMatch(scope -> scope.code().equals(countyCode));
        if (!permitted) {
            throw DomainException.forbidden(Messages.text("identity.second-factor.policy-action"));
        }
        List<String> allowed = policyRoles();
        for (String role : policy.roles()) {
            if (!allowed.contains(role)) {
                throw DomainException.invalid("roles", Messages.text("identity.second-factor.policy-role", role));
            }
        }
        CountyPolicy before = countyPolicy(countyCode);
        String[] roles = allowed.stream().filter(policy.roles()::contains).toArray(String[]::new);
        jdbc.sql("""
                insert into identity.county_policies (county_code, second_factor_required, second_factor_roles, updated_at, updated_by)
                values (:c, :r, :roles, :at, :by)
                on conflict (county_code) do update set second_factor_required = :r, second_factor_roles = :roles,
                    updated_at = :at, updated_by = :by
                """).param("c", countyCode).param("r", required).param("roles", roles)
                .param("at", UserAccounts.ts(clock.instant())).param("by", admin.id()).update();
        audit.record(AuditEvent.success("SECOND_FACTOR_POLICY", "COUNTY", countyCode, countyCode)
                .withDetail(Messages.text(required ? "identity.second-factor.policy-on" : "identity.second-factor.policy-off")
                        + "; roles=" + String.join(",", before.roles().stream().sorted().toList()) + "->" + String.join(",", roles)));
    }

    /** A new secret to scan; nothing is stored until {@link #confirm} proves the app shows its codes. */
    public Enrolment start(String username) {
        byte[] secret = Totp.newSecret();
        return new Enrolment(Totp.base32(secret), Totp.uri(ISSUER, username, secret));
    }

    /**
     * Stores the secret once the app's current code matches, replacing any earlier one, and answers
     * the ten recovery codes (shown once, kept only hashed).
     */
    @Transactional
    public List<String> confirm(UUID userId, String secretBase32, String code) {
        byte[] secret = Totp.fromBase32(secretBase32);
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), 0);
        if (step.isEmpty()) {
            throw DomainException.invalid("code", Messages.text("identity.second-factor.code-wrong"));
        }
        UserAccount account = accounts.find(userId).orElseThrow();
        store(userId, secretBase32, step.getAsLong());
        List<String> codes = newRecoveryCodes(userId);
        audit.record(AuditEvent.success("SECOND_FACTOR_ENROLLED", "USER", userId.toString(), account.homeRegionCode()));
        return codes;
    }

    /**
     * The same from the account page, where the session alone is not enough: whoever holds only a
     * session must not replace the holder's second factor with their own.
     */
    @Transactional
    public List<String> confirm(UUID userId, String currentPassword, String secretBase32, String code) {
        UserAccount account = accounts.find(userId).orElseThrow();
        if (currentPassword.isEmpty() || !encoder.matches(currentPassword, account.passwordHash())) {
            throw DomainException.invalid("currentPassword", Messages.text("identity.password.current-wrong"));
        }
        return confirm(userId, secretBase32, code);
    }

    /** Enrols a known secret without a code (demo accounts, whose secret is published in docs/demo-accounts.md). */
    @Transactional
    public void enrolKnownSecret(UUID userId, String secretBase32) {
        store(userId, secretBase32, 0);
    }

    private void store(UUID userId, String secretBase32, long usedStep) {
        jdbc.sql("""
                insert into identity.second_factors (user_id, secret_encrypted, enrolled_at, last_used_step)
                values (:u, :s, :at, :step)
                on conflict (user_id) do update set secret_encrypted = :s, enrolled_at = :at, last_used_step = :step
                """).param("u", userId).param("s", cipher.encrypt(secretBase32))
                .param("at", UserAccounts.ts(clock.instant())).param("step", usedStep).update();
    }

    private List<String> newRecoveryCodes(UUID userId) {
        jdbc.sql("delete from identity.recovery_codes where user_id = :u").param("u", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
                if (c == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            jdbc.sql("insert into identity.recovery_codes (user_id, code_hash) values (:u, :h)")
                    .param("u", userId).param("h", hash(code.toString())).update();
        }
        return codes;
    }

    /**
     * Checks a code typed at sign-in (a TOTP code or an unused recovery code) for the account whose
     * password was accepted, from {@code clientAddress}; on success the sign-in is complete.
     */
    @Transactional
    public Check complete(UUID userId, String typed, String clientAddress) {
        UserAccount account = accounts.find(userId).orElseThrow();
        String key = account.username().normalized();
        Instant now = clock.instant();
        FailureCount count = failures.lockAndRead(key, clientAddress);
        if (count.lockedAt(now)) {
            return new Locked(count.lockedUntil());
        }
        String code = typed.strip();
        boolean passed = passesTotp(userId, code, now) || usedRecoveryCode(account, code, now);
        if (!passed || !account.enabled()) {
            FailureCount after = count.afterFailure(settings.lockout(), now);
            failures.save(key, clientAddress, after, now);
            audit.record(new AuditEvent("SECOND_FACTOR_FAILURE", "USER", userId.toString(), account.homeRegionCode(),
                    Outcome.FAILURE, null, null, key));
            return after.lockedAt(now) ? new Locked(after.lockedUntil()) : new Wrong();
        }
        failures.clear(key, clientAddress);
        account.signedIn(now);
        accounts.update(account);
        audit.record(new AuditEvent("LOGIN_SUCCESS", "USER", userId.toString(), account.homeRegionCode(),
                Outcome.SUCCESS, null, Messages.text("identity.second-factor.login-detail"), key));
        return new Passed(signedInUsers.of(account));
    }

    /** Signs the enrolled account in right after a confirmed enrolment (its code was just checked). */
    @Transactional
    public SignedInUser signedInAfterEnrolment(UUID userId) {
        UserAccount account = accounts.find(userId).orElseThrow();
        account.signedIn(clock.instant());
        accounts.update(account);
        audit.record(new AuditEvent("LOGIN_SUCCESS", "USER", userId.toString(), account.homeRegionCode(),
                Outcome.SUCCESS, null, Messages.text("identity.second-factor.login-detail"), account.username().normalized()));
        return signedInUsers.of(account);
    }

    private boolean passesTotp(UUID userId, String code, Instant now) {
        Optional<Stored> stored = jdbc.sql("""
                select secret_encrypted, last_used_step from identity.second_factors where user_id = :u for update
                """).param("u", userId).query((rs, i) -> new Stored(rs.getString(1), rs.getLong(2))).optional();
        if (stored.isEmpty()) {
            return false;
        }
        byte[] secret = Totp.fromBase32(cipher.decrypt(stored.get().secret()));
        OptionalLong step = Totp.matchingStep(secret, code, now, stored.get().lastUsedStep());
        step.ifPresent(s -> jdbc.sql("update identity.second_factors set last_used_step = :s where user_id = :u")
                .param("s", s).param("u", userId).update());
        return step.isPresent();
    }

    private boolean usedRecoveryCode(UserAccount account, String code, Instant now) {
        String normal = code.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!normal.matches("[a-z0-9]{5}-?[a-z0-9]{5}")) {
            return false;
        }
        String dashed = normal.contains("-") ? normal : normal.substring(0, 5) + "-" + normal.substring(5);
        boolean used = jdbc.sql("""
                update identity.recovery_codes set used_at = :at where user_id = :u and code_hash = :h and used_at is null
                """).param("at", UserAccounts.ts(now)).param("u", account.id()).param("h", hash(dashed)).update() == 1;
        if (used) {
            audit.record(AuditEvent.success("SECOND_FACTOR_RECOVERY_USED", "USER", account.id().toString(), account.homeRegionCode()));
        }
        return used;
    }

    /** The step last accepted for the account (test support computes the next acceptable code from it). */
    public long lastUsedStep(UUID userId) {
        return jdbc.sql("select last_used_step from identity.second_factors where user_id = :u").param("u", userId)
                .query(Long.class).optional().orElse(0L);
    }

    private record Stored(String secret, long lastUsedStep) {
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
