package cn.wushe.audit.internal;

import cn.wushe.platform.Text;
import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.platform.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What an auditor looks for in the log; every criterion is optional and they combine with AND.
 * Object type plus object id answer "who accessed this record" (for a supervisor or the data subject).
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record AuditFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String actor,
        @Nullable String action, @Nullable String objectType, @Nullable String objectId,
        @Nullable Outcome outcome) {

    public AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must lie before to");
        }
        actor = Text.trimToNull(actor);
        action = Text.trimToNull(action);
        objectType = Text.trimToNull(objectType);
        objectId = Text.trimToNull(objectId);
    }

    /** Criteria that are set, by column, in a fixed order (for SQL and for the audit detail). */
    Map<String, Object> criteria() {
        Map<String, Object> c = new LinkedHashMap<>();
        putIfSet(c, "from", from);
        putIfSet(c, "to", to);
        putIfSet(c, "actor", actor);
        putIfSet(c, "action", action);
        putIfSet(c, "objectType", objectType);
        putIfSet(c, "objectId", objectId);
        putIfSet(c, "outcome", outcome);
        return c;
    }

    /** The filter as the AUDIT_QUERY entry's detail, e.g. {@code objectType=PERSON; objectId=42}. */
    String describe() {
        StringJoiner text = new StringJoiner("; ");
        criteria().forEach((name, value) -> text.add(name + "=" + value));
        return text.length() == 0 ? Messages.text("audit.filter.none") : text.toString();
    }

    private static void putIfSet(Map<String, Object> c, String name, @Nullable Object value) {
        if (value != null) {
            c.put(name, value);
        }
    }

}
