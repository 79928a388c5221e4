package cn.wushe.registry.exports;

import cn.wushe.platform.AgeBand;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.ErrorPages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.registry.internal.PersonFilter;
import cn.wushe.platform.personal.Sex;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The export page and downloads: GET /people/export.xlsx gives the masked list with the people
 * list's filters; POST with a reason gives it unmasked to those who hold PII_UNMASK.
 */
@Controller
class ExportWeb {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExportingRoster exporting;
    private final Clock clock;
    private final ExportPolicies policies;

    ExportWeb(ExportingRoster exporting, Clock clock, ExportPolicies policies) {
        this.exporting = exporting;
        this.clock = clock;
        this.policies = policies;
    }

    /** The people list's filters, as its page sends them ({@code age} is a band such as 60-79 or 80-). */
    record Filters(@Nullable String region, @Nullable String category, @Nullable String age, @Nullable Sex sex,
            @Nullable Boolean disability, @Nullable String name) {

        PersonFilter toFilter() {
            AgeBand band = AgeBand.parse(age);
            return new PersonFilter(region, category, band == null ? null : band.min(), band == null ? null : band.max(),
                    sex, disability, null, name);
        }

        Map<String, String> asParams() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("region", region == null ? "" : region);
            m.put("category", category == null ? "" : category);
            m.put("age", age == null ? "" : age);
            m.put("sex", sex == null ? "" : sex.name());
            m.put("disability", Boolean.TRUE.equals(disability) ? "true" : "");
            m.put("name", name == null ? "" : name);
            return m;
        }
    }

    @GetMapping("/people/export")
    @PreAuthorize("hasAuthority('PERSON_EXPORT')")
    String page(@ModelAttribute Filters filters, Model model, HttpServletResponse response) {
        filters.toFilter();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("f", filters.asParams());
        model.addAttribute("canUnmask", CurrentActor.get().can(Permission.PII_UNMASK));
        model.addAttribute("approvalThreshold", policies.threshold(ExportingRoster.countyOf(CurrentActor.get())));
        return "registry/export";
    }

    @GetMapping("/people/export.xlsx")
    @PreAuthorize("hasAuthority('PERSON_EXPORT')")
    void masked(@ModelAttribute Filters filters, HttpServletResponse response) throws IOException {
        send(new ExportingRoster.Request(filters.toFilter(), false, null), response);
    }

    @PostMapping("/people/export.xlsx")
    @PreAuthorize("hasAuthority('PERSON_EXPORT') and hasAuthority('PII_UNMASK')")
    void unmasked(@ModelAttribute Filters filters, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response) throws IOException {
        send(new ExportingRoster.Request(filters.toFilter(), true, reason), response);
    }

    /** The visit list: each row as the exporter's screen shows it, with a stated purpose. */
    @PostMapping("/people/export-visit.xlsx")
    @PreAuthorize("hasAuthority('PERSON_EXPORT')")
    void asOnScreen(@ModelAttribute Filters filters, @RequestParam(required = false) @Nullable String purpose,
            HttpServletResponse response) throws IOException {
        PersonFilter filter = filters.toFilter();
        exporting.checkAsOnScreen(purpose);
        headers(response);
        exporting.exportAsOnScreen(CurrentActor.get(), filter, purpose, response.getOutputStream());
    }

    /** A refusal of the download is shown on the export form (the reason's message); 404 and 403 are error pages. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.reset(); // drops the attachment headers set for the file
        }
        if (e.status() == 404 || e.status() == 403) {
            return ErrorPages.of(e);
        }
        FormRefusal refusal = FormRefusal.of(e).statusOn(response);
        ModelAndView page = new ModelAndView("registry/export");
        ModelMap model = page.getModelMap();
        Map<String, String> f = new LinkedHashMap<>();
        for (String key : List.of("region", "category", "age", "sex", "disability", "name")) {
            String value = request.getParameter(key);
            f.put(key, value == null ? "" : value);
        }
        model.addAttribute("f", f);
        model.addAttribute("canUnmask", CurrentActor.get().can(Permission.PII_UNMASK));
        model.addAttribute("approvalThreshold", policies.threshold(ExportingRoster.countyOf(CurrentActor.get())));
        if (refusal.fieldErrors().containsKey("purpose")) {
            model.addAttribute("purposeError", refusal.fieldErrors().get("purpose"));
        } else {
            model.addAttribute("reasonError", refusal.fieldErrors().getOrDefault("reason", e.getMessage()));
        }
        return page;
    }

    /** The use case checks and writes the whole file before its first byte goes out, so a refusal is still a page. */
    private void send(ExportingRoster.Request request, HttpServletResponse response) throws IOException {
        exporting.check(CurrentActor.get(), request);
        headers(response);
        exporting.export(CurrentActor.get(), request, response.getOutputStream());
    }

    private void headers(HttpServletResponse response) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(clock), StandardCharsets.UTF_8).build().toString());
    }

    static String fileName(Clock clock) {
        return Messages.text("registry.export.file-name", LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")));
    }
}
