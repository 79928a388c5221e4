package cn.wushe.identity.security;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Problems;
import cn.wushe.platform.ProblemType;
import cn.wushe.identity.internal.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a user must change an initial or expired password, only the change-password page (and
 * logout, and what the page itself needs) is open to them: other pages redirect there, API calls
 * get a problem+json 403.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";

    private final RequestMatcher open;
    private final RequestMatcher api;

    PasswordChangeGate(RequestMatcher open, RequestMatcher api) {
        this.open = open;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user && user.passwordChangeRequired()
                && !open.matches(request)) {
            if (api.matches(request)) {
                Problems.write(response, ProblemType.PASSWORD_CHANGE_REQUIRED, Messages.text("identity.password.change-required-title"),
                        Messages.text("identity.password.change-required-detail"));
            } else {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
