package cn.wushe.region.internal;

import cn.wushe.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects the Chinese message per field while a request is turned into value objects, so one
 * answer names every wrong field; nothing is written while any is wrong.
 */
final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The value object, or {@code null} after recording the field's message. */
    <T> @Nullable T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            reject(field, String.valueOf(e.getMessage()));
            return null;
        }
    }

    void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }
}
