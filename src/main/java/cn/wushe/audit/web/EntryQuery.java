package cn.wushe.audit.web;

import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.audit.internal.AuditFilter;
import cn.wushe.audit.internal.AuditReading;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log filter as the page form and the API send it. Times are ISO-8601, either with an
 * offset ({@code 2026-05-01T08:00:00+08:00}, {@code …Z}) or without one
 * ({@code 2026-05-01T08:00}, as a browser's date-time field sends it), then read as Beijing time.
 *
 * @param from    inclusive
 * @param to      exclusive
 * @param outcome {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
 * @param page    from 0
 * @param size    1 to 200
 */
record EntryQuery(
        @Parameter(description = "起始时间（含），ISO-8601，如 2026-05-01T08:00 或 2026-05-01T08:00:00+08:00")
        @Nullable String from,
        @Parameter(description = "结束时间（不含），格式同 from") @Nullable String to,
        @Parameter(description = "操作人用户名") @Nullable String actor,
        @Parameter(description = "操作代码，如 PERSON_UNMASK") @Nullable String action,
        @Parameter(description = "对象类型，如 PERSON") @Nullable String objectType,
        @Parameter(description = "对象编号；与对象类型一起查询谁访问过某条记录") @Nullable String objectId,
        @Parameter(description = "结果：SUCCESS、FAILURE 或 DENIED") @Nullable String outcome,
        @Parameter(description = "页码，从 0 开始") @Nullable Integer page,
        @Parameter(description = "每页条数，1–200") @Nullable Integer size) {

    static final EntryQuery NONE = new EntryQuery(null, null, null, null, null, null, null, null, null);
    private static final int MAX_TEXT = 100;
    /** A '+' of an offset that arrived unencoded in a query string has become a space. */
    private static final Pattern DECODED_PLUS = Pattern.compile("(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?) (\\d{2}:\\d{2})$");

    /** The filter and page, checked; a {@link DomainException} with a Chinese message per wrong field otherwise. */
    Checked checked(int defaultSize) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant fromTime = time("from", from, Messages.text("audit.filter.from"), errors);
        Instant toTime = time("to", to, Messages.text("audit.filter.to"), errors);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.put("to", Messages.text("audit.filter.to-before-from"));
        }
        limit("actor", actor, Messages.text("audit.filter.actor"), errors);
        limit("action", action, Messages.text("audit.filter.action"), errors);
        limit("objectType", objectType, Messages.text("audit.filter.object-type"), errors);
        limit("objectId", objectId, Messages.text("audit.filter.object-id"), errors);
        Outcome outcomeValue = outcome(errors);
        if (page != null && page < 0) {
            errors.put("page", Messages.text("audit.filter.page-negative"));
        }
        if (size != null && (size < 1 || size > AuditReading.MAX_PAGE_SIZE)) {
            errors.put("size", Messages.text("platform.page.size-range", AuditReading.MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Checked(new AuditFilter(fromTime, toTime, actor, action, objectType, objectId, outcomeValue),
                page == null ? 0 : page, size == null ? defaultSize : size);
    }

    record Checked(AuditFilter filter, int page, int size) {
    }

    /** This filter at another page, as a link to the audit page (blank criteria left out). */
    String pageLink(int targetPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
        Map<String, @Nullable String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("actor", actor);
        params.put("action", action);
        params.put("objectType", objectType);
        params.put("objectId", objectId);
        params.put("outcome", outcome);
        params.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        if (size != null) {
            uri.queryParam("size", size);
        }
        return uri.queryParam("page", targetPage).encode().build().toUriString();
    }

    private static void limit(String field, @Nullable String value, String label, Map<String, String> errors) {
        if (value != null && value.strip().length() > MAX_TEXT) {
            errors.put(field, Messages.text("audit.filter.too-long", label, MAX_TEXT));
        }
    }

    private @Nullable Outcome outcome(Map<String, String> errors) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(outcome.strip());
        } catch (IllegalArgumentException e) {
            errors.put("outcome", Messages.text("audit.filter.outcome-invalid"));
            return null;
        }
    }

    private static @Nullable Instant time(String field, @Nullable String text, String label,
            Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = DECODED_PLUS.matcher(text.strip()).replaceFirst("$1+$4");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(ClockConfiguration.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.put(field, Messages.text("audit.filter.time-format", label));
                return null;
            }
        }
    }
}
