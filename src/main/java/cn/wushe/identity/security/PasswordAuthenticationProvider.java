package cn.wushe.identity.security;

import cn.wushe.identity.internal.SecuritySettings;
import cn.wushe.identity.internal.SigningIn;
import cn.wushe.platform.RateLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.Messages;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** The login form's check: one generic refusal, and a lock message that is the same whether or not the name exists. */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = Messages.text("identity.login.refused");

    private final SigningIn signingIn;
    private final RateLimits limits;
    private final Clock clock;
    private final RateLimits.Budget perAddress;

    PasswordAuthenticationProvider(SigningIn signingIn, RateLimits limits, SecuritySettings settings, Clock clock) {
        this.clock = clock;
        this.signingIn = signingIn;
        this.limits = limits;
        this.perAddress = RateLimits.Budget.of("identity.login", settings.limits().loginBurst(), settings.limits().loginRefill());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getName());
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "";
        // one address trying many names (password spraying) is slowed before any password is hashed
        limits.tryTake(perAddress, address).ifPresent(wait -> {
            throw new TooManyAttempts(new RateLimits.RateLimited(perAddress, wait));
        });
        return switch (signingIn.attempt(username, password, address)) {
            case SigningIn.SignedIn in -> UsernamePasswordAuthenticationToken.authenticated(
                    in.user(), null, in.user().authorities());
            case SigningIn.SecondFactorDue due -> new SecondFactorPending(due);
            case SigningIn.Refused refused -> throw new BadCredentialsException(REFUSED);
            case SigningIn.Locked locked -> throw new LockedException(lockedMessage(locked.until()));
            case SigningIn.SlowedDown slowed -> throw new TooManyAttempts(new RateLimits.RateLimited(perAddress,
                    Duration.between(clock.instant(), slowed.retryAt())));
        };
    }

    /** Rounded up to the minute: retrying at the time shown must not meet the lock again. */
    public static String lockedMessage(Instant until) {
        LocalTime time = until.atZone(ClockConfiguration.ZONE).toLocalTime();
        LocalTime shown = time.truncatedTo(ChronoUnit.MINUTES).equals(time)
                ? time : time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        return Messages.text("identity.login.locked", shown.format(DateTimeFormatter.ofPattern("HH:mm")));
    }

    /** A used-up login budget: shown on the login page like a lock, with how long to wait. */
    static final class TooManyAttempts extends AuthenticationException {

        private final transient RateLimits.RateLimited limit;

        TooManyAttempts(RateLimits.RateLimited limit) {
            super(limit.getMessage());
            this.limit = limit;
        }

        RateLimits.RateLimited limit() {
            return limit;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
