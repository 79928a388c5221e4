package cn.wushe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one request budget of the application (security.md item 8): a token bucket per budget and
 * key (a client address, an account id, a username), {@code burst} requests at once and one more
 * every {@code refill}. A caller that has used up its budget gets {@link RateLimited}, which every
 * layer answers the same way: 429 with {@code Retry-After}, problem+json in Chinese on the API, the
 * Chinese 429 page in a browser ({@code platform.web.ProblemHandling}, {@code PageErrors}).
 *
 * <p>Kept in memory per node: a restart forgives, and with two nodes a client may get up to twice
 * its budget — the lockout that protects passwords is in the database, this only dampens floods.
 * Beyond {@link #MAX_TRACKED} keys, buckets that have filled up again are forgotten.
 */
@Component
public class RateLimits {

    static final int MAX_TRACKED = 50_000;

    /**
     * One kind of budget.
     *
     * @param name   stable, e.g. {@code identity.sign-up}; keys of different budgets never mix
     * @param burst  requests allowed at once
     * @param refill one more request is allowed after this long
     * @param page   the view a browser is shown when refused ({@code null}: the common 429 page)
     */
    public record Budget(String name, int burst, Duration refill, @Nullable String page) {

        public Budget {
            if (burst < 1 || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("a budget allows at least one request and refills: " + name);
            }
        }

        public static Budget of(String name, int burst, Duration refill) {
            return new Budget(name, burst, refill, null);
        }

        /** The same budget, shown on its own page when refused. */
        public Budget shownOn(String view) {
            return new Budget(name, burst, refill, view);
        }
    }

    /** Tokens and when they were counted; replaced whole, so the map's compute keeps it consistent. */
    private record Bucket(double tokens, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes one request from {@code key}'s budget.
     *
     * @throws RateLimited when the budget is used up (nothing is taken then)
     */
    public void take(Budget budget, String key) {
        Optional<Duration> wait = tryTake(budget, key);
        if (wait.isPresent()) {
            throw new RateLimited(budget, wait.get());
        }
    }

    /** Takes one request: empty when allowed, else how long until the next one is. */
    public Optional<Duration> tryTake(Budget budget, String key) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> e.getValue().tokens() >= 1 && e.getValue().at().isBefore(now.minus(Duration.ofHours(1))));
        }
        double[] missing = {0};
        buckets.compute(budget.name() + '\u0000' + key, (k, bucket) -> {
            double tokens = bucket == null ? budget.burst() : refilled(budget, bucket, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            missing[0] = 1 - tokens;
            return new Bucket(tokens, now);
        });
        if (missing[0] == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil(missing[0] * budget.refill().toNanos())));
    }

    /** Gives back a request taken for something that turned out to be legitimate (a successful sign-in). */
    public void forgive(Budget budget, String key) {
        buckets.remove(budget.name() + '\u0000' + key);
    }

    private static double refilled(Budget budget, Bucket bucket, Instant now) {
        double elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
        return Math.min(budget.burst(), bucket.tokens() + elapsed / budget.refill().toNanos());
    }

    /** A budget was used up: answered with 429 and {@code Retry-After}. */
    public static final class RateLimited extends DomainException {

        private final transient Budget budget;
        private final Duration retryAfter;

        public RateLimited(Budget budget, Duration retryAfter) {
            super(ProblemType.TOO_MANY_REQUESTS, Messages.text("platform.rate-limited", waitText(retryAfter)));
            this.budget = budget;
            this.retryAfter = retryAfter;
        }

        public Budget budget() {
            return budget;
        }

        /** Whole seconds, rounded up, at least one: retrying after it must not meet the limit again. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }

        static String waitText(Duration wait) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            return seconds < 60 ? Messages.text("platform.rate-limited.seconds", seconds)
                    : Messages.text("platform.rate-limited.minutes", (seconds + 59) / 60);
        }
    }
}
