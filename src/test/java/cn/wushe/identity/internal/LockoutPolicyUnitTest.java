package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failure count by itself, with configurable limit, window and lock duration. */
class LockoutPolicyUnitTest {

    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    /** Each failure after the previous by {@code gapMinutes}: is the name locked after the last one? */
    @ParameterizedTest(name = "{0} failures {1} min apart, limit {2} in {3} min → locked {4}")
    @CsvSource(textBlock = """
            4, 1, 5, 15, false
            5, 1, 5, 15, true
            5, 3, 5, 15, true
            5, 4, 5, 15, false
            3, 1, 3, 15, true
            2, 1, 3, 15, false
            10, 20, 5, 15, false
            """)
    void locksWhenTheLimitIsReachedWithinTheWindow(int failures, int gapMinutes, int limit, int windowMinutes,
            boolean locked) {
        SecuritySettings.Lockout policy = new SecuritySettings.Lockout(limit, Duration.ofMinutes(windowMinutes),
                Duration.ofMinutes(15));
        FailureCount count = FailureCount.NONE;
        Instant now = T0;
        for (int i = 0; i < failures; i++) {
            count = count.afterFailure(policy, now);
            if (i < failures - 1) {
                now = now.plus(Duration.ofMinutes(gapMinutes));
            }
        }
        assertThat(count.lockedAt(now)).isEqualTo(locked);
    }

    @Test
    void lockLastsItsDurationAndThenCountingStartsAfresh() {
        SecuritySettings.Lockout policy = new SecuritySettings.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
        FailureCount count = FailureCount.NONE;
        for (int i = 0; i < 5; i++) {
            count = count.afterFailure(policy, T0);
        }
        assertThat(count.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(count.lockedAt(T0.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(count.lockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
        FailureCount afterLock = count.afterFailure(policy, T0.plus(Duration.ofMinutes(16)));
        assertThat(afterLock.failures()).isEqualTo(1);
        assertThat(afterLock.lockedAt(T0.plus(Duration.ofMinutes(16)))).isFalse();
    }
}
