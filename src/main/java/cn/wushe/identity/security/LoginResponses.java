package cn.wushe.identity.security;

import cn.wushe.identity.internal.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After the login form: on success start the session clock, remember the device if asked and allowed
 * ({@link RememberMe}), and go to the page asked for (or the password change first); on failure back to the form with the one message to show, kept in the
 * session rather than the URL.
 */
public final class LoginResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Session attribute the login page reads (and removes) the refusal message from. */
    public static final String MESSAGE = "wushe.login.message";
    public static final String TYPED_USERNAME = "wushe.login.username";

    private final Clock clock;
    private final RememberMe rememberMe;
    private final SavedRequestAwareAuthenticationSuccessHandler toRequestedPage =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginResponses(Clock clock, RememberMe rememberMe) {
        this.clock = clock;
        this.rememberMe = rememberMe;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        SessionTimeouts.start(request.getSession(), clock.instant());
        if (authentication instanceof SecondFactorPending) {
            // an account with a second factor is never remembered, whatever the box said
            response.sendRedirect(request.getContextPath() + SecondFactorGate.PAGE);
            return;
        }
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            rememberMe.afterLogin(request, response, user);
        }
        if (authentication.getPrincipal() instanceof SignedInUser user && user.passwordChangeRequired()) {
            response.sendRedirect(request.getContextPath() + PasswordChangeGate.CHANGE_PAGE);
            return;
        }
        toRequestedPage.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        HttpSession session = request.getSession();
        session.setAttribute(MESSAGE, exception.getMessage());
        if (exception instanceof PasswordAuthenticationProvider.TooManyAttempts tooMany) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.limit().retryAfterSeconds()));
        }
        String typed = request.getParameter("username");
        session.setAttribute(TYPED_USERNAME, typed == null ? "" : typed.strip());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
