package cn.wushe.organizations.web;

import cn.wushe.organizations.internal.CommunityCheckins;
import cn.wushe.organizations.internal.CommunityPopulation;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of 报到 (the organization's form on its own page, the community's list to confirm) and
 * of the residents per community the county keeps for the per-10,000 counts.
 */
@Controller
class OrganizationCommunityPages {

    private final CommunityCheckins checkins;
    private final CommunityPopulation population;
    private final String homeCounty;
    private final Clock clock;

    OrganizationCommunityPages(CommunityCheckins checkins, CommunityPopulation population,
            @Value("${wushe.home-county:610527}") String homeCounty, Clock clock) {
        this.checkins = checkins;
        this.population = population;
        this.homeCounty = homeCounty;
        this.clock = clock;
    }

    @GetMapping("/organizations/checkins")
    @PreAuthorize(OrganizationCommunityApi.CHECKIN_READERS)
    String checkins(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("checkins", checkins.visible(actor, 200));
        model.addAttribute("mayDecide", actor.can(Permission.ORG_CHECKIN_CONFIRM));
        return "organizations/checkins";
    }

    @PostMapping("/organizations/{id}/checkins")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    String report(@PathVariable String id, @RequestParam(required = false) @Nullable String communityCode,
            @RequestParam(required = false) @Nullable String services, RedirectAttributes redirect) {
        String page = "/organizations/" + OrganizationApi.parse(id);
        return act(redirect, page, () -> checkins.report(CurrentActor.get(), OrganizationApi.parse(id), communityCode, services));
    }

    @PostMapping("/organizations/{id}/checkins/{community}/decision")
    @PreAuthorize("hasAuthority('ORG_CHECKIN_CONFIRM')")
    String decide(@PathVariable String id, @PathVariable String community, @RequestParam(required = false) @Nullable Boolean confirm,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return act(redirect, "/organizations/checkins",
                () -> checkins.decide(CurrentActor.get(), OrganizationApi.parse(id), community, confirm, reason));
    }

    @GetMapping("/organizations/population")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String population(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("towns", population.figures(actor, homeCounty));
        model.addAttribute("density", population.density(actor));
        model.addAttribute("year", LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear() - 1);
        return "organizations/population";
    }

    @PostMapping("/organizations/population/{community}")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String setFigure(@PathVariable String community, @RequestParam(required = false) @Nullable Integer residents,
            @RequestParam(required = false) @Nullable Integer year, RedirectAttributes redirect) {
        return act(redirect, "/organizations/population", () -> population.set(CurrentActor.get(), community, residents, year));
    }

    /** Runs the form's action and comes back to {@code page} with 已完成 or the refusal in Chinese (404 stays 404). */
    private static String act(RedirectAttributes redirect, String page, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", Messages.text("organizations.page.done"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", FormRefusal.unlessPageRefused(e).message());
        }
        return "redirect:" + page;
    }
}
