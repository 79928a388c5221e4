package cn.wushe.identity.security;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Problems;
import cn.wushe.platform.web.SecurityHeaders;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.PersonalAccessTokens;
import cn.wushe.identity.internal.RefusalAlerts;
import cn.wushe.identity.internal.RememberedDevices;
import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.SigningUp;
import cn.wushe.identity.internal.SecuritySettings;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default: every page and API call needs a signed-in user except the login page, static
 * assets, health probes and the OpenAPI description. Pages use a session cookie with CSRF tokens;
 * the API also accepts personal access tokens. Unauthenticated API calls get a problem+json 401.
 *
 * <p>Sessions: a new id at login (fixation), registered so that a password change, reset or
 * disabling ends the user's other sessions; idle and absolute timeouts by the application clock;
 * an ended session leads to the login page with "登录已超时" (API: 401), unless a remembered volunteer
 * phone (保持登录, {@link RememberMe}) starts a new one from its cookie.
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

    private static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(self), microphone=()";

    private static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
        "/error", "/actuator/health/**", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**", "/problems/**",
        "/prefs/large-type",
        "/signup", "/signup/resident", "/signup/volunteer", "/signup/communities", "/signup/sent",
        "/verify/*",
        "/guide", "/guide/items/*",
        "/public/projects"};

    /**
     * Requests a page makes by itself, not the user: they must not keep an idle session alive (the
     * inbox's event stream reconnects every few minutes for as long as a tab is open).
     */
    private static final RequestMatcher BACKGROUND = matcher("/notifications/stream");

    /** Lets the session registry hear of sessions the container ends. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PersonalAccessTokens tokens, SessionRegistry sessions,
            SecuritySettings settings, AuditLog audit, Clock clock, SigningUp signingUp, RefusalAlerts refusals,
            RememberedDevices rememberedDevices) throws Exception {
        RequestMatcher apiDocs = matcher("/swagger-ui/**");
        RequestMatcher apiDocsPage = matcher("/api-docs.html");
        RequestMatcher api = matcher("/api/**");
        RequestMatcher tokenRequests = request -> api.matches(request)
                && request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        RequestMatcher tokenManagement = new OrRequestMatcher(matcher("/api/v1/account/tokens"),
                matcher("/api/v1/account/tokens/**"));
        RequestMatcher administration = new OrRequestMatcher(matcher("/admin/**"), matcher("/api/v1/users/**"),
                matcher("/api/v1/users"));
        AuditingAccessDenied accessDenied = new AuditingAccessDenied(api, administration, audit);
        SessionExpiry expiry = new SessionExpiry(api);
        RememberMe rememberMe = new RememberMe(rememberedDevices, sessions, clock);
        LoginResponses loginResponses = new LoginResponses(clock, rememberMe);
        RequestMatcher openDuringPasswordChange = new OrRequestMatcher(matcher(PasswordChangeGate.CHANGE_PAGE),
                matcher("/logout"), matcher("/login"), matcher("/error"), matcher("/css/**"), matcher("/js/**"),
                matcher("/img/**"), matcher("/webjars/**"), matcher("/favicon.ico"), matcher("/prefs/large-type"));
        http
            .authorizeHttpRequests(auth -> auth
                // an async dispatch continues a request authorized when it began (the inbox's event
                // stream, completed after its session ended): refusing it then only fails on a committed response
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(PUBLIC).permitAll()
                // probes need only health (public above); what the application reveals about itself
                // (metrics, build info) is for the system administrator (security.md item 10)
                .requestMatchers("/actuator/**").hasAuthority(Role.SYSTEM_ADMIN.authority())
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login")
                .successHandler(loginResponses)
                .failureHandler(loginResponses)
                .permitAll())
            .logout(logout -> logout.logoutUrl("/logout")
                .addLogoutHandler(new AuditingLogout(audit))
                .addLogoutHandler(rememberMe)
                .logoutSuccessUrl("/login?logout")
                .deleteCookies("JSESSIONID"))
            .sessionManagement(session -> session
                // only the login form starts a session; a token request must never get one
                .requireExplicitAuthenticationStrategy(true)
                .sessionFixation(fixation -> fixation.changeSessionId())
                .sessionConcurrency(concurrency -> concurrency
                    .maximumSessions(-1)
                    .sessionRegistry(sessions)
                    .expiredSessionStrategy(expiry)))
            // before CSRF: a form posted from an ended session is an expiry, not a forgery
            .addFilterBefore(new SessionTimeouts(settings.session(), clock, expiry, tokenRequests, BACKGROUND,
                    new OrRequestMatcher(matcher("/css/**"), matcher("/js/**"), matcher("/img/**"), matcher("/webjars/**"),
                            matcher("/favicon.ico"), matcher("/error")), rememberMe), CsrfFilter.class)
            .addFilterBefore(new BearerTokenFilter(tokenRequests, tokenManagement, tokens), BasicAuthenticationFilter.class)
            .addFilterAfter(new PasswordChangeGate(openDuringPasswordChange, api), AuthorizationFilter.class)
            .addFilterAfter(new SecondFactorGate(new OrRequestMatcher(matcher(SecondFactorGate.PAGE),
                    matcher(SecondFactorGate.PAGE + "/**"), matcher("/logout"), matcher("/login"), matcher("/error"),
                    matcher("/css/**"), matcher("/js/**"), matcher("/img/**"), matcher("/webjars/**"),
                    matcher("/favicon.ico"), matcher("/prefs/large-type")), api), AuthorizationFilter.class)
            .addFilterAfter(new SignUpGate(new OrRequestMatcher(openDuringPasswordChange, matcher(SignUpGate.STATUS_PAGE),
                    matcher("/signup/withdraw"), matcher("/signup")), signingUp), AuthorizationFilter.class)
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(
                    (request, response, e) -> Problems.write(response, ProblemType.UNAUTHENTICATED,
                            Messages.text("identity.auth.unauthenticated-title"), Messages.text("identity.auth.sign-in-first")),
                    api)
                .accessDeniedHandler(accessDenied))
            .csrf(csrf -> csrf.ignoringRequestMatchers(tokenRequests))
            .addFilterBefore(new ErrorDispatchHeaders(securityHeaders()), CsrfFilter.class)
            .addFilterBefore(new RefusalAudit(refusals), ExceptionTranslationFilter.class)
            .headers(headers -> headers
                // sent only on a secure request: behind a TLS proxy, once forwarded headers are honoured
                // (README, Deployment: server.forward-headers-strategy=native)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(request -> apiDocs.matches(request) || apiDocsPage.matches(request)),
                        new StaticHeadersWriter("Content-Security-Policy", CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> apiDocs.matches(request) || apiDocsPage.matches(request),
                        new StaticHeadersWriter("Content-Security-Policy", CSP_API_DOCS)))
                .referrerPolicy(ref -> ref.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * The headers above with Spring Security's defaults, for answers written outside this chain's
     * header filter: the container's error dispatch ({@link ErrorDispatchHeaders}) and its error
     * report for an address it could not decode.
     */
    @Bean
    SecurityHeaders securityHeaders() {
        return new SecurityHeaders(Map.of(
                "Content-Security-Policy", CSP,
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "X-XSS-Protection", "0",
                "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
                "Pragma", "no-cache",
                "Expires", "0",
                "Referrer-Policy", "same-origin",
                "Permissions-Policy", PERMISSIONS_POLICY));
    }

    private static RequestMatcher matcher(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
