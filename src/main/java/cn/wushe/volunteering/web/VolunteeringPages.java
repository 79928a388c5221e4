package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.CheckIns;
import cn.wushe.volunteering.internal.Enrolments;
import cn.wushe.volunteering.internal.Certificates;
import cn.wushe.volunteering.internal.Consultations;
import cn.wushe.volunteering.internal.HoursLedger;
import cn.wushe.volunteering.internal.HoursReports;
import cn.wushe.volunteering.internal.Occurrences;
import cn.wushe.volunteering.internal.OutcomeCatalogue;
import cn.wushe.volunteering.internal.Points;
import cn.wushe.volunteering.internal.Volunteers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteering pages: the volunteer's own page (phone first: hours, stars, points card, open
 * activities, certificate), an activity (enrol; for its organizer the check-in code, the list and
 * the one-step confirmation), the check-in page the QR code opens, the organizer's list and form,
 * and the workers' masked list of volunteers. The points store's counter is {@link VolunteeringStorePages}.
 */
@Controller
class VolunteeringPages {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Volunteers volunteers;
    private final Activities activities;
    private final CheckIns checkIns;
    private final HoursLedger ledger;
    private final Points points;
    private final Certificates certificates;
    private final OutcomeCatalogue catalogue;
    private final Consultations consultations;
    private final Enrolments enrolments;
    private final Occurrences occurrences;
    private final HoursReports hoursReports;

    VolunteeringPages(Volunteers volunteers, Activities activities, CheckIns checkIns, HoursLedger ledger, Points points,
            Certificates certificates, OutcomeCatalogue catalogue, Consultations consultations, Enrolments enrolments,
            Occurrences occurrences, HoursReports hoursReports) {
        this.hoursReports = hoursReports;
        this.occurrences = occurrences;
        this.enrolments = enrolments;
        this.consultations = consultations;
        this.catalogue = catalogue;
        this.volunteers = volunteers;
        this.activities = activities;
        this.checkIns = checkIns;
        this.ledger = ledger;
        this.points = points;
        this.certificates = certificates;
    }

    @GetMapping("/volunteering")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String home(Model model, HttpServletResponse response) {
        Actor actor = CurrentActor.get();
        Optional<Volunteers.VolunteerView> me = volunteers.own(actor);
        model.addAttribute("me", me.orElse(null));
        if (me.isPresent()) {
            Volunteers.VolunteerView v = me.get();
            model.addAttribute("points", points.balance(v.communityCode().substring(0, 6), v.communityCode(), v.id()));
            model.addAttribute("rate", points.hourRate(v.communityCode().substring(0, 6)));
            model.addAttribute("ledger", ledger.own(actor));
            model.addAttribute("open", activities.openTo(actor, 0, 20).items());
        }
        return "volunteering/home";
    }

    @GetMapping("/volunteering/card.png")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    ResponseEntity<byte[]> card() {
        Volunteers.VolunteerView me = volunteers.own(CurrentActor.get())
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.volunteer.no-profile")));
        return Downloads.qr(points.cardCode(me.id()));
    }

    @PostMapping("/volunteering/certificate")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    Object certificate(Model model, HttpServletResponse response) {
        try {
            return Downloads.certificate(certificates.issueOwn(CurrentActor.get()));
        } catch (DomainException e) {
            model.addAttribute("problem", FormRefusal.unlessNotFound(e).statusOn(response).message());
            return home(model, response);
        }
    }

    @GetMapping("/volunteering/activities/{id}")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_MANAGE', 'VOLUNTEER_VIEW', 'VOLUNTEER_SELF')")
    String activity(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        Activities.ActivityView a = activities.detail(actor, id);
        model.addAttribute("a", a);
        model.addAttribute("enrolment", actor.can(Permission.VOLUNTEER_SELF) ? enrolments.enrolmentOf(actor, id).orElse(null) : null);
        boolean organizer = activities.organizes(actor, id);
        model.addAttribute("organizer", organizer);
        if (organizer) {
            model.addAttribute("checkInLink", checkIns.codeFor(actor, id));
            model.addAttribute("attendances", checkIns.attendances(actor, id));
            model.addAttribute("outcomes", catalogue.active(a.countyCode()));
            model.addAttribute("changeable", occurrences.changeable(a));
            model.addAttribute("hoursReports", hoursReports.ofActivity(actor, id));
        }
        return "volunteering/activity";
    }

    @GetMapping("/volunteering/activities/{id}/qr.png")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    ResponseEntity<byte[]> activityCode(@PathVariable UUID id) {
        String origin = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return Downloads.qr(origin + checkIns.codeFor(CurrentActor.get(), id));
    }

    @PostMapping("/volunteering/activities/{id}/enrolment")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String enrol(@PathVariable UUID id, @RequestParam(defaultValue = "enrol") String action, RedirectAttributes redirect) {
        try {
            if (action.equals("cancel")) {
                enrolments.cancel(CurrentActor.get(), id);
                redirect.addFlashAttribute("notice", Messages.text("volunteering.activity.cancelled"));
            } else {
                Enrolments.Enrolment result = enrolments.enrol(CurrentActor.get(), id);
                redirect.addFlashAttribute("notice", cn.wushe.volunteering.internal.Labels.of("enrolment", result.name()));
            }
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/activities/" + id;
    }

    @PostMapping("/volunteering/activities/{id}/attendances")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String checkInFor(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID volunteerId,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            if (volunteerId == null) {
                throw DomainException.invalid("volunteerId", Messages.text("volunteering.volunteer.not-found"));
            }
            checkIns.checkInFor(CurrentActor.get(), id, volunteerId, reason);
            redirect.addFlashAttribute("notice", Messages.text("volunteering.check-in.for-done"));
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/activities/" + id;
    }

    @PostMapping("/volunteering/activities/{id}/confirmation")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String confirm(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Map<UUID, Instant> typed = new HashMap<>();
            Map<String, java.math.BigDecimal> outcomes = new HashMap<>();
            form.forEach((name, value) -> {
                if (value == null || value.isBlank()) {
                    return;
                }
                if (name.startsWith("end-")) {
                    typed.put(UUID.fromString(name.substring(4)), localTime(name, value));
                } else if (name.startsWith("outcome-")) {
                    outcomes.put(name.substring(8), number(name, value));
                }
            });
            String served = form.get("peopleServed");
            var event = ledger.confirm(CurrentActor.get(), id, new HoursLedger.Confirmation(typed, outcomes,
                    served == null || served.isBlank() ? null : number("peopleServed", served).intValue()));
            redirect.addFlashAttribute("notice", Messages.text("volunteering.hours.confirmed", event.entries().size()));
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/activities/" + id;
    }

    @PostMapping("/volunteering/activities/{id}/occurrence/move")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String moveOccurrence(@PathVariable UUID id, @RequestParam(required = false) @Nullable String startsAt,
            RedirectAttributes redirect) {
        return onActivity(id, redirect, () -> Messages.text("volunteering.occurrence.moved", occurrences.move(CurrentActor.get(), id,
                startsAt == null || startsAt.isBlank() ? null : localTime("startsAt", startsAt))));
    }

    @PostMapping("/volunteering/activities/{id}/occurrence/cancel")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String cancelOccurrence(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return onActivity(id, redirect, () -> Messages.text("volunteering.occurrence.cancelled",
                occurrences.cancel(CurrentActor.get(), id, reason)));
    }

    private static String onActivity(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> work) {
        return Flash.back(redirect, "/volunteering/activities/" + id, work);
    }

    private static Instant localTime(String field, String value) {
        try {
            return LocalDateTime.parse(value).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, Messages.text("volunteering.hours.time-invalid"));
        }
    }

    private static java.math.BigDecimal number(String field, String value) {
        try {
            return new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, Messages.text("volunteering.hours.outcome-invalid"));
        }
    }

    @GetMapping("/volunteering/check-in/{id}")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String checkInPage(@PathVariable UUID id, @RequestParam(name = "s", required = false) @Nullable String signature,
            Model model) {
        model.addAttribute("activityId", id);
        model.addAttribute("signature", signature);
        model.addAttribute("a", activities.find(CurrentActor.get(), id)
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.activity.not-found"))));
        return "volunteering/check-in";
    }

    @PostMapping("/volunteering/check-in/{id}")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String checkIn(@PathVariable UUID id, @RequestParam(name = "s", required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable Double lat, @RequestParam(required = false) @Nullable Double lng,
            @RequestParam(required = false) @Nullable Double accuracy, Model model, HttpServletResponse response) {
        model.addAttribute("activityId", id);
        model.addAttribute("signature", signature);
        model.addAttribute("a", activities.find(CurrentActor.get(), id).orElse(null));
        try {
            model.addAttribute("result", checkIns.scan(CurrentActor.get(), id, signature, new CheckIns.Position(lat, lng, accuracy)));
        } catch (DomainException e) {
            model.addAttribute("problem", FormRefusal.unlessNotFound(e).statusOn(response).message());
        }
        return "volunteering/check-in";
    }

    @GetMapping("/volunteering/manage")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String manage(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID proposal,
            Model model) {
        model.addAttribute("result", activities.managed(CurrentActor.get(), Math.max(0, page), 20));
        model.addAttribute("lines", Activities.SERVICE_LINES);
        model.addAttribute("errors", Map.of());
        if (proposal != null) {
            // an adopted proposal of the consultation board is the draft: its words prefill the form
            Consultations.Draft draft = consultations.draft(CurrentActor.get(), proposal);
            model.addAttribute("form", Map.of("title", draft.title(), "serviceLine", draft.serviceLine(),
                    "regionCode", draft.regionCode()));
            model.addAttribute("draft", draft);
        } else {
            model.addAttribute("form", Map.of());
        }
        return "volunteering/manage";
    }

    @PostMapping("/volunteering/activities")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            UUID id = activities.create(CurrentActor.get(), new Activities.NewActivity(form.get("title"),
                    form.get("serviceLine"), form.get("regionCode"), null, null, false,
                    optionalTime("startsAt", form.get("startsAt")), optionalTime("endsAt", form.get("endsAt")), null,
                    form.get("venueName"), optionalNumber(form.get("venueLat")), optionalNumber(form.get("venueLng")),
                    optionalInt(form.get("radiusM")), optionalInt(form.get("slots")), List.of()));
            redirect.addFlashAttribute("notice", Messages.text("volunteering.activity.created"));
            return "redirect:/volunteering/activities/" + id;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            model.addAttribute("result", activities.managed(CurrentActor.get(), 0, 20));
            model.addAttribute("lines", Activities.SERVICE_LINES);
            model.addAttribute("errors", refusal.fieldErrors());
            model.addAttribute("problem", refusal.general());
            model.addAttribute("form", form);
            return "volunteering/manage";
        }
    }

    private static @Nullable Instant optionalTime(String field, @Nullable String value) {
        return value == null || value.isBlank() ? null : localTime(field, value);
    }

    private static @Nullable Double optionalNumber(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer optionalInt(@Nullable String value) {
        Double d = optionalNumber(value);
        return d == null ? null : d.intValue();
    }

    @GetMapping("/volunteering/volunteers")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", volunteers.page(CurrentActor.get(), null, q, Math.max(0, page), 20));
        model.addAttribute("q", q);
        return "volunteering/volunteers";
    }
}
