package cn.wushe.identity.security;

import cn.wushe.identity.internal.RememberedDevices;
import cn.wushe.identity.internal.SignedInUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The cookie side of 保持登录 ({@link RememberedDevices}): set after a password login with the box
 * ticked (the server decides whether the account may), read when a request has no signed-in
 * session, replaced at every use, removed at logout or when refused. HttpOnly, SameSite=Lax, path
 * {@code /}, Secure whenever the request came over HTTPS; it lives until the series' absolute end.
 *
 * <p>A session it starts is an ordinary one: the idle and absolute timeouts apply, and when they end
 * it the next page request starts another from the cookie.
 */
public final class RememberMe implements LogoutHandler {

    static final String COOKIE = "wushe_remember";
    /** Request attribute: this request was just signed in from the cookie. */
    public static final String RESUMED = "wushe.remember.resumed";
    /** The login form's checkbox. */
    static final String PARAMETER = "remember-me";

    private final RememberedDevices devices;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    RememberMe(RememberedDevices devices, SessionRegistry sessions, Clock clock) {
        this.devices = devices;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** After a password login: a cookie if the box was ticked and the account may stay signed in. */
    void afterLogin(HttpServletRequest request, HttpServletResponse response, SignedInUser user) {
        if (request.getParameter(PARAMETER) == null) {
            return;
        }
        devices.issue(user, userAgent(request), request.getSession().getId())
                .ifPresent(issued -> write(request, response, issued));
    }

    /** Whether the request carries the cookie at all (cheap: nothing is looked up). */
    static boolean present(HttpServletRequest request) {
        return value(request) != null;
    }

    /**
     * Signs the request in from its cookie in a new session; {@code false} (and the cookie removed)
     * when the cookie is refused.
     */
    boolean resume(HttpServletRequest request, HttpServletResponse response) {
        String value = value(request);
        if (value == null) {
            return false;
        }
        if (!(devices.resume(value, userAgent(request)) instanceof RememberedDevices.SignedIn in)) {
            clear(request, response);
            return false;
        }
        HttpSession session = request.getSession(false);
        if (session != null && request.isRequestedSessionIdValid()) {
            // an unauthenticated session becomes a signed-in one: a new id, as at a password login
            String before = session.getId();
            request.changeSessionId();
            sessions.removeSessionInformation(before);
        }
        session = request.getSession(true);
        sessions.registerNewSession(session.getId(), in.user());
        Instant now = clock.instant();
        SessionTimeouts.start(session, now);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(in.user(), null, in.user().authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        devices.startedSession(in.series(), session.getId());
        request.setAttribute(RESUMED, Boolean.TRUE);
        if (in.rotated() != null) {
            write(request, response, in.rotated());
        }
        return true;
    }

    /** Logout ends this device's series (a logout means "forget me here"). */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        String value = value(request);
        if (value != null) {
            devices.loggedOut(value);
            clear(request, response);
        }
    }

    /** The series of the request's cookie, to mark "this device" on the device list. */
    public static @Nullable String series(HttpServletRequest request) {
        String value = value(request);
        int dot = value == null ? -1 : value.indexOf('.');
        return dot < 0 ? null : value.substring(0, dot);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, RememberedDevices.Issued issued) {
        Duration left = Duration.between(clock.instant(), issued.expiresAt());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, issued.cookieValue(), left).toString());
    }

    /** Removes the cookie (this device was signed out from the device page). */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path("/").httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").maxAge(maxAge).build();
    }

    private static @Nullable String value(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        return agent == null ? "" : agent;
    }
}
