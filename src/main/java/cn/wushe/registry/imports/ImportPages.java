package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.platform.files.RejectedFile;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.internal.CategoryTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** The import pages: upload with template link, the job (progress, preview, result), the workbooks. */
@Controller
class ImportPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int PREVIEW_ROWS = 200;

    private final ImportingRoster importing;
    private final CategoryTypes categoryTypes;
    private final String homeCounty;

    ImportPages(ImportingRoster importing, CategoryTypes categoryTypes,
            @org.springframework.beans.factory.annotation.Value("${wushe.home-county:610527}") String homeCounty) {
        this.importing = importing;
        this.categoryTypes = categoryTypes;
        this.homeCounty = homeCounty;
    }

    @GetMapping("/people/imports")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    String upload(Model model) {
        model.addAttribute("jobs", importing.recent(CurrentActor.get()));
        return "registry/import";
    }

    @PostMapping("/people/imports")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    String start(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, 400, Messages.text("registry.import.choose-file"));
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob job = importing.start(CurrentActor.get(), file.getOriginalFilename(), in);
            return "redirect:/people/imports/" + job.id();
        } catch (RejectedFile e) {
            return refused(model, response, e.status(), e.getMessage());
        }
    }

    @GetMapping("/people/imports/{id}")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    String job(@PathVariable UUID id, Model model) {
        fill(model, importing.job(CurrentActor.get(), id));
        return "registry/import-job";
    }

    /** Polled by htmx every second while the job runs; the returned fragment stops polling when it is done. */
    @GetMapping("/people/imports/{id}/progress")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        fill(model, importing.job(CurrentActor.get(), id));
        return "registry/import-job :: job";
    }

    @PostMapping("/people/imports/{id}/commit")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    String commit(@PathVariable UUID id, RedirectAttributes flash) {
        return backToJob(id, flash, () -> importing.commit(CurrentActor.get(), id));
    }

    @PostMapping("/people/imports/{id}/discard")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    String discard(@PathVariable UUID id, RedirectAttributes flash) {
        return backToJob(id, flash, () -> importing.discard(CurrentActor.get(), id));
    }

    /** Runs a step on the job and returns to its page, a refusal shown there (a missing job stays a 404). */
    private static String backToJob(UUID id, RedirectAttributes flash, Runnable step) {
        try {
            step.run();
        } catch (DomainException e) {
            flash.addFlashAttribute("problem", FormRefusal.unlessNotFound(e).message());
        }
        return "redirect:/people/imports/" + id;
    }

    @GetMapping("/people/imports/{id}/rejected.xlsx")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    void rejected(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportJob job = importing.job(CurrentActor.get(), id);
        download(response, Messages.text("registry.import.rejected-file-name", baseName(job.fileName())));
        importing.writeRejected(CurrentActor.get(), id, response.getOutputStream());
    }

    @GetMapping("/people/import-template.xlsx")
    @PreAuthorize("hasAuthority('PERSON_IMPORT')")
    void template(HttpServletResponse response) throws IOException {
        download(response, Messages.text("registry.import.template-file-name"));
        RosterWorkbooks.template(response.getOutputStream(), categoryTypes.active(), homeCounty + "001001", 5000);
    }

    @ExceptionHandler(DomainException.class)
    String problem(DomainException e, Model model, HttpServletResponse response) {
        if (e.status() == 404) {
            response.setStatus(404);
            return "error/404";
        }
        response.setStatus(e.status());
        model.addAttribute("problem", e.getMessage());
        return "registry/import-problem";
    }

    private String refused(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("problem", message);
        model.addAttribute("jobs", importing.recent(CurrentActor.get()));
        return "registry/import";
    }

    private void fill(Model model, ImportJob job) {
        model.addAttribute("job", job);
        if (job.status() != ImportStatus.VALIDATING) {
            model.addAttribute("rejectedRows", importing.rows(CurrentActor.get(), job.id(), RowOutcome.REJECTED, 0, PREVIEW_ROWS));
            model.addAttribute("updatedRows", importing.rows(CurrentActor.get(), job.id(), RowOutcome.UPDATE, 0, PREVIEW_ROWS));
            model.addAttribute("previewLimit", PREVIEW_ROWS);
        }
    }

    static void download(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
