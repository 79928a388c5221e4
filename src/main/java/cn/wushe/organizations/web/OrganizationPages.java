package cn.wushe.organizations.web;

import cn.wushe.organizations.OrganizationKind;
import cn.wushe.organizations.internal.CommunityCheckins;
import cn.wushe.organizations.internal.CommunityPopulation;
import cn.wushe.organizations.internal.Deregistration;
import cn.wushe.organizations.internal.OrganizationQueries;
import cn.wushe.organizations.internal.OrganizationRecord;
import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.units.UnitId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's pages (社会组织名录): list, registration or filing form, one organization, deregistration. */
@Controller
class OrganizationPages {

    private final OrganizationQueries queries;
    private final OrganizationRegister register;

    private final cn.wushe.organizations.internal.Incubation incubation;
    private final Deregistration deregistration;
    private final CommunityCheckins checkins;
    private final CommunityPopulation population;
    private final String homeCounty;
    private final java.time.Clock clock;

    OrganizationPages(OrganizationQueries queries, OrganizationRegister register,
            cn.wushe.organizations.internal.Incubation incubation, Deregistration deregistration, CommunityCheckins checkins,
            CommunityPopulation population, @org.springframework.beans.factory.annotation.Value("${wushe.home-county:610527}")
            String homeCounty, java.time.Clock clock) {
        this.clock = clock;
        this.population = population;
        this.homeCounty = homeCounty;
        this.deregistration = deregistration;
        this.checkins = checkins;
        this.queries = queries;
        this.register = register;
        this.incubation = incubation;
    }

    record Choice(String code, String label) {
    }

    static final List<Choice> KINDS = Arrays.stream(OrganizationKind.values()).map(k -> new Choice(k.name(), k.label())).toList();
    static final List<Choice> PARTIES = Arrays.stream(OrganizationRecord.PartyStatus.values())
            .map(p -> new Choice(p.name(), p.label())).toList();

    static @Nullable OrganizationKind kind(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return OrganizationKind.fromCode(code.strip())
                .orElseThrow(() -> DomainException.invalid("kind", Messages.text("organizations.organization.choose-kind")));
    }

    @GetMapping("/organizations")
    @PreAuthorize("hasAnyAuthority('ORG_VIEW', 'ORG_OWN')")
    String list(@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = CurrentActor.get();
        OrganizationQueries.Filter filter = new OrganizationQueries.Filter(kind(kind), q, Math.max(page, 0), 20);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.page(actor, filter));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("counts", actor.can(Permission.ORG_VIEW) ? queries.communityCounts(actor) : List.of());
        model.addAttribute("mayManage", actor.can(Permission.ORG_MANAGE));
        model.addAttribute("density", actor.can(Permission.ORG_VIEW) ? population.density(actor) : List.of());
        model.addAttribute("mayKeepPopulation", actor.can(Permission.ORG_MANAGE, homeCounty));
        model.addAttribute("mayViewCheckins", actor.can(Permission.ORG_VIEW) || actor.can(Permission.ORG_OWN));
        return "organizations/list";
    }

    @GetMapping("/organizations/new")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String newOrganization(@RequestParam(required = false) @Nullable String kind, Model model) {
        return form(model, new OrganizationRegister.NewOrganization(kind, null, null, null, null, null, null, "NONE", null,
                null, null, null), Map.of(), null);
    }

    @PostMapping("/organizations")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String create(@ModelAttribute OrganizationRegister.NewOrganization form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            OrganizationRecord o = register.register(CurrentActor.get(), form);
            redirect.addFlashAttribute("notice", Messages.text("organizations.organization.created", o.name()));
            return "redirect:/organizations/" + o.id();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return form(model, new OrganizationRegister.NewOrganization(form.kind(), form.name(), form.regionCode(),
                    form.creditCode(), form.leaderName(), null, null, form.partyStatus(), form.fields(),
                    form.communityType(), form.members(), form.charter()), refusal.fieldErrors(), refusal.general());
        }
    }

    @GetMapping("/organizations/{id}")
    @PreAuthorize("hasAnyAuthority('ORG_VIEW', 'ORG_OWN')")
    String one(@PathVariable String id, Model model) {
        detail(CurrentActor.get(), OrganizationApi.parse(id), model);
        return "organizations/detail";
    }

    @PostMapping("/organizations/{id}/deregister")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String deregister(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return status(id, response, model, redirect, (actor, unit) -> {
            OrganizationRecord o = deregistration.deregister(actor, unit, reason);
            return Messages.text("organizations.organization.deregistered-done", o.name());
        });
    }

    @PostMapping("/organizations/{id}/reinstate")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String reinstate(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return status(id, response, model, redirect, (actor, unit) -> {
            OrganizationRecord o = deregistration.reinstate(actor, unit, reason);
            return Messages.text("organizations.reinstate.done", o.name());
        });
    }

    /** Runs a status change of one organization: back to its page with the notice, or the page again with the refusal. */
    private String status(String id, HttpServletResponse response, Model model, RedirectAttributes redirect,
            java.util.function.BiFunction<Actor, UnitId, String> change) {
        Actor actor = CurrentActor.get();
        UnitId parsed = OrganizationApi.parse(id);
        try {
            redirect.addFlashAttribute("notice", change.apply(actor, parsed));
            return "redirect:/organizations/" + parsed;
        } catch (DomainException e) {
            model.addAttribute("problem", FormRefusal.unlessPageRefused(e).statusOn(response).message());
            detail(actor, parsed, model);
            return "organizations/detail";
        }
    }

    private void detail(Actor actor, UnitId unit, Model model) {
        OrganizationQueries.View view = queries.view(actor, unit);
        model.addAttribute("view", view);
        model.addAttribute("incubation", incubation.latest(unit).orElse(null));
        model.addAttribute("mayManage", actor.can(Permission.ORG_MANAGE));
        model.addAttribute("annualReports", queries.annualReports(unit));
        model.addAttribute("checklist", cn.wushe.organizations.internal.Incubation.CHECKLIST);
        model.addAttribute("serviceKinds", cn.wushe.organizations.internal.Incubation.SERVICE_KINDS);
        model.addAttribute("reportYear", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).getYear() - 1);
        boolean own = actor.can(Permission.ORG_OWN) && actor.unitIds().contains(unit.value());
        model.addAttribute("mayCheckIn", own && view.organization().active() && view.organization().kind().registered());
        model.addAttribute("checkins", own ? checkins.visible(actor, 50).stream()
                .filter(c -> c.organizationId().equals(unit)).toList() : List.of());
    }

    private String form(Model model, OrganizationRegister.NewOrganization form, Map<String, String> errors,
            @Nullable String problem) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("parties", PARTIES);
        model.addAttribute("communityTypes", queries.communityTypes());
        return "organizations/form";
    }
}
