package cn.wushe.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path ({@code /error}): whatever failed outside a controller advice — an
 * address Tomcat cannot decode, a request refused by a filter, a method or content type no handler
 * takes — is answered in the house format: problem+json in Chinese under {@code /api/}, the Chinese
 * error page of its status elsewhere. Replaces Spring Boot's default error controller, whose
 * answers are English.
 */
@Controller
class ErrorResponses implements ErrorController {

    private final ErrorAttributes errors;

    ErrorResponses(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        int status = status(request);
        ProblemDetail problem = request.getAttribute(WebFailures.PROBLEM) instanceof ProblemDetail decided
                ? decided
                : WebFailures.problemFor(errors.getError(new ServletWebRequest(request)), status);
        if (isApi(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView(ErrorPages.viewFor(status), HttpStatusCode.valueOf(status));
        page.addObject("status", status);
        page.addObject("message", problem.getDetail());
        return page;
    }

    private static int status(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : 500;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        return path.startsWith(request.getContextPath() + "/api/");
    }
}
