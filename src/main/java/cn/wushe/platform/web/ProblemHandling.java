package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.RateLimits;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error of a REST controller to RFC 9457 problem+json: a stable {@code type} per error
 * ({@code /problems/<slug>}), a Chinese {@code title}/{@code detail}, and for bad input an
 * {@code errors} list of {@code {field, message}} in Chinese.
 */
/* before PageErrors, which also matches REST controllers; after UploadLimitHandling (HIGHEST_PRECEDENCE) */
@Order(0)
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        ProblemDetail problem = Problems.of(e.type(), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", fieldList(e.fieldErrors()));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e instanceof RateLimits.RateLimited limited) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return answer.body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fe.getField(), "message", String.valueOf(fe.getDefaultMessage())));
        }
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                Map.of("field", r.getMethodParameter().getParameterName() == null ? "" : r.getMethodParameter().getParameterName(),
                        "message", String.valueOf(err.getDefaultMessage())))));
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.UNREADABLE_BODY,
                Messages.text("platform.problem.unreadable-body"));
        problem.setTitle(Messages.text("platform.problem.unreadable-title"));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Spring's own failures (method, content type, conversion, missing parameter, …) come with an
     * English detail and no type of the catalogue; they get the house problem instead.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null || body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            body = WebFailures.problemFor(ex, statusCode.value());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(Problems.titleFor(statusCode.value()));
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create("/problems/http-" + statusCode.value()));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail invalidInput(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_INPUT,
                String.join("；", errors.stream().map(m -> m.get("message")).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static List<Map<String, String>> fieldList(Map<String, String> fieldErrors) {
        return fieldErrors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
    }

}
