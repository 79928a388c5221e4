package cn.wushe.care.web;

import cn.wushe.care.internal.CaseFile;
import cn.wushe.care.internal.CarePeople;
import cn.wushe.care.internal.Casework;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Text;
import cn.wushe.platform.web.FormRefusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** Casework pages (个案): the station's cases, one case with its notes for its people, open, note, close. */
@Controller
class CaseworkPages {

    private final Casework casework;
    private final CarePeople people;
    private final java.time.Clock clock;

    CaseworkPages(Casework casework, CarePeople people, java.time.Clock clock) {
        this.clock = clock;
        this.casework = casework;
        this.people = people;
    }

    @GetMapping("/care/cases")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String cases(@RequestParam(defaultValue = "true") boolean open, Model model) {
        model.addAttribute("open", open);
        model.addAttribute("result", casework.list(CurrentActor.get(), open, 0, 50));
        model.addAttribute("now", java.time.Instant.now(clock));
        return "care/cases";
    }

    @PostMapping("/care/people/{personId}/cases")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String open(@PathVariable UUID personId, @RequestParam(required = false) @Nullable String intake,
            @RequestParam(required = false) @Nullable String supervisor, @RequestParam(required = false) @Nullable String team,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        people.forActor(actor, personId);
        UUID id = casework.open(actor, personId, intake, uuid(supervisor, "supervisor"), uuids(team));
        redirect.addFlashAttribute("notice", Messages.text("care.case.opened"));
        return "redirect:/care/cases/" + id;
    }

    @PostMapping("/care/people/{personId}/crises")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String openCrisis(@PathVariable UUID personId, @RequestParam(required = false) @Nullable String situation,
            @RequestParam(required = false) @Nullable String supervisor, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        people.forActor(actor, personId);
        UUID id = casework.openCrisis(actor, personId, situation, uuid(supervisor, "supervisor"), List.of());
        redirect.addFlashAttribute("notice", Messages.text("care.crisis.opened"));
        return "redirect:/care/cases/" + id;
    }

    @PostMapping("/care/cases/{id}/contacts")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String contact(@PathVariable UUID id, @RequestParam(required = false) @Nullable String body, Model model, jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        return crisisAction(id, model, response, redirect, "care.crisis.contacted", () -> casework.contact(CurrentActor.get(), id, body));
    }

    @PostMapping("/care/cases/{id}/safety-plan")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String safetyPlan(@PathVariable UUID id, @RequestParam(required = false) @Nullable String safetyPlan, Model model, jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        return crisisAction(id, model, response, redirect, "care.crisis.planned",
                () -> casework.safetyPlan(CurrentActor.get(), id, safetyPlan));
    }

    @PostMapping("/care/cases/{id}/deescalate")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String deescalate(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Model model, jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        return crisisAction(id, model, response, redirect, "care.crisis.deescalated-done",
                () -> casework.deescalate(CurrentActor.get(), id, reason));
    }

    private String crisisAction(UUID id, Model model, jakarta.servlet.http.HttpServletResponse response, RedirectAttributes redirect,
            String doneKey, Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return page(model, casework.read(CurrentActor.get(), id), refusal.fieldErrors(), refusal.general());
        }
        redirect.addFlashAttribute("notice", Messages.text(doneKey));
        return "redirect:/care/cases/" + id;
    }

    @GetMapping("/care/cases/{id}")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String file(@PathVariable UUID id, Model model) {
        return page(model, casework.read(CurrentActor.get(), id), Map.of(), null);
    }

    private String page(Model model, CaseFile file, Map<String, String> errors, @Nullable String problem) {
        model.addAttribute("c", file);
        model.addAttribute("kinds", CaseFile.NoteKind.written());
        model.addAttribute("now", java.time.Instant.now(clock));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "care/case";
    }

    @PostMapping("/care/cases/{id}/notes")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String note(@PathVariable UUID id, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String goals,
            @RequestParam(required = false) @Nullable String reviewOn, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            casework.note(actor, id, kind(kind), body, goals, date(reviewOn));
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return page(model, casework.read(actor, id), refusal.fieldErrors(), refusal.general());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.case.noted"));
        return "redirect:/care/cases/" + id;
    }

    @PostMapping("/care/cases/{id}/close")
    @PreAuthorize("hasAuthority('CASEWORK')")
    String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String summary, Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            casework.close(actor, id, summary);
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return page(model, casework.read(actor, id), refusal.fieldErrors(), refusal.general());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.case.closed-done"));
        return "redirect:/care/cases/" + id;
    }

    private static CaseFile.@Nullable NoteKind kind(@Nullable String code) {
        for (CaseFile.NoteKind k : CaseFile.NoteKind.values()) {
            if (k.name().equals(code)) {
                return k;
            }
        }
        return null;
    }

    private static @Nullable LocalDate date(@Nullable String raw) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("reviewOn", Messages.text("care.case.date-invalid"));
        }
    }

    private static @Nullable UUID uuid(@Nullable String raw, String field) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, Messages.text("care.pairing.user-id-invalid"));
        }
    }

    private static List<UUID> uuids(@Nullable String raw) {
        List<UUID> ids = new ArrayList<>();
        String text = Text.trimToNull(raw);
        if (text != null) {
            for (String part : text.split("[\\s,，]+")) {
                UUID id = uuid(part, "team");
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
