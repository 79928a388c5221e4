package cn.wushe.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A rule of the domain said no. Carries a stable problem type (the last segment of the
 * problem+json {@code type}), an HTTP status, a Chinese title and, for bad input, Chinese
 * messages per field. Mapped to RFC 9457 problem+json in one place ({@code ProblemHandling}).
 */
public class DomainException extends RuntimeException {

    private final String type;
    private final HttpStatus status;
    private final Map<String, String> fieldErrors;

    public DomainException(HttpStatus status, String type, String message) {
        this(status, type, message, Map.of());
    }

    public DomainException(HttpStatus status, String type, String message, Map<String, String> fieldErrors) {
        super(message);
        this.type = type;
        this.status = status;
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public String type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> fieldErrors() {
        return Map.copyOf(fieldErrors);
    }

    /** An object outside the actor's scope, or absent: the two are indistinguishable on purpose. */
    public static DomainException notFound(String what) {
        return new DomainException(HttpStatus.NOT_FOUND, "not-found", what + "不存在或不在您的管辖范围内");
    }

    /** The object is visible to the actor, but this action is not permitted to them. */
    public static DomainException forbidden(String action) {
        return new DomainException(HttpStatus.FORBIDDEN, "forbidden", "您没有权限" + action);
    }

    /** One field is wrong; nothing was written. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(HttpStatus.BAD_REQUEST, "invalid-input", message, Map.of(field, message));
    }

    public static DomainException invalid(Map<String, String> fieldErrors) {
        return new DomainException(HttpStatus.BAD_REQUEST, "invalid-input",
                String.join("；", fieldErrors.values()), fieldErrors);
    }

    public static DomainException conflict(String type, String field, String message) {
        return new DomainException(HttpStatus.CONFLICT, type, message, Map.of(field, message));
    }
}
