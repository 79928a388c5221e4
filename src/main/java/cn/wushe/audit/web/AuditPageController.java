package cn.wushe.audit.web;

import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.audit.internal.AuditEntry;
import cn.wushe.platform.Page;
import cn.wushe.audit.internal.AuditProperties;
import cn.wushe.audit.internal.AuditReading;
import cn.wushe.audit.internal.VerificationText;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit log page (审计日志) for audit admins: filter, page through, and verify. htmx swaps
 * the search area or the verification result; without script the same URLs give whole pages.
 * Anyone without {@code AUDIT_READ} sees the ordinary 404 page.
 */
@Controller
@RequestMapping("/audit")
class AuditPageController {

    static final int DEFAULT_SIZE = 20;
    private static final String ACTION_LABEL = "audit.action.";
    private static final String OBJECT_LABEL = "audit.object.";
    /** The identifiers a list read names; the page shows how many instead of the identifiers. */
    private static final Pattern IDS = Pattern.compile("ids=([^;]*)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockConfiguration.ZONE);

    private final AuditReading reading;
    private final AuditProperties properties;
    private final List<cn.wushe.platform.ObjectNamer> namers;

    AuditPageController(AuditReading reading, AuditProperties properties,
            org.springframework.beans.factory.ObjectProvider<cn.wushe.platform.ObjectNamer> namers) {
        this.reading = reading;
        this.properties = properties;
        this.namers = namers.orderedStream().toList();
    }

    /**
     * The page's rows with their objects and regions named by the modules that own them (a person by
     * masked name, a region by name): one call per object type and module for the whole page.
     */
    private List<EntryRow> named(List<EntryRow> rows) {
        Map<String, Map<String, String>> names = new java.util.HashMap<>();
        Map<String, java.util.Set<String>> wanted = new java.util.HashMap<>();
        for (EntryRow r : rows) {
            if (r.objectType() != null && r.objectId() != null) {
                wanted.computeIfAbsent(r.objectType(), t -> new java.util.HashSet<>()).add(r.objectId());
            }
            if (r.objectRegion() != null) {
                wanted.computeIfAbsent(cn.wushe.platform.ObjectNamer.REGION, t -> new java.util.HashSet<>()).add(r.objectRegion());
            }
        }
        wanted.forEach((type, ids) -> namers.forEach(n -> names.computeIfAbsent(type, t -> new java.util.HashMap<>())
                .putAll(n.names(type, ids))));
        return rows.stream().map(r -> r.withNames(
                r.objectType() == null || r.objectId() == null ? null : names.getOrDefault(r.objectType(), Map.of()).get(r.objectId()),
                r.objectRegion() == null ? null : names.getOrDefault(cn.wushe.platform.ObjectNamer.REGION, Map.of()).get(r.objectRegion())))
                .toList();
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String search(@ModelAttribute("query") EntryQuery query, @RequestHeader HttpHeaders headers, Model model,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.VARY, "HX-Request");
        boolean partial = isHtmxSwap(headers);
        reading.auditor(AuditReading.QUERY);
        try {
            EntryQuery.Checked checked = query.checked(DEFAULT_SIZE);
            Page<AuditEntry> page = reading.search(checked.filter(), checked.page(), checked.size());
            model.addAttribute("page", page);
            model.addAttribute("rows", named(page.items().stream().map(EntryRow::of).toList()));
            model.addAttribute("previousLink", page.hasPrevious() ? query.pageLink(page.page() - 1) : null);
            model.addAttribute("nextLink", page.hasNext() ? query.pageLink(page.page() + 1) : null);
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            model.addAttribute("errors", e.fieldErrors());
            // htmx swaps only 2xx answers: the form with its messages must come back as one
            response.setStatus(partial ? HttpStatus.OK.value() : HttpStatus.BAD_REQUEST.value());
        }
        return page(model, partial ? "audit/index :: search" : "audit/index");
    }

    @PostMapping("/verify")
    @PreAuthorize("isAuthenticated()")
    String verify(@RequestHeader HttpHeaders headers, Model model) {
        var report = reading.verify();
        model.addAttribute("report", report);
        model.addAttribute("summary", VerificationText.summary(report));
        model.addAttribute("query", EntryQuery.NONE);
        return page(model, isHtmxSwap(headers) ? "audit/index :: verification" : "audit/index");
    }

    private String page(Model model, String view) {
        model.addAttribute("retentionDays", properties.retentionDays());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("actions", codes(ACTION_LABEL));
        model.addAttribute("objectTypes", codes(OBJECT_LABEL));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return view;
    }

    /** Every code of a label family, for a select whose options read the labels. */
    private static List<String> codes(String labelPrefix) {
        return Messages.keysStartingWith(labelPrefix).stream().map(key -> key.substring(labelPrefix.length())).toList();
    }

    /** A history restore needs the whole page even though htmx asks for it. */
    private static boolean isHtmxSwap(HttpHeaders headers) {
        return headers.containsHeader("HX-Request") && !headers.containsHeader("HX-History-Restore-Request");
    }

    /** One entry as the table and the phone cards show it. */
    record EntryRow(String time, @Nullable String actorName, List<String> roles, String action,
            @Nullable String detail, @Nullable String objectType, @Nullable String objectId,
            @Nullable String objectRegion, @Nullable String whoAccessedLink, Outcome outcome,
            @Nullable String clientIp, @Nullable String requestId, @Nullable String reason,
            @Nullable String objectName, @Nullable String regionName) {

        EntryRow withNames(@Nullable String object, @Nullable String region) {
            return new EntryRow(time, actorName, roles, action, detail, objectType, objectId, objectRegion, whoAccessedLink,
                    outcome, clientIp, requestId, reason, object, region);
        }

        static EntryRow of(AuditEntry e) {
            String link = e.objectType() != null && e.objectId() != null
                    ? new EntryQuery(null, null, null, null, e.objectType(), e.objectId(), null, null, null).pageLink(0)
                    : null;
            return new EntryRow(TIME.format(e.occurredAt()), e.actorName(), e.actorRoles(), e.action(),
                    readable(e.detail(), e.objectType()), e.objectType(), e.objectId(), e.objectRegion(), link, e.outcome(), e.clientIp(), e.requestId(),
                    e.reason(), null, null);
        }

        /** The detail with a list read's {@code ids=a,b,…} shown as a count ("共 2 人"). */
        static @Nullable String readable(@Nullable String detail, @Nullable String objectType) {
            if (detail == null) {
                return null;
            }
            String count = "HOUSEHOLD".equals(objectType) ? "audit.detail.households" : "audit.detail.people";
            return IDS.matcher(detail).replaceAll(m -> Matcher.quoteReplacement(
                    Messages.text(count, m.group(1).isBlank() ? 0 : m.group(1).split(",").length)));
        }
    }
}
