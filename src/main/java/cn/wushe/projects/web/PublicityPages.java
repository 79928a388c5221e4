package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.projects.internal.Objections;
import cn.wushe.projects.internal.ProjectQueries;
import java.util.List;
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
 * What the public side of a project shows to those signed in: a community's view of the projects of
 * the organizations it confirmed (报到), and the publicity page (项目公示): the recommendations under publicity with a form to object to each;
 * the county (ROUND_MANAGE) sees the objections below with a form to answer them, stations
 * (PROJECT_VIEW) read them.
 */
@Controller
class PublicityPages {

    private final Objections objections;
    private final ProjectQueries queries;
    private final String homeCounty;

    PublicityPages(Objections objections, ProjectQueries queries, @Value("${wushe.home-county:610527}") String homeCounty) {
        this.objections = objections;
        this.queries = queries;
        this.homeCounty = homeCounty;
    }

    /** A community's view of the projects of the organizations that reported to it (报到) and were confirmed. */
    @GetMapping("/community/projects")
    @PreAuthorize("hasAuthority('ORG_CHECKIN_CONFIRM')")
    String checkedIn(Model model) {
        model.addAttribute("projects", queries.ofCheckedIn(CurrentActor.get()));
        return "projects/checked-in";
    }

    @GetMapping("/publicity")
    @PreAuthorize("isAuthenticated()")
    String publicity(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("projects", objections.underPublicity(homeCounty));
        boolean reads = actor.can(Permission.ROUND_MANAGE) || actor.can(Permission.PROJECT_VIEW);
        model.addAttribute("objections", reads ? objections.visible(actor, null, 100) : List.of());
        model.addAttribute("mayAnswer", actor.can(Permission.ROUND_MANAGE));
        return "projects/publicity";
    }

    @PostMapping("/publicity/{id}/objections")
    @PreAuthorize("isAuthenticated()")
    String file(@PathVariable String id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/publicity", () -> objections.file(CurrentActor.get(), ProjectWeb.uuid(id), reason));
    }

    @PostMapping("/publicity/objections/{id}/answer")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String answer(@PathVariable String id, @RequestParam(required = false) @Nullable Boolean upheld,
            @RequestParam(required = false) @Nullable String answer, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/publicity",
                () -> objections.answer(CurrentActor.get(), ProjectWeb.uuid(id), upheld, answer));
    }
}
