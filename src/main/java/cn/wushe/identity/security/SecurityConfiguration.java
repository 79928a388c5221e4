package cn.wushe.identity.security;

import cn.wushe.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default: every page and API call needs a signed-in user except the login page, static
 * assets, health probes and the OpenAPI description. Pages use a session cookie with CSRF tokens;
 * the API also accepts personal access tokens. Unauthenticated API calls get a problem+json 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Pages satisfy this policy: no inline script or style anywhere. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI styles itself inline; it gets a policy of its own. */
    static final String CSP_API_DOCS = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher apiDocs = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        RequestMatcher apiDocsPage = PathPatternRequestMatcher.withDefaults().matcher("/api-docs.html");
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                        "/error", "/actuator/health/**", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**",
                        "/problems/**", "/prefs/large-type")
                    .permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
            .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                    (request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "未登录或登录已过期", "请先登录，或在 Authorization 头中提供有效的访问令牌"),
                    api))
            .csrf(csrf -> csrf.ignoringRequestMatchers(request ->
                    api.matches(request) && request.getHeader("Authorization") != null))
            .headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(request -> apiDocs.matches(request) || apiDocsPage.matches(request)),
                        new StaticHeadersWriter("Content-Security-Policy", CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> apiDocs.matches(request) || apiDocsPage.matches(request),
                        new StaticHeadersWriter("Content-Security-Policy", CSP_API_DOCS)))
                .referrerPolicy(ref -> ref.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(self), geolocation=(self), microphone=()")));
        return http.build();
    }
}
