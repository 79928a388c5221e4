package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.Bundles;
import cn.wushe.projects.internal.Implementing;
import cn.wushe.projects.internal.ProjectQueries;
import cn.wushe.projects.internal.Terminating;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A running project's buttons (实施与验收): reports, instalments, evaluator, evaluation, financial
 * audit, acceptance and a bundle's community reports and acceptance; each comes back to the project
 * page. The evaluator's list of assigned projects lives here too.
 */
@Controller
class ImplementationPages {

    private final ProjectQueries queries;
    private final Implementing implementing;
    private final Bundles bundles;
    private final Terminating terminating;

    ImplementationPages(ProjectQueries queries, Implementing implementing, Bundles bundles, Terminating terminating) {
        this.terminating = terminating;
        this.queries = queries;
        this.implementing = implementing;
        this.bundles = bundles;
    }

    private static String page(String id) {
        return "/projects/" + id;
    }

    @PostMapping("/projects/{id}/reports/{number}")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String report(@PathVariable String id, @PathVariable int number, @RequestParam(required = false) @Nullable String summary,
            @RequestParam(required = false) @Nullable BigDecimal spent,
            @RequestParam(required = false) @Nullable Integer beneficiaries, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> implementing.submitReport(CurrentActor.get(), ProjectWeb.uuid(id),
                number, summary, spent, beneficiaries));
    }

    @PostMapping("/projects/{id}/instalments/{number}/pay")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String pay(@PathVariable String id, @PathVariable int number, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> implementing.pay(CurrentActor.get(), ProjectWeb.uuid(id), number));
    }

    @PostMapping("/projects/{id}/evaluator")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String evaluator(@PathVariable String id, @RequestParam String evaluatorId, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> implementing.assignEvaluator(CurrentActor.get(), ProjectWeb.uuid(id),
                ProjectWeb.uuid(evaluatorId)));
    }

    @PostMapping("/projects/{id}/evaluation")
    @PreAuthorize("hasAuthority('PROJECT_EVALUATE')")
    String evaluation(@PathVariable String id, @RequestParam(required = false) @Nullable String evaluation,
            @RequestParam(required = false) @Nullable Integer satisfaction, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> implementing.evaluate(CurrentActor.get(), ProjectWeb.uuid(id),
                evaluation, satisfaction));
    }

    @PostMapping("/projects/{id}/financial-audit")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String financialAudit(@PathVariable String id, @RequestParam(required = false) @Nullable String auditor,
            @RequestParam(required = false) @Nullable String conclusion,
            @RequestParam(required = false) @Nullable BigDecimal questioned, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> implementing.recordAudit(CurrentActor.get(), ProjectWeb.uuid(id),
                auditor, conclusion, questioned));
    }

    @PostMapping("/projects/{id}/accept")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String accept(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> implementing.accept(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    @PostMapping("/projects/{id}/terminate")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String terminate(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate recoveryDueOn,
            RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> terminating.terminate(CurrentActor.get(), ProjectWeb.uuid(id),
                reason, recoveryDueOn));
    }

    @PostMapping("/projects/{id}/recovery/receipts")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String receipt(@PathVariable String id, @RequestParam(required = false) @Nullable BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate receivedOn,
            @RequestParam(required = false) @Nullable String reference, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> terminating.recordReceipt(CurrentActor.get(), ProjectWeb.uuid(id),
                amount, receivedOn, reference));
    }

    @PostMapping("/projects/{id}/sites/{community}/report")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String siteReport(@PathVariable String id, @PathVariable String community,
            @RequestParam(required = false) @Nullable String summary, @RequestParam(required = false) @Nullable Integer served,
            RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> bundles.report(CurrentActor.get(), ProjectWeb.uuid(id), community,
                summary, served));
    }

    @PostMapping("/projects/{id}/sites/{community}/accept")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String siteAccept(@PathVariable String id, @PathVariable String community,
            @RequestParam(defaultValue = "true") boolean passed, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> bundles.accept(CurrentActor.get(), ProjectWeb.uuid(id), community,
                passed));
    }

    @GetMapping("/evaluations")
    @PreAuthorize("hasAuthority('PROJECT_EVALUATE')")
    String evaluations(Model model) {
        model.addAttribute("projects", queries.toEvaluate(CurrentActor.get()));
        return "projects/evaluations";
    }
}
