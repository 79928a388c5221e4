package cn.wushe.identity.security;

import cn.wushe.identity.internal.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a session waiting for its second factor into a signed-in one: a new session id (the
 * privileges change), the full principal in the security context, and the session registered under
 * it so that a password change or disabling ends it like any other.
 */
@Component
public class SecondFactorSignIn {

    private final SessionRegistry sessions;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    SecondFactorSignIn(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /** The session's pending sign-in, if it is waiting for its second factor. */
    public static Optional<SecondFactorPending> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending pending
                ? Optional.of(pending) : Optional.empty();
    }

    /** Completes the sign-in; answers where to go next (the password change, the page first asked for, or the workbench). */
    public String complete(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        String before = request.getSession().getId();
        String after = request.changeSessionId();
        sessions.removeSessionInformation(before);
        sessions.registerNewSession(after, user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (user.passwordChangeRequired()) {
            return PasswordChangeGate.CHANGE_PAGE;
        }
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }
}
