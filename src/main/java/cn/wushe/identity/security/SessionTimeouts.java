package cn.wushe.identity.security;

import cn.wushe.identity.internal.SecuritySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that was idle too long or has lived too long since login, measured
 * with the application clock (security.md check 3), on top of the container's own idle timeout;
 * and answers a request whose cookie names a session that no longer exists (the job of Spring's
 * {@code invalidSessionUrl}, done here so that requests carrying an access token are left alone:
 * Spring's session management filter would store their authentication in a new session).
 */
final class SessionTimeouts extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "wushe.session.signedInAt";
    static final String LAST_SEEN_AT = "wushe.session.lastSeenAt";

    private final SecuritySettings.Session settings;
    private final Clock clock;
    private final SessionExpiry expiry;
    private final RequestMatcher tokenRequests;
    private final RequestMatcher background;
    private final RequestMatcher noResume;
    private final RememberMe rememberMe;

    /**
     * @param tokenRequests requests authenticated by an access token, which a session cookie beside it must not disturb
     * @param background    requests a page makes by itself: checked, but not counted as the user's activity,
     *                      and never signed in again from a remembered device (an open tab would keep its
     *                      account signed in forever)
     * @param noResume      requests that are not signed in from a remembered device either (static files)
     */
    SessionTimeouts(SecuritySettings.Session settings, Clock clock, SessionExpiry expiry, RequestMatcher tokenRequests,
            RequestMatcher background, RequestMatcher noResume, RememberMe rememberMe) {
        this.noResume = noResume;
        this.rememberMe = rememberMe;
        this.settings = settings;
        this.clock = clock;
        this.expiry = expiry;
        this.tokenRequests = tokenRequests;
        this.background = background;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return tokenRequests.matches(request);
    }

    /** Called at login: the session's lifetime starts now. */
    static void start(HttpSession session, Instant now) {
        session.setAttribute(SIGNED_IN_AT, now);
        session.setAttribute(LAST_SEEN_AT, now);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            // the cookie names a session the container no longer has: idle timeout, logout, restart
            endedSession(request, response, chain);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && session.getAttribute(LAST_SEEN_AT) instanceof Instant lastSeenAt) {
            Instant now = clock.instant();
            if (!now.isBefore(lastSeenAt.plus(settings.idleTimeout()))
                    || !now.isBefore(signedInAt.plus(settings.absoluteTimeout()))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                endedSession(request, response, chain);
                return;
            }
            if (!background.matches(request)) {
                session.setAttribute(LAST_SEEN_AT, now);
            }
        } else if (resumable(request) && !signedIn()) {
            rememberMe.resume(request, response);
        }
        chain.doFilter(request, response);
    }

    /**
     * A remembered device starts a new session and the request goes on; otherwise "登录已超时". Only
     * reading requests resume: a form posted from the ended session carries a CSRF token of that session,
     * so it would be refused anyway; it meets the expiry, and the login page then resumes.
     */
    private void endedSession(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (resumable(request) && rememberMe.resume(request, response)) {
            chain.doFilter(request, response);
            return;
        }
        expiry.respond(request, response);
    }

    private boolean resumable(HttpServletRequest request) {
        return RememberMe.present(request) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !background.matches(request) && !noResume.matches(request);
    }

    /** Signed in or half-way (second factor due): either way not a case for the remembered device. */
    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
