package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.volunteering.internal.HoursReports;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 补报时长 pages: the volunteer's form and list; the organizer decides on the activity's page. */
@Controller
class VolunteeringHoursReportPages {

    private final HoursReports reports;

    VolunteeringHoursReportPages(HoursReports reports) {
        this.reports = reports;
    }

    @GetMapping("/volunteering/me/hours-reports")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String own(Model model) {
        return page(model, Map.of(), Map.of());
    }

    private String page(Model model, Map<String, String> form, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("reportable", reports.reportable(actor));
        model.addAttribute("reports", reports.own(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "volunteering/hours-reports";
    }

    @PostMapping("/volunteering/me/hours-reports")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    String report(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            reports.report(CurrentActor.get(), new HoursReports.NewReport(
                    parse(form.get("activityId"), UUID::fromString), parse(form.get("date"), LocalDate::parse),
                    parse(form.get("startsAt"), LocalTime::parse), parse(form.get("hours"), BigDecimal::new),
                    form.get("description")));
            redirect.addFlashAttribute("notice", Messages.text("volunteering.report.reported"));
            return "redirect:/volunteering/me/hours-reports";
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            model.addAttribute("problem", refusal.general());
            return page(model, form, refusal.fieldErrors());
        }
    }

    /** A malformed value counts as missing, so the domain names the field in Chinese. */
    private static <T> @Nullable T parse(@Nullable String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/volunteering/hours-reports/{id}/decision")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String decide(@PathVariable UUID id, @RequestParam UUID activityId, @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return Flash.back(redirect, "/volunteering/activities/" + activityId + "#hours-reports", () -> {
            int minutes = reports.decide(CurrentActor.get(), id, confirm, reason);
            return confirm ? Messages.text("volunteering.report.confirmed", cn.wushe.volunteering.internal.HoursFormat.hours(minutes))
                    : Messages.text("volunteering.report.declined");
        });
    }
}
