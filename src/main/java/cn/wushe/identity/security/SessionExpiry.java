package cn.wushe.identity.security;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Problems;
import cn.wushe.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a request of an ended session gets: pages go to the login page with "登录已超时，请重新登录"
 * ({@code /login?expired}), API calls a problem+json 401. Used for sessions the container dropped
 * (idle timeout, logout, restart), sessions ended by a password change, reset, disabling or role
 * change, and sessions past the application's own timeouts.
 */
final class SessionExpiry implements SessionInformationExpiredStrategy {

    static final String EXPIRED_URL = "/login?expired";

    private final RequestMatcher api;

    SessionExpiry(RequestMatcher api) {
        this.api = api;
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        respond(event.getRequest(), event.getResponse());
    }

    void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (api.matches(request)) {
            Problems.write(response, ProblemType.SESSION_EXPIRED, Messages.text("identity.session.expired-title"),
                    Messages.text("identity.session.expired-detail"));
            return;
        }
        // a fresh session, so that the login page itself is not met with the stale cookie again
        request.getSession(true);
        response.sendRedirect(request.getContextPath() + EXPIRED_URL);
    }
}
