package cn.wushe.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the domain said no. Carries its entry of the {@link ProblemType} catalogue, a Chinese
 * message and, for bad input, Chinese messages per field. Mapped to RFC 9457 problem+json in one
 * place ({@code platform.web.ProblemHandling}); domain code never names an HTTP type.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, String> fieldErrors;

    public DomainException(ProblemType type, String message) {
        this(type, message, Map.of());
    }

    public DomainException(ProblemType type, String message, Map<String, String> fieldErrors) {
        super(message);
        this.type = type;
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public ProblemType type() {
        return type;
    }

    /** The HTTP status code of this refusal, from the catalogue. */
    public int status() {
        return type.status();
    }

    public Map<String, String> fieldErrors() {
        return Map.copyOf(fieldErrors);
    }

    /** An object outside the actor's scope, or absent: the two are indistinguishable on purpose. */
    public static DomainException notFound(String what) {
        return new DomainException(ProblemType.NOT_FOUND, Messages.text("platform.not-found", what));
    }

    /** The object is visible to the actor, but this action is not permitted to them. */
    public static DomainException forbidden(String action) {
        return new DomainException(ProblemType.FORBIDDEN, Messages.text("platform.forbidden", action));
    }

    /** Regions named in the request lie outside the actor's scope; the messages say which, per field. */
    public static DomainException outOfScope(Map<String, String> fieldErrors) {
        return new DomainException(ProblemType.OUT_OF_SCOPE, String.join("；", fieldErrors.values()), fieldErrors);
    }

    /** One field is wrong; nothing was written. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(ProblemType.INVALID_INPUT, message, Map.of(field, message));
    }

    public static DomainException invalid(Map<String, String> fieldErrors) {
        return new DomainException(ProblemType.INVALID_INPUT, String.join("；", fieldErrors.values()), fieldErrors);
    }

    public static DomainException conflict(ProblemType type, String field, String message) {
        return new DomainException(type, message, Map.of(field, message));
    }
}
