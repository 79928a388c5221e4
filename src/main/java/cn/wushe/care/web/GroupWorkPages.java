package cn.wushe.care.web;

import cn.wushe.care.internal.GroupWork;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.region.Regions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The station's groups (小组工作) with meetings and attendance, and its community activities (社区活动). */
@Controller
class GroupWorkPages {

    private final GroupWork work;
    private final java.time.Clock clock;
    private final Regions regionTree;

    GroupWorkPages(GroupWork work, java.time.Clock clock, Regions regionTree) {
        this.work = work;
        this.clock = clock;
        this.regionTree = regionTree;
    }

    /** A place a group or activity may be in: a region of the worker's scope or one level below, by name. */
    record RegionChoice(String code, String label) {
    }

    /** Names instead of codes: the worker's own regions and their children (a town's communities). */
    private List<RegionChoice> regionChoices(Actor actor) {
        List<RegionChoice> choices = new ArrayList<>();
        for (String code : actor.scopesFor(Permission.CASEWORK).stream().map(s -> s.code()).distinct().toList()) {
            regionTree.find(code).ifPresentOrElse(r -> choices.add(new RegionChoice(r.code(), r.name())),
                    () -> choices.add(new RegionChoice(code, code)));
            regionTree.children(code).stream().limit(200)
                    .forEach(child -> choices.add(new RegionChoice(child.code(), "　" + child.name())));
        }
        return choices;
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @GetMapping("/care/groups")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String groups(Model model) {
        return groupsPage(model, Map.of());
    }

    private String groupsPage(Model model, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        var groups = work.groups(actor, 0, 50);
        var activities = work.activities(actor, 0, 20);
        model.addAttribute("groups", groups);
        model.addAttribute("activities", activities);
        // a town's communities hold the same kinds of activity: the row says whose it is
        Map<String, String> regionNames = new java.util.HashMap<>();
        java.util.stream.Stream.concat(groups.items().stream().map(g -> g.regionCode()),
                        activities.items().stream().map(GroupWork.Activity::regionCode)).distinct()
                .forEach(code -> regionNames.put(code, regionTree.find(code).map(r -> r.name()).orElse(code)));
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("yearAttendance", work.attendanceSince(actor, today().withDayOfYear(1)));
        model.addAttribute("regions", regionChoices(actor));
        model.addAttribute("today", today());
        model.addAttribute("errors", errors);
        return "care/groups";
    }

    @PostMapping("/care/groups")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String open(@RequestParam(required = false) @Nullable String regionCode, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String purpose, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            UUID id = work.openGroup(CurrentActor.get(), regionCode, name, purpose, List.of());
            redirect.addFlashAttribute("notice", Messages.text("care.group.opened"));
            return "redirect:/care/groups/" + id;
        } catch (DomainException e) {
            return groupsPage(model, FormRefusal.unlessNotFound(e).statusOn(response).errors());
        }
    }

    @PostMapping("/care/activities")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String activity(@RequestParam(required = false) @Nullable String regionCode, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String heldOn, @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @Nullable String attendance, @RequestParam(required = false) @Nullable String summary,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            work.recordActivity(CurrentActor.get(), regionCode, title, CareTeamPages.date(heldOn), place, number(attendance),
                    summary);
        } catch (DomainException e) {
            return groupsPage(model, FormRefusal.unlessNotFound(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.activity.recorded"));
        return "redirect:/care/groups";
    }

    @GetMapping("/care/groups/{id}")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String group(@PathVariable UUID id, Model model) {
        return groupPage(model, id, Map.of());
    }

    private String groupPage(Model model, UUID id, Map<String, String> errors) {
        model.addAttribute("g", work.read(CurrentActor.get(), id));
        model.addAttribute("today", today());
        model.addAttribute("errors", errors);
        return "care/group";
    }

    @PostMapping("/care/groups/{id}/members")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String member(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            work.addMember(CurrentActor.get(), id, name, null);
        } catch (DomainException e) {
            return groupPage(model, id, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.group.member-added"));
        return "redirect:/care/groups/" + id;
    }

    @PostMapping("/care/groups/{id}/meetings")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String meeting(@PathVariable UUID id, @RequestParam(required = false) @Nullable String heldOn,
            @RequestParam(required = false) @Nullable String topic, @RequestParam(required = false) @Nullable List<String> attended,
            @RequestParam(required = false) @Nullable String notes, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            List<UUID> present = new ArrayList<>();
            for (String raw : attended == null ? List.<String>of() : attended) {
                UUID member = CareTeamPages.uuid(raw);
                if (member != null) {
                    present.add(member);
                }
            }
            work.meeting(CurrentActor.get(), id, CareTeamPages.date(heldOn), topic, present, notes);
        } catch (DomainException e) {
            return groupPage(model, id, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.group.met"));
        return "redirect:/care/groups/" + id;
    }

    @PostMapping("/care/groups/{id}/close")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String summary, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            work.closeGroup(CurrentActor.get(), id, summary, null);
        } catch (DomainException e) {
            return groupPage(model, id, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.group.closed-done"));
        return "redirect:/care/groups/" + id;
    }

    private static @Nullable Integer number(@Nullable String raw) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("attendance", Messages.text("care.activity.attendance-invalid"));
        }
    }
}
