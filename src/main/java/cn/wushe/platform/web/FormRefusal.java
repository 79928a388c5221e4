package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A refusal that a page shows on its own form, beside the fields it names, instead of an error page;
 * the one helper every page's form uses.
 *
 * @param fieldErrors Chinese message per form field, possibly empty
 * @param general the refusal's message when it names no field, else {@code null}
 */
public record FormRefusal(int status, Map<String, String> fieldErrors, @Nullable String general) {

    /** The key under which {@link #errors()} holds the message that names no field. */
    public static final String GENERAL = "_";

    public FormRefusal {
        fieldErrors = Map.copyOf(fieldErrors);
    }

    public static FormRefusal of(DomainException e) {
        return new FormRefusal(e.status(), e.fieldErrors(), e.fieldErrors().isEmpty() ? e.getMessage() : null);
    }

    /**
     * As {@link #of}, but an object outside the actor's scope (404) is rethrown: the whole page does
     * not exist for them, and {@link PageErrors} shows the 404 page.
     */
    public static FormRefusal unlessNotFound(DomainException e) {
        if (e.status() == 404) {
            throw e;
        }
        return of(e);
    }

    /**
     * As {@link #unlessNotFound}, and an action forbidden on a visible object (403 naming no field)
     * is rethrown too: {@link PageErrors} shows the 403 page, as the API answers 403. A 403 that names
     * fields (a region outside the actor's scope chosen on the form) stays on the form.
     */
    public static FormRefusal unlessPageRefused(DomainException e) {
        if (e.status() == 403 && e.fieldErrors().isEmpty()) {
            throw e;
        }
        return unlessNotFound(e);
    }

    /** Answers the re-rendered form with the refusal's status (400, 409 …). */
    public FormRefusal statusOn(HttpServletResponse response) {
        response.setStatus(status);
        return this;
    }

    /** The field messages, plus the general message under {@link #GENERAL} when no field is named. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>(fieldErrors);
        if (general != null) {
            errors.put(GENERAL, general);
        }
        return errors;
    }

    /** The general message, or all field messages in one sentence. */
    public String message() {
        return general != null ? general : String.join("；", fieldErrors.values());
    }
}
