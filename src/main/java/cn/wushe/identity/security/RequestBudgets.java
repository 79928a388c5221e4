package cn.wushe.identity.security;

import cn.wushe.identity.internal.SecuritySettings;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Request budgets on the endpoints a thief of an account or a scraper would hammer (security.md
 * item 8): person lookup and search, reveal, export and token management — per client address and
 * per signed-in account, so neither many accounts behind one address nor one account from many
 * addresses gets around them. Refused with {@link RateLimits.RateLimited}, which the web layer
 * answers with 429, {@code Retry-After} and Chinese text (problem+json or the 429 page). The login
 * form has its own budget ({@link PasswordAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
class RequestBudgets implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<PathPattern> LIMITED = List.of(
            "/api/v1/people/lookup", "/people/search", "/api/v1/people/{id}/reveal", "/people/{id}/reveal",
            "/api/v1/people/export", "/people/export.xlsx", "/api/v1/account/tokens", "/api/v1/account/tokens/**",
            "/account/tokens", "/account/tokens/**").stream().map(PathPatternParser.defaultInstance::parse).toList();

    private final RateLimits limits;
    private final RateLimits.Budget perAddress;
    private final RateLimits.Budget perAccount;

    RequestBudgets(RateLimits limits, SecuritySettings settings) {
        this.limits = limits;
        SecuritySettings.Limits budgets = settings.limits();
        this.perAddress = RateLimits.Budget.of("identity.sensitive-address", budgets.addressBurst(), budgets.addressRefill());
        this.perAccount = RateLimits.Budget.of("identity.sensitive-account", budgets.accountBurst(), budgets.accountRefill());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        if (LIMITED.stream().noneMatch(p -> p.matches(path))) {
            return true;
        }
        limits.take(perAddress, request.getRemoteAddr());
        CurrentActor.find().ifPresent(actor -> limits.take(perAccount, actor.id().toString()));
        return true;
    }
}
