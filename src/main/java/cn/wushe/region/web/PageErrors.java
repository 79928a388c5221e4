package cn.wushe.region.web;

import org.springframework.http.HttpStatusCode;
import cn.wushe.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A domain refusal on a page: the shared error page with the right status (404 outside scope, 403 …). */
@ControllerAdvice(assignableTypes = {RegionPages.class, GridPages.class})
class PageErrors {

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletResponse response) {
        int status = e.status();
        response.setStatus(status);
        ModelAndView view = new ModelAndView(status == 404 || status == 403 ? "error/" + status : "error");
        view.addObject("status", status);
        view.addObject("message", e.getMessage());
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
