package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user account (账号): a login name, a password hash and the unit (county, town or community) the
 * account belongs to, which bounds which system administrator manages it. Its state changes only
 * through the methods below; nothing is ever deleted.
 */
public final class UserAccount {

    private static final Pattern UNIT = Pattern.compile("[0-9]{6}([0-9]{3}){0,2}");

    private final UUID id;
    private final Username username;
    private final String displayName;
    private final @Nullable PhoneNumber phone;
    private final String homeRegionCode;
    private final Instant createdAt;
    private final long version;
    private String passwordHash;
    private Instant passwordChangedAt;
    private boolean mustChangePassword;
    private boolean enabled;
    private @Nullable Instant lastLoginAt;

    private UserAccount(UUID id, Username username, String displayName, @Nullable PhoneNumber phone,
            String homeRegionCode, Instant createdAt, long version, String passwordHash, Instant passwordChangedAt,
            boolean mustChangePassword, boolean enabled, @Nullable Instant lastLoginAt) {
        this.id = id;
        this.username = username;
        this.displayName = checkedDisplayName(displayName);
        this.phone = phone;
        this.homeRegionCode = checkedUnit(homeRegionCode);
        this.createdAt = createdAt;
        this.version = version;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        this.mustChangePassword = mustChangePassword;
        this.enabled = enabled;
        this.lastLoginAt = lastLoginAt;
    }

    /** A new, enabled account whose holder must replace the initial password at first login. */
    public static UserAccount open(Username username, String displayName, @Nullable PhoneNumber phone,
            String homeRegionCode, String initialPasswordHash, Instant now) {
        return new UserAccount(UUID.randomUUID(), username, displayName, phone, homeRegionCode, now, 0,
                initialPasswordHash, now, true, true, null);
    }

    /**
     * An account its holder opened through the sign-up form (注册): the password is their own choice,
     * already checked against the policy, so no change is due at first login.
     */
    public static UserAccount signedUp(Username username, String displayName, String homeRegionCode,
            String passwordHash, Instant now) {
        return new UserAccount(UUID.randomUUID(), username, displayName, null, homeRegionCode, now, 0,
                passwordHash, now, false, true, null);
    }

    /** Rebuilds an account as stored; for the repository only. */
    static UserAccount restore(UUID id, Username username, String displayName, @Nullable PhoneNumber phone,
            String homeRegionCode, Instant createdAt, long version, String passwordHash, Instant passwordChangedAt,
            boolean mustChangePassword, boolean enabled, @Nullable Instant lastLoginAt) {
        return new UserAccount(id, username, displayName, phone, homeRegionCode, createdAt, version, passwordHash,
                passwordChangedAt, mustChangePassword, enabled, lastLoginAt);
    }

    /** The holder chose a new password (already checked against the policy). */
    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = false;
    }

    /** An administrator set a new initial password; the holder must change it at next login. */
    public void resetPassword(String initialHash, Instant now) {
        passwordHash = initialHash;
        passwordChangedAt = now;
        mustChangePassword = true;
    }

    /** The same password, hashed with stronger parameters than when it was set. */
    public void rehashPassword(String strongerHash) {
        passwordHash = strongerHash;
    }

    public void disable() {
        if (!enabled) {
            throw DomainException.conflict(ProblemType.ACCOUNT_DISABLED, "enabled", Messages.text("identity.account.already-disabled"));
        }
        enabled = false;
    }

    public void enable() {
        if (enabled) {
            throw DomainException.conflict(ProblemType.ACCOUNT_ENABLED, "enabled", Messages.text("identity.account.already-enabled"));
        }
        enabled = true;
    }

    public void signedIn(Instant now) {
        lastLoginAt = now;
    }

    /** The initial password was never replaced, or the password is older than {@code maxAge}. */
    public boolean passwordChangeDue(Duration maxAge, Instant now) {
        return mustChangePassword || !now.isBefore(passwordChangedAt.plus(maxAge));
    }

    private static String checkedDisplayName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 50 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("displayName", Messages.text("identity.account.display-name-invalid"));
        }
        return trimmed;
    }

    private static String checkedUnit(String code) {
        if (code == null || !UNIT.matcher(code).matches()) {
            throw DomainException.invalid("homeRegionCode", Messages.text("identity.account.home-unit-invalid"));
        }
        return code;
    }

    public UUID id() {
        return id;
    }

    public Username username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public @Nullable PhoneNumber phone() {
        return phone;
    }

    public String homeRegionCode() {
        return homeRegionCode;
    }

    public String countyCode() {
        return homeRegionCode.substring(0, 6);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean enabled() {
        return enabled;
    }

    public @Nullable Instant lastLoginAt() {
        return lastLoginAt;
    }
}
