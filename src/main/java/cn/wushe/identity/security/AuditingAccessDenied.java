package cn.wushe.identity.security;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Problems;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A refused request: problem+json 403 on the API, the 403 page otherwise. Refusals on the
 * administration pages and API are audited (outcome DENIED): someone tried what they may not.
 */
final class AuditingAccessDenied implements AccessDeniedHandler {

    /** Request attribute holding the refusal, for {@link RefusalAudit}'s reason. */
    static final String REFUSAL = "wushe.refusal";

    private final RequestMatcher api;
    private final RequestMatcher administration;
    private final AuditLog audit;
    private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();

    AuditingAccessDenied(RequestMatcher api, RequestMatcher administration, AuditLog audit) {
        this.api = api;
        this.administration = administration;
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        boolean csrf = denied instanceof CsrfException;
        request.setAttribute(REFUSAL, new IllegalStateException(csrf ? Messages.text("identity.denied.csrf-reason")
                : Messages.text("identity.denied.reason")));
        if (administration.matches(request)) {
            audit.record(AuditEvent.success("ADMIN_ACCESS", "REQUEST", request.getMethod() + " " + request.getRequestURI(), null)
                    .withOutcome(AuditEvent.Outcome.DENIED)
                    .withReason(csrf ? Messages.text("identity.denied.csrf-reason") : Messages.text("identity.denied.reason")));
        }
        if (api.matches(request)) {
            Problems.write(response, csrf ? ProblemType.CSRF : ProblemType.FORBIDDEN, Messages.text("identity.denied.title"),
                    csrf ? Messages.text("identity.denied.csrf-detail") : Messages.text("identity.denied.detail"));
            return;
        }
        page.handle(request, response, denied);
    }
}
