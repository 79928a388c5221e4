package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.Schedules;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务排期: the recurring services' schedule editor and the people served (人次) per venue and month. */
@Controller
class VolunteeringSchedulePages {

    private final Schedules schedules;

    VolunteeringSchedulePages(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/volunteering/schedules")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String page(Model model) {
        fill(model, Map.of(), Map.of());
        return "volunteering/schedules";
    }

    private void fill(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("schedules", schedules.list(CurrentActor.get()));
        model.addAttribute("served", schedules.served(CurrentActor.get()));
        model.addAttribute("lines", Activities.SERVICE_LINES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    @PostMapping("/volunteering/schedules")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = params.toSingleValueMap();
        try {
            Set<Integer> weekdays = new LinkedHashSet<>();
            for (String d : params.getOrDefault("weekdays", List.of())) {
                weekdays.add(Integer.parseInt(d));
            }
            schedules.create(CurrentActor.get(), new Schedules.NewSchedule(form.get("title"), form.get("serviceLine"),
                    form.get("regionCode"), form.get("venueName"), number(form.get("venueLat")), number(form.get("venueLng")),
                    whole(form.get("radiusM")), weekdays, time(form.get("startsTime")), whole(form.get("durationMinutes")),
                    whole(form.get("slots")), day("firstDay", form.get("firstDay")), day("lastDay", form.get("lastDay"))));
            redirect.addFlashAttribute("notice", Messages.text("volunteering.schedule.created"));
            return "redirect:/volunteering/schedules";
        } catch (NumberFormatException e) {
            return refused(model, response, form, DomainException.invalid("weekdays", Messages.text("volunteering.schedule.weekdays-required")));
        } catch (DomainException e) {
            return refused(model, response, form, e);
        }
    }

    private String refused(Model model, HttpServletResponse response, Map<String, String> form, DomainException e) {
        FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
        fill(model, form, refusal.fieldErrors());
        model.addAttribute("problem", refusal.general());
        return "volunteering/schedules";
    }

    @PostMapping("/volunteering/schedules/{id}/stop")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    String stop(@PathVariable UUID id, RedirectAttributes redirect) {
        int cancelled = schedules.stop(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", Messages.text("volunteering.schedule.stopped", cancelled));
        return "redirect:/volunteering/schedules";
    }

    private static @Nullable Double number(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer whole(@Nullable String value) {
        Double d = number(value);
        return d == null ? null : d.intValue();
    }

    private static @Nullable LocalTime time(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable LocalDate day(String field, @Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, Messages.text("volunteering.schedule.days-invalid"));
        }
    }
}
