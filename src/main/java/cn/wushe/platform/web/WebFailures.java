package cn.wushe.platform.web;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;

/**
 * The house problem for a failure of the web layer itself (wrong method, content type, a parameter
 * that does not convert, an address the container cannot read), found by {@link ProblemHandling}
 * for a controller and by {@link ErrorResponses} for what fails before one is chosen. Spring's and
 * the container's own (English) wording never reaches the client.
 */
final class WebFailures {

    /** Request attribute: a problem decided before the error dispatch (e.g. by {@link ControlCharacters}). */
    static final String PROBLEM = WebFailures.class.getName() + ".problem";

    private WebFailures() {
    }

    /** The problem for {@code failure} answered with {@code status}; never null. */
    static ProblemDetail problemFor(@Nullable Throwable failure, int status) {
        if (failure instanceof HttpRequestMethodNotSupportedException e) {
            return Problems.of(ProblemType.METHOD_NOT_ALLOWED,
                    Messages.text("platform.problem.method-not-supported", e.getMethod()));
        }
        if (failure instanceof HttpMediaTypeNotSupportedException e) {
            return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    Messages.text("platform.problem.media-type-not-supported",
                            e.getContentType() == null ? "" : e.getContentType().toString(),
                            String.join(", ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList())));
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(ProblemType.NOT_ACCEPTABLE, Messages.text("platform.problem.not-acceptable"));
        }
        if (failure instanceof TypeMismatchException e) {
            String name = e.getPropertyName() == null ? "" : e.getPropertyName();
            return invalidParameter(name, Messages.text("platform.problem.type-mismatch", name, String.valueOf(e.getValue())));
        }
        if (failure instanceof MissingServletRequestParameterException e) {
            return invalidParameter(e.getParameterName(),
                    Messages.text("platform.problem.missing-parameter", e.getParameterName()));
        }
        return forStatus(status);
    }

    /** A 400 naming one parameter, in the shape of a field error. */
    static ProblemDetail invalidParameter(String name, String message) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_INPUT, message);
        problem.setProperty("errors", List.of(Map.of("field", name, "message", message)));
        return problem;
    }

    /** The catalogue's problem for a bare status, its detail the status's Chinese title. */
    static ProblemDetail forStatus(int status) {
        return switch (status) {
            case 400 -> Problems.of(ProblemType.BAD_REQUEST, Messages.text("platform.problem.bad-request"));
            case 401 -> Problems.of(ProblemType.UNAUTHENTICATED, Problems.titleFor(status));
            case 403 -> Problems.of(ProblemType.FORBIDDEN, Problems.titleFor(status));
            case 404 -> Problems.of(ProblemType.NOT_FOUND, Problems.titleFor(status));
            case 405 -> Problems.of(ProblemType.METHOD_NOT_ALLOWED, Problems.titleFor(status));
            case 406 -> Problems.of(ProblemType.NOT_ACCEPTABLE, Messages.text("platform.problem.not-acceptable"));
            case 413 -> Problems.of(ProblemType.UPLOAD_TOO_LARGE, Problems.titleFor(status));
            case 415 -> Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, Problems.titleFor(status));
            case 429 -> Problems.of(ProblemType.TOO_MANY_REQUESTS, Problems.titleFor(status));
            default -> {
                if (status >= 500) {
                    yield Problems.of(ProblemType.SERVER_ERROR, Problems.titleFor(500));
                }
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        org.springframework.http.HttpStatusCode.valueOf(status), Problems.titleFor(status));
                problem.setType(java.net.URI.create("/problems/http-" + status));
                problem.setTitle(Problems.titleFor(status));
                yield problem;
            }
        };
    }
}
