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
        @DefaultValue Session session, @DefaultValue Tokens tokens) {

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
