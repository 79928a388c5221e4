package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
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

    static String viewFor(int status) {
        return switch (status) {
            case 403, 404, 413 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error";
        };
    }
}
