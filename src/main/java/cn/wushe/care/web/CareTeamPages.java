package cn.wushe.care.web;

import cn.wushe.care.internal.CareTeam;
import cn.wushe.care.internal.CareTeams;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import cn.wushe.platform.web.FormRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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

/** Care team pages (关爱帮扶小组): the teams in view, one team with members and follow-ups, team types. */
@Controller
class CareTeamPages {

    private final CareTeams teams;

    CareTeamPages(CareTeams teams) {
        this.teams = teams;
    }

    @GetMapping("/care/teams")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT', 'CARE_SETTINGS')")
    String list(Model model) {
        return listPage(model, Map.of());
    }

    private String listPage(Model model, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("result", teams.list(actor, null, 0, 50));
        model.addAttribute("types", teams.types(actor));
        model.addAttribute("today", teams.today());
        model.addAttribute("settingsCounties", actor.scopesFor(Permission.CARE_SETTINGS).stream().map(s -> s.countyCode())
                .distinct().toList());
        model.addAttribute("errors", errors);
        return "care/teams";
    }

    @PostMapping("/care/team-types")
    @PreAuthorize("hasAuthority('CARE_SETTINGS')")
    String defineType(@RequestParam(required = false) @Nullable String countyCode, @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "0") int cycleDays, @RequestParam(required = false) @Nullable String questions,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            teams.defineType(CurrentActor.get(), countyCode == null ? "" : countyCode, name, cycleDays, lines(questions));
        } catch (DomainException e) {
            return listPage(model, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.team.type-defined"));
        return "redirect:/care/teams";
    }

    @PostMapping("/care/people/{personId}/teams")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    String form(@PathVariable UUID personId, @RequestParam(required = false) @Nullable String typeId,
            @RequestParam(required = false) @Nullable String name, RedirectAttributes redirect) {
        try {
            UUID id = teams.form(CurrentActor.get(), personId, uuid(typeId), name);
            redirect.addFlashAttribute("notice", Messages.text("care.team.formed"));
            return "redirect:/care/teams/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", FormRefusal.unlessPageRefused(e).message());
            return "redirect:/care/people/" + personId;
        }
    }

    @GetMapping("/care/teams/{id}")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    String team(@PathVariable UUID id, Model model) {
        return teamPage(model, id, Map.of());
    }

    private String teamPage(Model model, UUID id, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        CareTeam team = teams.read(actor, id);
        model.addAttribute("t", team);
        model.addAttribute("today", teams.today());
        model.addAttribute("mayManage", actor.can(Permission.CARE_MANAGE, team.regionCode()));
        model.addAttribute("mayFollowUp", actor.can(Permission.CARE_VISIT, team.regionCode())
                || actor.can(Permission.CARE_MANAGE, team.regionCode()));
        model.addAttribute("errors", errors);
        return "care/team";
    }

    @PostMapping("/care/teams/{id}/members")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    String addMember(@PathVariable UUID id, @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String role, @RequestParam(required = false) @Nullable String phone,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            teams.addMember(CurrentActor.get(), id, uuid(userId), name, unit, role, phone);
        } catch (DomainException e) {
            return teamPage(model, id, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.team.member-added"));
        return "redirect:/care/teams/" + id;
    }

    @PostMapping("/care/teams/{id}/members/{memberId}/removal")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    String removeMember(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam(required = false) @Nullable String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            teams.removeMember(CurrentActor.get(), id, memberId, reason, null);
        } catch (DomainException e) {
            return teamPage(model, id, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.team.member-removed"));
        return "redirect:/care/teams/" + id;
    }

    @PostMapping("/care/teams/{id}/follow-ups")
    @PreAuthorize("hasAnyAuthority('CARE_VISIT', 'CARE_MANAGE')")
    String followUp(@PathVariable UUID id, @RequestParam(required = false) @Nullable String heldOn,
            @RequestParam(required = false) @Nullable List<String> participants,
            @RequestParam(required = false) @Nullable List<String> answers, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            List<UUID> who = new ArrayList<>();
            for (String p : participants == null ? List.<String>of() : participants) {
                UUID member = uuid(p);
                if (member != null) {
                    who.add(member);
                }
            }
            teams.followUp(CurrentActor.get(), id, date(heldOn), who, answers == null ? List.of() : answers);
        } catch (DomainException e) {
            return teamPage(model, id, FormRefusal.unlessPageRefused(e).statusOn(response).errors());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.team.followed-up"));
        return "redirect:/care/teams/" + id;
    }

    static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static @Nullable LocalDate date(@Nullable String raw) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("heldOn", Messages.text("care.case.date-invalid"));
        }
    }

    static @Nullable UUID uuid(@Nullable String raw) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("userId", Messages.text("care.pairing.user-id-invalid"));
        }
    }
}
