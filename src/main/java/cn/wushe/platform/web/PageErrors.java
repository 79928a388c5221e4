package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.RateLimits;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one mapping of a domain refusal on a page (a non-REST controller of any module) to the error
 * page of its status: 404 outside scope, 403, … A page that shows a refusal on its own form catches
 * it and uses {@link FormRefusal}; everything else lands here.
 *
 * <p>Ordered after {@link ProblemHandling}, which answers REST controllers (a {@code @RestController}
 * is also a {@code @Controller}) with problem+json.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletResponse response) {
        if (e instanceof RateLimits.RateLimited limited) {
            return ErrorPages.tooMany(limited, response);
        }
        return ErrorPages.of(e);
    }
}
