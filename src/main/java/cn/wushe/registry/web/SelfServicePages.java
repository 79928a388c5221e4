package cn.wushe.registry.web;

import cn.wushe.platform.web.FormRefusal;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.registry.internal.CorrectableField;
import cn.wushe.registry.internal.EnrolmentCertificates;
import cn.wushe.registry.internal.Corrections;
import cn.wushe.registry.internal.SelfService;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 我的信息 for residents, and the community worker's queue of their correction requests. */
@Controller
class SelfServicePages {

    private final SelfService selfService;
    private final Corrections corrections;
    private final EnrolmentCertificates certificates;

    SelfServicePages(SelfService selfService, Corrections corrections, EnrolmentCertificates certificates) {
        this.certificates = certificates;
        this.selfService = selfService;
        this.corrections = corrections;
    }

    @GetMapping("/me")
    @PreAuthorize("hasAuthority('SELF_SERVICE')")
    String me(Model model, HttpServletResponse response) {
        PeoplePages.noStore(response);
        model.addAttribute("person", selfService.myRecord(CurrentActor.get()).orElse(null));
        model.addAttribute("corrections", selfService.myCorrections(CurrentActor.get()));
        model.addAttribute("fields", CorrectableField.values());
        return "registry/me";
    }

    @PostMapping("/me/corrections")
    @PreAuthorize("hasAuthority('SELF_SERVICE')")
    String requestCorrection(@RequestParam(required = false) @Nullable CorrectableField field,
            @RequestParam(required = false) @Nullable String proposedValue, @RequestParam(required = false) @Nullable String note,
            Model model, HttpServletResponse response) {
        try {
            selfService.requestCorrection(CurrentActor.get(), field, proposedValue, note);
            return "redirect:/me?sent";
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.of(e).statusOn(response).fieldErrors());
            model.addAttribute("proposedValue", proposedValue);
            model.addAttribute("note", note);
            return me(model, response);
        }
    }

    /** 下载在册证明: a new signed PDF each time; a resident with no current category sees why on the page. */
    @PostMapping("/me/enrolment-certificate")
    @PreAuthorize("hasAuthority('SELF_SERVICE')")
    Object enrolmentCertificate(Model model, HttpServletResponse response) {
        try {
            IssuedDocument document = certificates.issueForMe(CurrentActor.get());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(document.fileName(EnrolmentCertificates.KIND), StandardCharsets.UTF_8).build().toString())
                    .body(document.pdf());
        } catch (DomainException e) {
            model.addAttribute("certificateError", FormRefusal.unlessNotFound(e).statusOn(response).message());
            return me(model, response);
        }
    }

    @GetMapping("/corrections")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String queue(Model model, HttpServletResponse response) {
        PeoplePages.noStore(response);
        model.addAttribute("requests", corrections.openQueue(CurrentActor.get()));
        return "registry/corrections";
    }

    @PostMapping("/corrections/{id}/close")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean done,
            @RequestParam(required = false) @Nullable String note, Model model, HttpServletResponse response) {
        try {
            if (done) {
                corrections.accept(CurrentActor.get(), id, note);
            } else {
                corrections.reject(CurrentActor.get(), id, note);
            }
            return "redirect:/corrections?closed";
        } catch (DomainException e) {
            model.addAttribute("closeError", FormRefusal.unlessNotFound(e).statusOn(response).message());
            return queue(model, response);
        }
    }
}
