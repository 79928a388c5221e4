package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.Consultations;
import cn.wushe.volunteering.internal.OutcomeCatalogue;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team's consultation board (志愿服务协商: propose, comment, support once, adopt or decline) and
 * the outcome catalogue with its yearly totals per community (服务成效).
 */
@Controller
class VolunteeringConsultationPages {

    private final Consultations consultations;
    private final OutcomeCatalogue catalogue;
    private final java.time.Clock clock;

    VolunteeringConsultationPages(Consultations consultations, OutcomeCatalogue catalogue, java.time.Clock clock) {
        this.clock = clock;
        this.consultations = consultations;
        this.catalogue = catalogue;
    }

    @GetMapping("/volunteering/teams/{id}/proposals")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    String board(@PathVariable UUID id, Model model) {
        model.addAttribute("board", consultations.board(CurrentActor.get(), id));
        model.addAttribute("lines", Activities.SERVICE_LINES);
        return "volunteering/proposals";
    }

    @PostMapping("/volunteering/teams/{id}/proposals")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String propose(@PathVariable UUID id, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String serviceLine,
            RedirectAttributes redirect) {
        return onBoard(id, redirect, () -> consultations.propose(CurrentActor.get(), id, title, body, serviceLine),
                "volunteering.proposal.proposed");
    }

    @PostMapping("/volunteering/teams/{team}/proposals/{id}/comments")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    String comment(@PathVariable UUID team, @PathVariable UUID id, @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        return onBoard(team, redirect, () -> consultations.comment(CurrentActor.get(), id, body), "volunteering.proposal.commented");
    }

    @PostMapping("/volunteering/teams/{team}/proposals/{id}/support")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String support(@PathVariable UUID team, @PathVariable UUID id, RedirectAttributes redirect) {
        return onBoard(team, redirect, () -> consultations.support(CurrentActor.get(), id), "volunteering.proposal.supported");
    }

    @PostMapping("/volunteering/teams/{team}/proposals/{id}/decision")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String decide(@PathVariable UUID team, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean adopt,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            Consultations.Draft draft = consultations.decide(CurrentActor.get(), id, adopt, reason);
            if (draft != null) {
                redirect.addFlashAttribute("notice", Messages.text("volunteering.proposal.adopted"));
                return "redirect:/volunteering/manage?proposal=" + id + "#new-activity";
            }
            redirect.addFlashAttribute("notice", Messages.text("volunteering.proposal.declined"));
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/teams/" + team + "/proposals";
    }

    private static String onBoard(UUID team, RedirectAttributes redirect, Runnable work, String doneKey) {
        return Flash.back(redirect, "/volunteering/teams/" + team + "/proposals", () -> {
            work.run();
            return Messages.text(doneKey);
        });
    }

    @GetMapping("/volunteering/outcomes")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    String outcomes(@RequestParam(required = false) @Nullable Integer year, Model model) {
        Actor actor = CurrentActor.get();
        int y = year == null ? LocalDate.now(clock.withZone(VolunteeringPages.CHINA)).getYear() : Math.max(2000, Math.min(2100, year));
        String county = OutcomeCatalogue.countyOf(actor).orElse("");
        model.addAttribute("report", catalogue.year(actor, county, y));
        model.addAttribute("keeps", OutcomeCatalogue.keeps(actor, county));
        model.addAttribute("kinds", county.isEmpty() ? java.util.List.of() : catalogue.kinds(county));
        return "volunteering/outcomes";
    }

    @PostMapping("/volunteering/outcomes/kinds")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String addKind(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String unit,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        return onCatalogue(redirect, () -> catalogue.add(actor, OutcomeCatalogue.countyOf(actor).orElse(""), name, unit),
                "volunteering.outcome-kind.added");
    }

    @PostMapping("/volunteering/outcomes/kinds/{code}/retire")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String retireKind(@PathVariable String code, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        return onCatalogue(redirect, () -> catalogue.retire(actor, OutcomeCatalogue.countyOf(actor).orElse(""), code),
                "volunteering.outcome-kind.retired");
    }

    private static String onCatalogue(RedirectAttributes redirect, Runnable work, String doneKey) {
        return Flash.back(redirect, "/volunteering/outcomes", () -> {
            work.run();
            return Messages.text(doneKey);
        });
    }
}
