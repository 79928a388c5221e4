package cn.wushe.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The benchmarks' security chain: a loopback request carrying {@code header} acts as the fixture
 * actor the header names (no sign-in per request, so the benchmark measures the endpoint); nothing
 * else matches this chain.
 */
public final class BenchActorChain {

    private BenchActorChain() {
    }

    public static SecurityFilterChain build(HttpSecurity http, String header,
            Function<String, @Nullable TestActor> actors) throws Exception {
        http.securityMatcher(r -> r.getHeader(header) != null && "127.0.0.1".equals(r.getRemoteAddr()))
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
                        TestActor actor = actors.apply(request.getHeader(header));
                        if (actor != null) {
                            SecurityContextHolder.getContext().setAuthentication(actor.authentication());
                        }
                        chain.doFilter(request, response);
                    }
                }, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
