package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.Units;
import cn.wushe.volunteering.internal.ActivityReach;
import cn.wushe.volunteering.internal.PartyReports;
import cn.wushe.volunteering.internal.Teams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * 志愿服务队 pages (the teams one may see, a team with its members and dates, joining and leaving,
 * naming the leader) and 双报到 pages (the member's own report, the community's list with the year's
 * activities and hours and its confirmation, the sending unit's yearly summary). None is public.
 */
@Controller
class VolunteeringTeamPages {

    private final Teams teams;
    private final PartyReports party;
    private final Units units;

    VolunteeringTeamPages(Teams teams, PartyReports party, Units units) {
        this.teams = teams;
        this.party = party;
        this.units = units;
    }

    @GetMapping("/volunteering/teams")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    String teams(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("teams", teams.rows(actor));
        model.addAttribute("units", actor.can(Permission.ACTIVITY_MANAGE) ? organizingUnits(actor) : List.of());
        return "volunteering/teams";
    }

    /** The units the actor may found a team for: their own; for a region role every unit of the region. */
    private List<Unit> organizingUnits(Actor actor) {
        Map<UUID, Unit> found = new LinkedHashMap<>();
        for (UUID id : actor.unitIds()) {
            units.find(new UnitId(id)).filter(Unit::active).ifPresent(u -> found.put(id, u));
        }
        if (ActivityReach.regionWide(actor)) {
            for (RegionScope scope : actor.scopesFor(Permission.ACTIVITY_MANAGE)) {
                units.within(scope.code()).stream().filter(Unit::active).limit(300).forEach(u -> found.putIfAbsent(u.id().value(), u));
            }
        }
        return new ArrayList<>(found.values());
    }

    @PostMapping("/volunteering/teams")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String create(@RequestParam(required = false) @Nullable UUID unitId, @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        try {
            UUID id = teams.create(CurrentActor.get(), unitId, name, null);
            redirect.addFlashAttribute("notice", Messages.text("volunteering.team.created"));
            return "redirect:/volunteering/teams/" + id;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/volunteering/teams";
        }
    }

    @GetMapping("/volunteering/teams/{id}")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    String team(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("t", teams.detail(actor, id));
        model.addAttribute("volunteer", actor.can(Permission.VOLUNTEER_SELF));
        return "volunteering/team";
    }

    @PostMapping("/volunteering/teams/{id}/membership")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String membership(@PathVariable UUID id, @RequestParam(defaultValue = "join") String action, RedirectAttributes redirect) {
        if (action.equals("leave")) {
            teams.leave(CurrentActor.get(), id);
            redirect.addFlashAttribute("notice", Messages.text("volunteering.team.left"));
        } else {
            teams.join(CurrentActor.get(), id);
            redirect.addFlashAttribute("notice", Messages.text("volunteering.team.joined"));
        }
        return "redirect:/volunteering/teams/" + id;
    }

    @PostMapping("/volunteering/teams/{id}/leader")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String leader(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID volunteerId, RedirectAttributes redirect) {
        return refusedOnPage(id, redirect, () -> teams.appointLeader(CurrentActor.get(), id, volunteerId),
                "volunteering.team.leader-named");
    }

    @PostMapping("/volunteering/teams/{id}/members/{volunteerId}/end")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String endMembership(@PathVariable UUID id, @PathVariable UUID volunteerId, RedirectAttributes redirect) {
        return refusedOnPage(id, redirect, () -> teams.endMembership(CurrentActor.get(), id, volunteerId),
                "volunteering.team.member-ended");
    }

    private static String refusedOnPage(UUID team, RedirectAttributes redirect, Runnable work, String doneKey) {
        return Flash.back(redirect, "/volunteering/teams/" + team, () -> {
            work.run();
            return Messages.text(doneKey);
        });
    }

    @GetMapping("/volunteering/me/party")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String ownReport(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("declaration", party.own(actor));
        model.addAttribute("units", party.sendingUnits(actor));
        return "volunteering/party-me";
    }

    @PostMapping("/volunteering/me/party")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String report(@RequestParam(defaultValue = "false") boolean partyMember,
            @RequestParam(required = false) @Nullable UUID sendingUnitId,
            @RequestParam(required = false) @Nullable String sendingEmployer, RedirectAttributes redirect) {
        try {
            party.declare(CurrentActor.get(), partyMember, sendingUnitId, sendingEmployer);
            redirect.addFlashAttribute("notice", Messages.text(partyMember ? "volunteering.party.reported" : "volunteering.party.withdrawn"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/me/party";
    }

    @GetMapping("/volunteering/party")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    String community(@RequestParam(required = false) @Nullable Integer year, Model model) {
        Actor actor = CurrentActor.get();
        int y = year == null ? party.thisYear() : Math.max(2000, Math.min(2100, year));
        model.addAttribute("year", y);
        model.addAttribute("rows", party.ofCommunity(actor, y));
        model.addAttribute("confirms", actor.can(Permission.ACTIVITY_MANAGE));
        model.addAttribute("unitView", false);
        return "volunteering/party";
    }

    @PostMapping("/volunteering/party/{volunteerId}/confirmation")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String confirm(@PathVariable UUID volunteerId, @RequestParam(defaultValue = "true") boolean confirmed,
            RedirectAttributes redirect) {
        party.confirm(CurrentActor.get(), volunteerId, confirmed);
        redirect.addFlashAttribute("notice", Messages.text(confirmed ? "volunteering.party.confirmed" : "volunteering.party.unconfirmed"));
        return "redirect:/volunteering/party";
    }

    @GetMapping("/volunteering/party/unit")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE')")
    String unitSummary(@RequestParam(required = false) @Nullable Integer year, Model model) {
        Actor actor = CurrentActor.get();
        int y = year == null ? party.thisYear() : Math.max(2000, Math.min(2100, year));
        model.addAttribute("year", y);
        model.addAttribute("rows", party.ofOwnUnits(actor, y));
        model.addAttribute("confirms", false);
        model.addAttribute("unitView", true);
        return "volunteering/party";
    }
}
