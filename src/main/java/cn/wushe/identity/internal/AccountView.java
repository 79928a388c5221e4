package cn.wushe.identity.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account as administrators see it: never the password hash, the phone only masked.
 *
 * @param lockedUntil set while the login is locked after repeated failures
 * @param version     for optimistic locking ({@code ETag}/{@code If-Match})
 */
public record AccountView(UUID id, String username, String displayName, @Nullable String maskedPhone,
        String homeRegionCode, boolean enabled, boolean mustChangePassword, @Nullable Instant lastLoginAt,
        @Nullable Instant lockedUntil, Instant createdAt, long version) {

    static AccountView of(UserAccount account, @Nullable Instant lockedUntil) {
        return new AccountView(account.id(), account.username().value(), account.displayName(),
                account.phone() == null ? null : account.phone().masked(), account.homeRegionCode(),
                account.enabled(), account.mustChangePassword(), account.lastLoginAt(), lockedUntil,
                account.createdAt(), account.version());
    }
}
