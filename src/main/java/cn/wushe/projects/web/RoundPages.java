package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.ExternalFunds;
import cn.wushe.projects.internal.ProjectQueries;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import cn.wushe.projects.internal.Terminating;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rounds' pages (发布、截止、评定): the list with the organization's own applications and the
 * external funds beside the rounds, the round form, one round with its applications.
 */
@Controller
class RoundPages {

    static final String ROUND_READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN', 'APPLICATION_SCORE')";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProjectQueries queries;
    private final RoundManagement rounds;
    private final Applying applying;
    private final ExternalFunds funds;
    private final Terminating terminating;
    private final Clock clock;

    RoundPages(ProjectQueries queries, RoundManagement rounds, Applying applying, ExternalFunds funds, Terminating terminating,
            Clock clock) {
        this.terminating = terminating;
        this.queries = queries;
        this.rounds = rounds;
        this.applying = applying;
        this.funds = funds;
        this.clock = clock;
    }

    /** The round form as typed: one field's standard and the default criteria. */
    record RoundForm(@Nullable String kind, @Nullable String title, @Nullable String funder, @Nullable BigDecimal budget,
            @Nullable LocalDate opensOn, @Nullable LocalDate closesOn, @Nullable LocalDate scoringDeadline,
            @Nullable String field, @Nullable BigDecimal ceiling, @Nullable Integer experts, @Nullable Boolean blind,
            @Nullable String regionCode) {
    }

    @GetMapping("/rounds")
    @PreAuthorize(ROUND_READERS)
    String list(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("rounds", queries.rounds(actor));
        model.addAttribute("mine", actor.can(Permission.ORG_OWN) ? queries.mine(actor) : List.of());
        model.addAttribute("funds", actor.can(Permission.APPLICATION_SCORE) && !actor.can(Permission.ROUND_MANAGE)
                && !actor.can(Permission.PROJECT_VIEW) && !actor.can(Permission.ORG_OWN) ? List.of() : funds.funds(actor));
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE));
        model.addAttribute("mayView", actor.can(Permission.ROUND_MANAGE) || actor.can(Permission.PROJECT_VIEW));
        model.addAttribute("mayLibrary", actor.can(Permission.ROUND_MANAGE) || actor.can(Permission.PROJECT_VIEW)
                || actor.can(Permission.ORG_OWN));
        return "projects/rounds";
    }

    @GetMapping("/rounds/new")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String newRound(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        return roundForm(model, new RoundForm("VENTURE", null, null, null, today, today.plusDays(30), today.plusDays(45),
                Messages.text("projects.field.elderly"), new BigDecimal("50000"), 5, true, null), Map.of(), null);
    }

    @PostMapping("/rounds")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String open(@ModelAttribute RoundForm f, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            Round r = rounds.open(CurrentActor.get(), new RoundManagement.NewRound(f.kind(), f.title(), f.funder(), f.budget(),
                    f.opensOn(), f.closesOn(), f.scoringDeadline(), f.experts(), f.blind(), 0, null,
                    List.of(new Round.Criterion(Messages.text("projects.criterion.need"), 30),
                            new Round.Criterion(Messages.text("projects.criterion.design"), 40),
                            new Round.Criterion(Messages.text("projects.criterion.budget"), 30)),
                    f.field() == null || f.ceiling() == null ? List.of() : List.of(new Round.Standard(f.field().strip(), f.ceiling())),
                    List.of(50, 30, 20), 12, f.regionCode()));
            redirect.addFlashAttribute("notice", Messages.text("projects.page.round-opened"));
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
    @PreAuthorize(ROUND_READERS)
    String round(@PathVariable String id, Model model) {
        Actor actor = CurrentActor.get();
        Round r = queries.round(actor, ProjectWeb.uuid(id));
        model.addAttribute("round", r);
        model.addAttribute("recovery", terminating.roundRecovery(r.id()));
        model.addAttribute("applications", actor.can(Permission.ROUND_MANAGE) || actor.can(Permission.PROJECT_VIEW)
                || actor.can(Permission.ORG_OWN) ? queries.applications(actor, r.id()) : List.of());
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE, r.regionCode()));
        model.addAttribute("mayApply", actor.can(Permission.ORG_OWN) && r.acceptsApplications(clock.instant()));
        return "projects/round";
    }

    @PostMapping("/rounds/{id}/apply")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String apply(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.act(redirect, "/rounds/" + id,
                () -> "/projects/" + applying.start(CurrentActor.get(), ProjectWeb.uuid(id)).id());
    }

    @PostMapping("/rounds/{id}/close")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/rounds/" + id, () -> rounds.closeApplications(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    @PostMapping("/rounds/{id}/decide")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String decide(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/rounds/" + id, () -> rounds.decide(CurrentActor.get(), ProjectWeb.uuid(id)));
    }
}
