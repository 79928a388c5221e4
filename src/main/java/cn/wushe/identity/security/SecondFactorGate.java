package cn.wushe.identity.security;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between the password and the second factor only the second-factor page (and logout, and what the
 * page needs) is open: other pages lead there, API calls get a problem+json 401.
 */
final class SecondFactorGate extends OncePerRequestFilter {

    static final String PAGE = "/login/second-factor";

    private final RequestMatcher open;
    private final RequestMatcher api;

    SecondFactorGate(RequestMatcher open, RequestMatcher api) {
        this.open = open;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending && !open.matches(request)) {
            if (api.matches(request)) {
                Problems.write(response, ProblemType.UNAUTHENTICATED, Messages.text("identity.auth.unauthenticated-title"),
                        Messages.text("identity.second-factor.due"));
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
