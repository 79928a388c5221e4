package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.files.RejectedFile;
import cn.wushe.volunteering.internal.VolunteerRoster;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 志愿者花名册导入: the upload with its template, and the report of the rows entered and refused. */
@Controller
class VolunteerRosterPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final VolunteerRoster roster;

    VolunteerRosterPages(VolunteerRoster roster) {
        this.roster = roster;
    }

    @GetMapping("/volunteering/volunteers/import")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String form(Model model) {
        model.addAttribute("headers", VolunteerRoster.headers());
        return "volunteering/import";
    }

    @GetMapping("/volunteering/volunteers/import/template.xlsx")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VolunteerRoster.template(out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(Messages.text("volunteering.roster.file-name"), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(out.toByteArray());
    }

    @PostMapping("/volunteering/volunteers/import")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        model.addAttribute("headers", VolunteerRoster.headers());
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", Messages.text("volunteering.roster.choose-file"));
            return "volunteering/import";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("report", roster.importRoster(CurrentActor.get(), in));
        } catch (RejectedFile e) {
            response.setStatus(e.status());
            model.addAttribute("problem", e.getMessage());
        }
        return "volunteering/import";
    }
}
