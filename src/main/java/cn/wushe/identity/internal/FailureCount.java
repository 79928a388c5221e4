package cn.wushe.identity.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The failed logins counted against one normalized username (known or not).
 *
 * @param windowStartedAt when the first failure of the current window happened
 * @param lockedUntil     set while the username is locked
 */
public record FailureCount(int failures, @Nullable Instant windowStartedAt, @Nullable Instant lockedUntil) {

    public static final FailureCount NONE = new FailureCount(0, null, null);

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * The count after one more failure. Reaching the limit within the window locks the username
     * for the lock duration and starts counting afresh after it.
     */
    public FailureCount afterFailure(SecuritySettings.Lockout policy, Instant now) {
        boolean inWindow = windowStartedAt != null && now.isBefore(windowStartedAt.plus(policy.window()));
        int count = inWindow ? failures + 1 : 1;
        if (count >= policy.maxFailures()) {
            return new FailureCount(0, null, now.plus(policy.duration()));
        }
        return new FailureCount(count, inWindow ? windowStartedAt : now, null);
    }
}
