package cn.wushe.identity.security;

import cn.wushe.identity.internal.RefusalAlerts;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.WebUtils;

/**
 * Every refused request for a person, household, import, export or correction — 403 (forbidden
 * action, missing permission) or 404 (outside scope or absent, the two look the same on purpose) —
 * becomes an audit entry with outcome DENIED naming the actor, the object and the reason
 * (docs/audit.md; security.md item 4), whichever layer refused it: a controller's domain refusal,
 * method security, or the access-denied handler. Repeated refusals of one account alert the
 * security administrators ({@link RefusalAlerts}).
 */
final class RefusalAudit extends OncePerRequestFilter {

    /** Path → object type; the first match wins (imports and exports live under /people). */
    private static final List<Map.Entry<Pattern, String>> OBJECTS = List.of(
            Map.entry(Pattern.compile("^(?:/api/v1)?/people/imports(?:/([^/]+))?.*"), "IMPORT_JOB"),
            Map.entry(Pattern.compile("^(?:/api/v1)?/people/export.*"), "EXPORT"),
            Map.entry(Pattern.compile("^(?:/api/v1)?/people(?:/([^/]+))?.*"), "PERSON"),
            Map.entry(Pattern.compile("^(?:/api/v1)?/households(?:/([^/]+))?.*"), "HOUSEHOLD"),
            Map.entry(Pattern.compile("^(?:/api/v1)?(?:/me)?/corrections(?:/([^/]+))?.*"), "CORRECTION"));
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{8,64}");

    private final RefusalAlerts alerts;

    RefusalAudit(RefusalAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status != 403 && status != 404) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Map.Entry<Pattern, String> object : OBJECTS) {
            Matcher m = object.getKey().matcher(path);
            if (m.matches()) {
                String id = m.groupCount() >= 1 && m.group(1) != null && ID.matcher(m.group(1)).matches() ? m.group(1) : null;
                alerts.refused(actor(), object.getValue(), id, request.getMethod() + " " + path, reason(request, status));
                return;
            }
        }
    }

    private static @Nullable Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor ? actor : null;
    }

    /** The refusal's own message where a layer left it, else what the status means. */
    static String reason(HttpServletRequest request, int status) {
        for (String attribute : List.of(AuditingAccessDenied.REFUSAL, DispatcherServlet.EXCEPTION_ATTRIBUTE,
                WebUtils.ERROR_EXCEPTION_ATTRIBUTE)) {
            if (request.getAttribute(attribute) instanceof Exception e && e.getMessage() != null) {
                return e.getMessage();
            }
        }
        return Messages.text(status == 403 ? "identity.refusal.forbidden" : "identity.refusal.not-found");
    }
}
