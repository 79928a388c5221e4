package cn.wushe.identity.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code limit} sign-up attempts per client address in a sliding window, refused ones
 * included: the public form creates accounts, so a script must not fill the queue or probe phone
 * numbers quickly. Kept in memory (one instance; a restart forgets it, which only lets an address
 * start over). The map is bounded: beyond {@link #MAX_ADDRESSES} the oldest addresses are dropped.
 */
@Component
public class SignUpThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new LinkedHashMap<>(16, 0.75f, true);

    SignUpThrottle(@Value("${wushe.identity.signup.attempts-per-address:5}") int limit,
            @Value("${wushe.identity.signup.attempt-window:PT15M}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts one attempt from {@code address}.
     *
     * @throws DomainException {@link ProblemType#TOO_MANY_REQUESTS} when the address used up its attempts
     */
    public synchronized void attempt(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            throw new DomainException(ProblemType.TOO_MANY_REQUESTS,
                    Messages.text("identity.signup.too-many", window.toMinutes()));
        }
        times.addLast(now);
        if (attempts.size() > MAX_ADDRESSES) {
            Iterator<String> eldest = attempts.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    public Duration window() {
        return window;
    }
}
