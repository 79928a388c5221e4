package cn.wushe.platform.web;

import cn.wushe.platform.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameter (name or value) holds a control character — NUL above all,
 * which PostgreSQL refuses in text, so it would otherwise surface as a 500 — with a 400 in the house
 * format (rendered by {@link ErrorResponses} on the error dispatch). Tab, line feed and carriage
 * return stay allowed: a text area sends them. Multipart bodies are left to their own checks so that
 * an upload is not parsed here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ControlCharacters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        @Nullable String offending = isMultipart(request) ? null : offendingParameter(request.getParameterMap());
        if (offending != null) {
            String name = sanitized(offending);
            request.setAttribute(WebFailures.PROBLEM, WebFailures.invalidParameter(name,
                    Messages.text("platform.problem.control-character", name)));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** The first parameter whose name or a value holds a control character, else null. */
    static @Nullable String offendingParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                return parameter.getKey();
            }
            for (String value : parameter.getValue()) {
                if (value != null && hasControlCharacter(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The parameter's name as it may be shown back: control characters dropped, at most 50 characters. */
    private static String sanitized(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(50).forEach(shown::appendCodePoint);
        return shown.toString();
    }
}
