package cn.wushe.registry.exports;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.ErrorPages;
import cn.wushe.platform.web.FormRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 导出审批 pages: the requester's requests with their download, and the requests waiting for the approver. */
@Controller
class ExportApprovalPages {

    private final ExportApprovals approvals;
    private final Clock clock;

    ExportApprovalPages(ExportApprovals approvals, Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    @GetMapping("/people/export-requests")
    @PreAuthorize(ExportApprovalApi.BOTH)
    String list(Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("mine", approvals.mine(CurrentActor.get()));
        model.addAttribute("toDecide", approvals.toDecide(CurrentActor.get()));
        return "registry/export-requests";
    }

    @PostMapping("/people/export-requests")
    @PreAuthorize(ExportApprovalApi.BOTH)
    String request(@ModelAttribute ExportWeb.Filters filters, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        approvals.request(CurrentActor.get(), filters.toFilter(), reason);
        redirect.addFlashAttribute("notice", Messages.text("registry.export-request.page.requested"));
        return "redirect:/people/export-requests";
    }

    @PostMapping("/people/export-requests/{id}/approve")
    @PreAuthorize(ExportApprovalApi.BOTH)
    String approve(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        approvals.approve(CurrentActor.get(), id, note);
        redirect.addFlashAttribute("notice", Messages.text("registry.export-request.page.approved"));
        return "redirect:/people/export-requests";
    }

    @PostMapping("/people/export-requests/{id}/reject")
    @PreAuthorize(ExportApprovalApi.BOTH)
    String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        approvals.reject(CurrentActor.get(), id, note);
        redirect.addFlashAttribute("notice", Messages.text("registry.export-request.page.rejected"));
        return "redirect:/people/export-requests";
    }

    @PostMapping("/people/export-requests/{id}/download.xlsx")
    @PreAuthorize(ExportApprovalApi.BOTH)
    void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        approvals.downloadable(CurrentActor.get(), id);
        response.setContentType(ExportWeb.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(ExportWeb.fileName(clock), StandardCharsets.UTF_8).build().toString());
        approvals.download(CurrentActor.get(), id, response.getOutputStream());
    }

    /** 404 and 403 are error pages; any other refusal is shown above the lists. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.reset();
        }
        if (e.status() == 404 || e.status() == 403) {
            return ErrorPages.of(e);
        }
        FormRefusal refusal = FormRefusal.of(e).statusOn(response);
        ModelAndView page = new ModelAndView("registry/export-requests");
        page.addObject("mine", approvals.mine(CurrentActor.get()));
        page.addObject("toDecide", approvals.toDecide(CurrentActor.get()));
        page.addObject("error", refusal.fieldErrors().values().stream().findFirst().orElse(e.getMessage()));
        return page;
    }
}
