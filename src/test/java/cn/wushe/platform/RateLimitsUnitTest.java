package cn.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.identity.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one request budget: burst, refill, separate keys and budgets, and the wait it tells. */
class RateLimitsUnitTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC);
    final RateLimits limits = new RateLimits(clock);
    final RateLimits.Budget three = RateLimits.Budget.of("test.three", 3, Duration.ofSeconds(10));

    @Test
    void allowsTheBurstThenRefusesWithTheWaitUntilTheNextRequest() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryTake(three, "a")).isEmpty();
        }
        assertThat(limits.tryTake(three, "a")).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> limits.take(three, "a")).isInstanceOfSatisfying(RateLimits.RateLimited.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(6);
            assertThat(e.type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS);
            assertThat(e.getMessage()).isEqualTo("操作过于频繁，请 6 秒后再试");
        });
        clock.advance(Duration.ofSeconds(6));
        assertThat(limits.tryTake(three, "a")).isEmpty();
    }

    @Test
    void keysAndBudgetsAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limits.take(three, "a");
        }
        assertThat(limits.tryTake(three, "b")).isEmpty();
        assertThat(limits.tryTake(RateLimits.Budget.of("test.other", 1, Duration.ofMinutes(5)), "a")).isEmpty();
    }

    @Test
    void aLongWaitIsToldInMinutesRoundedUp() {
        RateLimits.Budget slow = RateLimits.Budget.of("test.slow", 1, Duration.ofSeconds(150));
        limits.take(slow, "a");
        assertThatThrownBy(() -> limits.take(slow, "a")).hasMessage("操作过于频繁，请 3 分钟后再试");
    }

    @Test
    void aRefusedRequestTakesNothing() {
        RateLimits.Budget one = RateLimits.Budget.of("test.one", 1, Duration.ofSeconds(10));
        limits.take(one, "a");
        for (int i = 0; i < 5; i++) {
            assertThat(limits.tryTake(one, "a")).isPresent();
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(limits.tryTake(one, "a")).isEmpty();
    }
}
