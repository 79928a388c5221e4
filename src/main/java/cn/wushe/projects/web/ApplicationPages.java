package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.projects.internal.Application;
import cn.wushe.projects.internal.ApplicationStatus;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.Bundles;
import cn.wushe.projects.internal.Confirming;
import cn.wushe.projects.internal.Implementing;
import cn.wushe.projects.internal.ProjectQueries;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.Terminating;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One application's page, phone first: the organization's form with autosave (自动保存) and
 * submission, the manager's correction request and confirmation. A refusal comes back on the same
 * page with its status and the Chinese message beside the field. The project's later steps post
 * from the same page to {@link ImplementationPages}.
 */
@Controller
class ApplicationPages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProjectQueries queries;
    private final Applying applying;
    private final Confirming confirming;
    private final Implementing implementing;
    private final Bundles bundles;
    private final Terminating terminating;
    private final Clock clock;

    ApplicationPages(ProjectQueries queries, Applying applying, Confirming confirming, Implementing implementing,
            Bundles bundles, Terminating terminating, Clock clock) {
        this.terminating = terminating;
        this.queries = queries;
        this.applying = applying;
        this.confirming = confirming;
        this.implementing = implementing;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** The application form as typed: up to five budget lines. */
    record DraftForm(@Nullable String title, @Nullable String field, @Nullable String need, @Nullable String goals,
            @Nullable String targetGroup, @Nullable Integer beneficiaries, @Nullable BigDecimal requested,
            @Nullable List<String> item, @Nullable List<String> amount, @Nullable Long version) {

        Applying.Draft draft() {
            List<Application.BudgetLine> lines = new ArrayList<>();
            List<String> items = item == null ? List.of() : item;
            List<String> amounts = amount == null ? List.of() : amount;
            for (int i = 0; i < Math.max(items.size(), amounts.size()); i++) {
                String name = i < items.size() ? items.get(i) : "";
                String typed = i < amounts.size() ? amounts.get(i) : "";
                if ((name == null || name.isBlank()) && (typed == null || typed.isBlank())) {
                    continue;
                }
                BigDecimal value;
                try {
                    value = typed == null || typed.isBlank() ? BigDecimal.ZERO : new BigDecimal(typed.strip());
                } catch (NumberFormatException e) {
                    value = BigDecimal.ZERO;
                }
                lines.add(new Application.BudgetLine(name == null ? "" : name.strip(), Messages.text("projects.budget.activity"), value));
            }
            return new Applying.Draft(title, field, need, null, goals, targetGroup, beneficiaries, lines, requested,
                    List.of(), List.of());
        }

        DraftForm withVersion(long current) {
            return new DraftForm(title, field, need, goals, targetGroup, beneficiaries, requested, item, amount, current);
        }

        static DraftForm of(Application a) {
            List<String> items = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            a.budgetLines().forEach(l -> {
                items.add(l.item());
                amounts.add(l.amount().toPlainString());
            });
            while (items.size() < 3) {
                items.add("");
                amounts.add("");
            }
            return new DraftForm(a.title(), a.field(), a.need(), a.goals(), a.targetGroup(), a.beneficiaries(),
                    a.requested().signum() == 0 ? null : a.requested(), items, amounts, a.version());
        }
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize(ProjectApi.READERS)
    String project(@PathVariable String id, Model model) {
        return projectPage(model, ProjectWeb.uuid(id), null, Map.of(), null);
    }

    private String projectPage(Model model, UUID id, @Nullable DraftForm typed, Map<String, String> errors,
            @Nullable String problem) {
        Actor actor = CurrentActor.get();
        Application a = queries.application(actor, id);
        Round r = queries.round(actor, a.roundId());
        boolean own = actor.unitIds().contains(a.ownerUnitId()) && actor.can(Permission.ORG_OWN);
        model.addAttribute("a", a);
        model.addAttribute("round", r);
        model.addAttribute("own", own);
        model.addAttribute("editable", own && (a.status() == ApplicationStatus.DRAFT
                || a.status() == ApplicationStatus.NEEDS_CORRECTION));
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE, a.regionCode()));
        model.addAttribute("mayEvaluate", actor.id().equals(a.evaluatorId()) && actor.can(Permission.PROJECT_EVALUATE));
        model.addAttribute("reports", implementing.reports(id));
        model.addAttribute("instalments", implementing.instalments(id));
        model.addAttribute("sites", bundles.sites(id));
        model.addAttribute("termination", terminating.termination(id).orElse(null));
        model.addAttribute("today", LocalDate.now(clock.withZone(CHINA)));
        model.addAttribute("form", typed != null ? typed : DraftForm.of(a));
        model.addAttribute("errors", errors);
        if (problem != null || !model.containsAttribute("problem")) {
            // a button's refusal arrives as a flash attribute: keep it
            model.addAttribute("problem", problem);
        }
        return "projects/project";
    }

    @PostMapping("/projects/{id}/draft")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String save(@PathVariable String id, @ModelAttribute DraftForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        UUID parsed = ProjectWeb.uuid(id);
        try {
            Application saved = applying.save(CurrentActor.get(), parsed, form.draft(), form.version() == null ? -1 : form.version());
            if (htmx != null) {
                model.addAttribute("a", saved);
                model.addAttribute("savedAt", LocalTime.now(clock.withZone(CHINA)).withNano(0));
                return "projects/project :: autosaved";
            }
            redirect.addFlashAttribute("notice", Messages.text("projects.page.saved"));
            return "redirect:/projects/" + id;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return projectPage(model, parsed, form, refusal.fieldErrors(), refusal.general());
        }
    }

    @PostMapping("/projects/{id}/submit")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String submit(@PathVariable String id, @ModelAttribute DraftForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        UUID parsed = ProjectWeb.uuid(id);
        try {
            Application current = applying.own(CurrentActor.get(), parsed, false);
            if (current.status() == ApplicationStatus.DRAFT || current.status() == ApplicationStatus.NEEDS_CORRECTION) {
                applying.save(CurrentActor.get(), parsed, form.draft(), form.version() == null ? current.version() : form.version());
            }
            applying.submit(CurrentActor.get(), parsed);
            redirect.addFlashAttribute("notice", Messages.text("projects.page.submitted"));
            return "redirect:/projects/" + id;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            DraftForm again = form.withVersion(queries.application(CurrentActor.get(), parsed).version());
            return projectPage(model, parsed, again, refusal.fieldErrors(), refusal.general());
        }
    }

    @PostMapping("/projects/{id}/correction")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String correction(@PathVariable String id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/projects/" + id,
                () -> applying.requestCorrection(CurrentActor.get(), ProjectWeb.uuid(id), note));
    }

    @PostMapping("/projects/{id}/confirm")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String confirm(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/projects/" + id, () -> confirming.confirm(CurrentActor.get(), ProjectWeb.uuid(id)));
    }
}
