package cn.wushe.identity.security;

import cn.wushe.platform.web.SecurityHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on the container's error dispatch. Spring Security's own header filter
 * skips that dispatch, relying on the request having passed it first; a request a filter before
 * the chain refused did not, and its error page would go out without CSP and the rest. Headers
 * already written are kept.
 */
final class ErrorDispatchHeaders extends OncePerRequestFilter {

    private final SecurityHeaders headers;

    ErrorDispatchHeaders(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.values().forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
