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
 *
 * <p>A valid token is still refused (403) on the token endpoints — a token never mints, lists or
 * revokes tokens, so a leaked short-lived token cannot extend itself — and, when read-only, on any
 * request other than GET or HEAD.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final RequestMatcher tokenRequests;
    private final RequestMatcher tokenManagement;
    private final PersonalAccessTokens tokens;
    // request-scoped storage: tells session management this request is authenticated without a session
    private final RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(RequestMatcher tokenRequests, RequestMatcher tokenManagement, PersonalAccessTokens tokens) {
        this.tokenRequests = tokenRequests;
        this.tokenManagement = tokenManagement;
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
        Optional<PersonalAccessTokens.Bearer> bearer = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (bearer.isEmpty()) {
            SecurityContextHolder.clearContext();
            Problems.write(response, ProblemType.INVALID_TOKEN, Messages.text("identity.auth.unauthenticated-title"),
                    Messages.text("identity.auth.token-invalid"));
            return;
        }
        if (tokenManagement.matches(request)) {
            Problems.write(response, ProblemType.TOKEN_MANAGEMENT_NEEDS_SESSION, Messages.text("identity.denied.title"),
                    Messages.text("identity.token.no-token-management"));
            return;
        }
        if (!bearer.get().scope().allowsMethod(request.getMethod())) {
            Problems.write(response, ProblemType.READ_ONLY_TOKEN, Messages.text("identity.denied.title"),
                    Messages.text("identity.token.read-only"));
            return;
        }
        SignedInUser user = bearer.get().user();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
