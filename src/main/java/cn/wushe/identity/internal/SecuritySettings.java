package cn.wushe.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tunable parameters of login, passwords, sessions and tokens ({@code wushe.security.*}).
 * The defaults follow 等保 2.0 level 3 practice.
 */
@ConfigurationProperties("wushe.security")
public record SecuritySettings(@DefaultValue Lockout lockout, @DefaultValue Password password,
        @DefaultValue Session session, @DefaultValue Tokens tokens, @DefaultValue Slowdown slowdown,
        @DefaultValue Limits limits) {

    /**
     * A username that failed {@code afterFailures} times within {@code window}, from any addresses,
     * may be tried only once per {@code interval} until the window runs out: slower, never locked.
     */
    public record Slowdown(@DefaultValue("10") int afterFailures, @DefaultValue("15m") Duration window,
            @DefaultValue("30s") Duration interval) {
    }

    /**
     * Request budgets (burst, then one more per refill) on the sensitive endpoints, per client
     * address and per signed-in account: login, person lookup, reveal, export and token management.
     */
    public record Limits(@DefaultValue("30") int loginBurst, @DefaultValue("2s") Duration loginRefill,
            @DefaultValue("120") int addressBurst, @DefaultValue("500ms") Duration addressRefill,
            @DefaultValue("60") int accountBurst, @DefaultValue("1s") Duration accountRefill) {
    }

    /**
     * @param maxFailures failures within {@code window} that lock the username
     * @param duration    how long the lock lasts; attempts meanwhile do not extend it
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration duration) {
    }

    /** @param maxAge a password older than this must be changed at the next login */
    public record Password(@DefaultValue("90d") Duration maxAge) {
    }

    /**
     * Enforced with the application clock on top of the servlet container's own idle timeout.
     *
     * @param idleTimeout     a session unused this long is ended
     * @param absoluteTimeout a session is ended this long after login however busy
     */
    public record Session(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {
    }

    /** Personal access tokens: lifetime in days (default and maximum) and how many a user may hold. */
    public record Tokens(@DefaultValue("90") int defaultDays, @DefaultValue("365") int maxDays,
            @DefaultValue("20") int maxActive) {
    }
}
