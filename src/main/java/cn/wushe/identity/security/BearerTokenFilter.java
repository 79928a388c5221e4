package cn.wushe.identity.security;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Problems;
import cn.wushe.platform.ProblemType;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.identity.internal.PersonalAccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer wst_…} on the API: the caller acts as the token's owner for this one
 * request (no session is created or used). An API request that carries an Authorization header is
 * authenticated by it alone: a bad token is a 401 even if a session cookie came along, which is
 * what makes skipping CSRF for such requests safe.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final RequestMatcher tokenRequests;
    private final PersonalAccessTokens tokens;
    // request-scoped storage: tells session management this request is authenticated without a session
    private final RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(RequestMatcher tokenRequests, PersonalAccessTokens tokens) {
        this.tokenRequests = tokenRequests;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !tokenRequests.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Problems.write(response, ProblemType.UNSUPPORTED_AUTHORIZATION, Messages.text("identity.auth.unauthenticated-title"),
                    Messages.text("identity.auth.bearer-only"));
            return;
        }
        Optional<SignedInUser> user = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            Problems.write(response, ProblemType.INVALID_TOKEN, Messages.text("identity.auth.unauthenticated-title"),
                    Messages.text("identity.auth.token-invalid"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().authorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
