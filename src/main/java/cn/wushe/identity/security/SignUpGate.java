package cn.wushe.identity.security;

import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.identity.internal.SigningUp;
import cn.wushe.platform.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a worker confirms a self-service sign-up, its account sees only its own sign-up status page
 * (and may withdraw it and sign out): the start page leads there, every other page and API call is
 * refused with 403 through the usual denied handler. Only accounts holding no role are looked up,
 * so the check costs the staff nothing.
 */
final class SignUpGate extends OncePerRequestFilter {

    static final String STATUS_PAGE = "/signup/status";

    private final RequestMatcher open;
    private final SigningUp signingUp;

    SignUpGate(RequestMatcher open, SigningUp signingUp) {
        this.open = open;
        this.signingUp = signingUp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user && user.assignments().isEmpty()
                && !open.matches(request) && signingUp.restricts(user.id())) {
            if ((request.getContextPath() + "/").equals(request.getRequestURI()) && "GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + STATUS_PAGE);
                return;
            }
            throw new AccessDeniedException(Messages.text("identity.signup.pending-only"));
        }
        chain.doFilter(request, response);
    }
}
