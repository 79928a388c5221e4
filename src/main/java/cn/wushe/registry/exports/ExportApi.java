package cn.wushe.registry.exports;

import cn.wushe.platform.CurrentActor;
import cn.wushe.registry.internal.PersonFilter;
import cn.wushe.platform.personal.Sex;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/people/export: the people list as .xlsx with the list API's filters; masked unless
 * {@code unmasked=true} with a {@code reason} of at least four characters (and PII_UNMASK).
 */
@RestController
class ExportApi {

    private final ExportingRoster exporting;
    private final Clock clock;

    ExportApi(ExportingRoster exporting, Clock clock) {
        this.exporting = exporting;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/people/export", produces = ExportWeb.XLSX)
    @PreAuthorize("hasAuthority('PERSON_EXPORT')")
    void export(@RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer ageMin, @RequestParam(required = false) @Nullable Integer ageMax,
            @RequestParam(required = false) @Nullable Sex sex, @RequestParam(required = false) @Nullable Boolean disability,
            @RequestParam(required = false) @Nullable String disabilityType,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "false") boolean unmasked, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response) throws IOException {
        PersonFilter filter = new PersonFilter(region, category, ageMin, ageMax, sex, disability, disabilityType, name);
        ExportingRoster.Request request = new ExportingRoster.Request(filter, unmasked, reason);
        exporting.check(CurrentActor.get(), request);
        response.setContentType(ExportWeb.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(ExportWeb.fileName(clock), StandardCharsets.UTF_8).build().toString());
        exporting.export(CurrentActor.get(), request, response.getOutputStream());
    }
}
