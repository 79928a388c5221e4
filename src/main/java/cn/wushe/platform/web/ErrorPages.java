package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.RateLimits;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page of a refusal, with its status: {@code error/404}, {@code error/403},
 * {@code error/413}, {@code error/500} where the status has its own page, else {@code error}
 * (showing the status). The model holds {@code status} and the refusal's {@code message}.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static ModelAndView of(DomainException e) {
        int status = e.status();
        ModelAndView page = new ModelAndView(viewFor(status), HttpStatusCode.valueOf(status));
        page.addObject("status", status);
        page.addObject("message", e.getMessage());
        return page;
    }

    /**
     * A used-up request budget: the budget's own page or {@code error/429}, with {@code Retry-After};
     * the model also holds {@code retryAfter} in seconds.
     */
    public static ModelAndView tooMany(RateLimits.RateLimited e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        String view = e.budget().page();
        ModelAndView page = new ModelAndView(view == null ? "error/429" : view, HttpStatusCode.valueOf(429));
        page.addObject("status", 429);
        page.addObject("message", e.getMessage());
        page.addObject("retryAfter", e.retryAfterSeconds());
        return page;
    }

    static String viewFor(int status) {
        return switch (status) {
            case 403, 404, 413 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error";
        };
    }
}
