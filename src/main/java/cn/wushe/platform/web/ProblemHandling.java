package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandling extends ResponseEntityExceptionHandler {

    static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(type(e.type()));
        problem.setTitle(titleFor(e.status()));
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", fieldList(e.fieldErrors()));
        }
        return ResponseEntity.status(e.status()).body(problem);
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请求内容无法解析：请检查 JSON 格式，且不要提交未定义的字段");
        problem.setType(type("unreadable-body"));
        problem.setTitle("请求格式错误");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(titleFor(statusCode));
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(type("http-" + statusCode.value()));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail invalidInput(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join("；", errors.stream().map(m -> m.get("message")).toList()));
        problem.setType(type("invalid-input"));
        problem.setTitle("输入有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static List<Map<String, String>> fieldList(Map<String, String> fieldErrors) {
        return fieldErrors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
    }

    static String titleFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "输入有误";
            case 401 -> "未登录或登录已过期";
            case 403 -> "没有权限";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 409 -> "与现有数据冲突";
            case 412 -> "数据已被他人修改";
            case 413 -> "上传内容过大";
            case 415 -> "不支持的内容类型";
            case 428 -> "缺少版本条件";
            case 429 -> "请求过于频繁";
            default -> status.is5xxServerError() ? "服务器内部错误" : "请求失败";
        };
    }
}
