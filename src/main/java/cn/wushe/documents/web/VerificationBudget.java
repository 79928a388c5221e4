package cn.wushe.documents.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the public verification page: {@code burst} checks at
 * once, then {@code perMinute} more each minute, so a phone scanning a stack of certificates is
 * never refused but nobody walks the serial space. Kept in memory: a restart only forgives.
 */
@Component
class VerificationBudget {

    /** Beyond this many addresses, buckets that have filled up again are forgotten. */
    static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final int burst;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    VerificationBudget(Clock clock, @Value("${wushe.documents.verify.burst:20}") int burst,
            @Value("${wushe.documents.verify.per-minute:10}") int perMinute) {
        this.clock = clock;
        this.burst = burst;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    /** Tokens and when they were counted; replaced whole, so a compare-and-set keeps it consistent. */
    private record Bucket(double tokens, long atNanos) {
    }

    /** Takes one check from {@code address}'s budget: empty when allowed, else how long until the next one. */
    Optional<Duration> take(String address) {
        long now = nanos();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        Bucket[] taken = new Bucket[1];
        buckets.compute(address, (key, bucket) -> {
            double tokens = bucket == null ? burst : refilled(bucket, now);
            Bucket next = tokens >= 1 ? new Bucket(tokens - 1, now) : new Bucket(tokens, now);
            taken[0] = tokens >= 1 ? next : null;
            return next;
        });
        if (taken[0] != null) {
            return Optional.empty();
        }
        double missing = 1 - buckets.get(address).tokens();
        return Optional.of(Duration.ofNanos((long) Math.ceil(missing / perNano)));
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens() + (now - bucket.atNanos()) * perNano);
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
