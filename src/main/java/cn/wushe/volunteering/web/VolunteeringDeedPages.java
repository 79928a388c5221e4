package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Messages;
import cn.wushe.volunteering.internal.Deeds;
import cn.wushe.volunteering.internal.OutcomeCatalogue;
import cn.wushe.volunteering.internal.Points;
import java.util.UUID;
import java.util.function.Supplier;
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
 * 好事清单 and 每小时积分: the county's points rules kept on one page by {@code ACTIVITY_MANAGE} over the
 * whole county; a town or community organizer sees that the county sets them.
 */
@Controller
class VolunteeringDeedPages {

    private static final String PAGE = "/volunteering/store/deeds";

    private final Deeds deeds;
    private final Points points;

    VolunteeringDeedPages(Deeds deeds, Points points) {
        this.deeds = deeds;
        this.points = points;
    }

    @GetMapping(PAGE)
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String list(Model model) {
        Actor actor = CurrentActor.get();
        String county = OutcomeCatalogue.countyOf(actor).orElse("");
        boolean keeps = !county.isEmpty() && OutcomeCatalogue.keeps(actor, county);
        model.addAttribute("keeps", keeps);
        if (keeps) {
            model.addAttribute("list", deeds.kept(actor, county));
            model.addAttribute("rate", points.hourRate(county));
        }
        return "volunteering/deeds";
    }

    @PostMapping(PAGE)
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String add(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable Integer points,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        return back(redirect, () -> {
            deeds.add(actor, OutcomeCatalogue.countyOf(actor).orElse(""), name, points);
            return Messages.text("volunteering.deed.added", name);
        });
    }

    @PostMapping(PAGE + "/{id}/points")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String changePoints(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer points, RedirectAttributes redirect) {
        return back(redirect, () -> {
            deeds.changePoints(CurrentActor.get(), id, points);
            return Messages.text("volunteering.deed.points-changed", points);
        });
    }

    @PostMapping(PAGE + "/{id}/retire")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String retire(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return back(redirect, () -> {
            deeds.retire(CurrentActor.get(), id, reason);
            return Messages.text("volunteering.deed.retired");
        });
    }

    @PostMapping(PAGE + "/{id}/reinstate")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String reinstate(@PathVariable UUID id, RedirectAttributes redirect) {
        return back(redirect, () -> {
            deeds.reinstate(CurrentActor.get(), id);
            return Messages.text("volunteering.deed.reinstated");
        });
    }

    @PostMapping("/volunteering/store/hour-rate")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String setRate(@RequestParam(required = false) @Nullable Integer pointsPerHour, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        return back(redirect, () -> Messages.text("volunteering.points.rate-set",
                points.setHourRate(actor, OutcomeCatalogue.countyOf(actor).orElse(""), pointsPerHour).pointsPerHour()));
    }

    private static String back(RedirectAttributes redirect, Supplier<String> work) {
        return Flash.back(redirect, PAGE, work);
    }
}
