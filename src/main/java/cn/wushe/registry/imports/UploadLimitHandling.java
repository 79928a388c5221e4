package cn.wushe.registry.imports;

import cn.wushe.platform.web.Problems;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.files.RejectedFile;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limit is refused before any controller runs, so no controller
 * advice of a module sees it: this one answers it for every path, with a Chinese 413 problem for
 * the API and the upload page with the message for a browser.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandling {

    private final ImportLimits limits;

    UploadLimitHandling(ImportLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String message = RejectedFile.tooLarge(limits.maxUploadBytes()).getMessage();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = Problems.of(ProblemType.UPLOAD_TOO_LARGE, message);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("registry/import-problem");
        page.addObject("problem", message);
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
