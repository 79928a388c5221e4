package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.projects.internal.Application;
import cn.wushe.projects.internal.ApplicationStatus;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.Confirming;
import cn.wushe.projects.internal.Implementing;
import cn.wushe.projects.internal.ProjectQueries;
import cn.wushe.projects.internal.Reviewing;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The pages of rounds and projects, phone first: rounds (发布、截止、评定), an organization's
 * application with autosave (自动保存) and submission, the expert's review (回避申报、评分), and the
 * project page where reports, instalments, evaluation, audit and acceptance happen. A refusal comes
 * back on the same page with its status and the Chinese message beside the field.
 */
@Controller
class ProjectPages {

    static final String READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN', 'PROJECT_EVALUATE')";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProjectQueries queries;
    private final RoundManagement rounds;
    private final Applying applying;
    private final Reviewing reviewing;
    private final Confirming confirming;
    private final Implementing implementing;
    private final java.time.Clock clock;

    ProjectPages(ProjectQueries queries, RoundManagement rounds, Applying applying, Reviewing reviewing,
            Confirming confirming, Implementing implementing, java.time.Clock clock) {
        this.queries = queries;
        this.rounds = rounds;
        this.applying = applying;
        this.reviewing = reviewing;
        this.confirming = confirming;
        this.implementing = implementing;
        this.clock = clock;
    }

    /** The round form as typed: one field's standard and the default criteria. */
    record RoundForm(@Nullable String kind, @Nullable String title, @Nullable String funder, @Nullable BigDecimal budget,
            @Nullable LocalDate opensOn, @Nullable LocalDate closesOn, @Nullable LocalDate scoringDeadline,
            @Nullable String field, @Nullable BigDecimal ceiling, @Nullable Integer experts, @Nullable Boolean blind,
            @Nullable String regionCode) {
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
                lines.add(new Application.BudgetLine(name == null ? "" : name.strip(), cn.wushe.platform.Messages.text("projects.budget.activity"), value));
            }
            return new Applying.Draft(title, field, need, null, goals, targetGroup, beneficiaries, lines, requested,
                    List.of(), List.of());
        }
    }

    @GetMapping("/rounds")
    @PreAuthorize("hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN', 'APPLICATION_SCORE')")
    String list(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("rounds", queries.rounds(actor));
        model.addAttribute("mine", actor.can(Permission.ORG_OWN) ? queries.mine(actor) : List.of());
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE));
        return "projects/rounds";
    }

    @GetMapping("/rounds/new")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String newRound(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        return roundForm(model, new RoundForm("VENTURE", null, null, null, today, today.plusDays(30), today.plusDays(45),
                cn.wushe.platform.Messages.text("projects.field.elderly"), new BigDecimal("50000"), 5, true, null), Map.of(), null);
    }

    @PostMapping("/rounds")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String open(@ModelAttribute RoundForm f, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            Round r = rounds.open(CurrentActor.get(), new RoundManagement.NewRound(f.kind(), f.title(), f.funder(), f.budget(),
                    f.opensOn(), f.closesOn(), f.scoringDeadline(), f.experts(), f.blind(), 0, null,
                    List.of(new Round.Criterion(cn.wushe.platform.Messages.text("projects.criterion.need"), 30),
                            new Round.Criterion(cn.wushe.platform.Messages.text("projects.criterion.design"), 40),
                            new Round.Criterion(cn.wushe.platform.Messages.text("projects.criterion.budget"), 30)),
                    f.field() == null || f.ceiling() == null ? List.of() : List.of(new Round.Standard(f.field().strip(), f.ceiling())),
                    List.of(50, 30, 20), 12, f.regionCode()));
            redirect.addFlashAttribute("notice", cn.wushe.platform.Messages.text("projects.page.round-opened"));
            return "redirect:/rounds/" + r.id();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return roundForm(model, f, refusal.fieldErrors(), refusal.general());
        }
    }

    private String roundForm(Model model, RoundForm form, Map<String, String> errors, @Nullable String problem) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("kinds", Round.Kind.values());
        return "projects/round-form";
    }

    @GetMapping("/rounds/{id}")
    @PreAuthorize("hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN', 'APPLICATION_SCORE')")
    String round(@PathVariable String id, Model model) {
        Actor actor = CurrentActor.get();
        Round r = queries.round(actor, ProjectWeb.uuid(id));
        model.addAttribute("round", r);
        model.addAttribute("applications", actor.can(Permission.ROUND_MANAGE) || actor.can(Permission.PROJECT_VIEW)
                || actor.can(Permission.ORG_OWN) ? queries.applications(actor, r.id()) : List.of());
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE, r.regionCode()));
        model.addAttribute("mayApply", actor.can(Permission.ORG_OWN) && r.acceptsApplications(clock.instant()));
        return "projects/round";
    }

    @PostMapping("/rounds/{id}/apply")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String apply(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/rounds/" + id, () -> "/projects/" + applying.start(CurrentActor.get(), ProjectWeb.uuid(id)).id());
    }

    @PostMapping("/rounds/{id}/close")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/rounds/" + id, () -> {
            rounds.closeApplications(CurrentActor.get(), ProjectWeb.uuid(id));
            return "/rounds/" + id;
        });
    }

    @PostMapping("/rounds/{id}/decide")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String decide(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/rounds/" + id, () -> {
            rounds.decide(CurrentActor.get(), ProjectWeb.uuid(id));
            return "/rounds/" + id;
        });
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize(READERS)
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
        model.addAttribute("form", typed != null ? typed : formOf(a));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "projects/project";
    }

    private static DraftForm formOf(Application a) {
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
                model.addAttribute("savedAt", java.time.LocalTime.now(clock.withZone(CHINA)).withNano(0));
                return "projects/project :: autosaved";
            }
            redirect.addFlashAttribute("notice", cn.wushe.platform.Messages.text("projects.page.saved"));
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
            redirect.addFlashAttribute("notice", cn.wushe.platform.Messages.text("projects.page.submitted"));
            return "redirect:/projects/" + id;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            DraftForm again = new DraftForm(form.title(), form.field(), form.need(), form.goals(), form.targetGroup(),
                    form.beneficiaries(), form.requested(), form.item(), form.amount(),
                    queries.application(CurrentActor.get(), parsed).version());
            return projectPage(model, parsed, again, refusal.fieldErrors(), refusal.general());
        }
    }

    @PostMapping("/projects/{id}/correction")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String correction(@PathVariable String id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            applying.requestCorrection(CurrentActor.get(), ProjectWeb.uuid(id), note);
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/confirm")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String confirm(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            confirming.confirm(CurrentActor.get(), ProjectWeb.uuid(id));
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/reports/{number}")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String report(@PathVariable String id, @PathVariable int number, @RequestParam(required = false) @Nullable String summary,
            @RequestParam(required = false) @Nullable BigDecimal spent,
            @RequestParam(required = false) @Nullable Integer beneficiaries, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            implementing.submitReport(CurrentActor.get(), ProjectWeb.uuid(id), number, summary, spent, beneficiaries);
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/instalments/{number}/pay")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String pay(@PathVariable String id, @PathVariable int number, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            implementing.pay(CurrentActor.get(), ProjectWeb.uuid(id), number);
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/evaluator")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String evaluator(@PathVariable String id, @RequestParam String evaluatorId, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            implementing.assignEvaluator(CurrentActor.get(), ProjectWeb.uuid(id), ProjectWeb.uuid(evaluatorId));
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/evaluation")
    @PreAuthorize("hasAuthority('PROJECT_EVALUATE')")
    String evaluation(@PathVariable String id, @RequestParam(required = false) @Nullable String evaluation,
            @RequestParam(required = false) @Nullable Integer satisfaction, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            implementing.evaluate(CurrentActor.get(), ProjectWeb.uuid(id), evaluation, satisfaction);
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/financial-audit")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String financialAudit(@PathVariable String id, @RequestParam(required = false) @Nullable String auditor,
            @RequestParam(required = false) @Nullable String conclusion,
            @RequestParam(required = false) @Nullable BigDecimal questioned, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            implementing.recordAudit(CurrentActor.get(), ProjectWeb.uuid(id), auditor, conclusion, questioned);
            return "/projects/" + id;
        });
    }

    @PostMapping("/projects/{id}/accept")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String accept(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/projects/" + id, () -> {
            implementing.accept(CurrentActor.get(), ProjectWeb.uuid(id));
            return "/projects/" + id;
        });
    }

    @GetMapping("/reviews")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String reviews(Model model) {
        model.addAttribute("assignments", reviewing.assignments(CurrentActor.get()));
        return "projects/reviews";
    }

    @GetMapping("/reviews/{id}")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String review(@PathVariable String id, Model model) {
        model.addAttribute("view", reviewing.view(CurrentActor.get(), ProjectWeb.uuid(id)));
        return "projects/review";
    }

    @PostMapping("/reviews/{id}/declaration")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String declare(@PathVariable String id, @RequestParam(defaultValue = "false") boolean conflict,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return act(redirect, "/reviews/" + id, () -> {
            reviewing.declare(CurrentActor.get(), ProjectWeb.uuid(id), conflict, reason);
            return conflict ? "/reviews" : "/reviews/" + id;
        });
    }

    @PostMapping("/reviews/{id}/scores")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String score(@PathVariable String id, @RequestParam(name = "points", required = false) @Nullable List<String> points,
            RedirectAttributes redirect) {
        return act(redirect, "/reviews/" + id, () -> {
            List<@Nullable BigDecimal> values = new ArrayList<>();
            for (String p : points == null ? List.<String>of() : points) {
                try {
                    values.add(p == null || p.isBlank() ? null : new BigDecimal(p.strip()));
                } catch (NumberFormatException e) {
                    values.add(null);
                }
            }
            reviewing.score(CurrentActor.get(), ProjectWeb.uuid(id), values);
            return "/reviews";
        });
    }

    @GetMapping("/evaluations")
    @PreAuthorize("hasAuthority('PROJECT_EVALUATE')")
    String evaluations(Model model) {
        model.addAttribute("projects", queries.toEvaluate(CurrentActor.get()));
        return "projects/evaluations";
    }

    /**
     * Runs an action and redirects to where it leads; a refusal goes back to {@code back} with its
     * Chinese message (a page outside the scope still answers 404 through PageErrors).
     */
    private static String act(RedirectAttributes redirect, String back, java.util.function.Supplier<String> action) {
        try {
            String target = action.get();
            redirect.addFlashAttribute("notice", cn.wushe.platform.Messages.text("projects.page.done"));
            return "redirect:" + target;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            redirect.addFlashAttribute("problem", refusal.message());
            return "redirect:" + back;
        }
    }
}
