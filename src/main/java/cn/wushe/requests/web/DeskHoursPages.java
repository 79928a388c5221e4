package cn.wushe.requests.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.requests.internal.DeskHours;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * 错时服务时段 for the community's staff: the desk's hours per weekday (evenings and weekends too,
 * open on holidays or not, slot length and places per slot), the bookings of a day and whether each
 * resident came. Another community's desk is not found.
 */
@Controller
class DeskHoursPages {

    /** Blank rows the form offers below the community's hours. */
    static final int SPARE_ROWS = 2;

    private final DeskHours deskHours;
    private final Clock clock;

    DeskHoursPages(DeskHours deskHours, Clock clock) {
        this.deskHours = deskHours;
        this.clock = clock;
    }

    /** A row of the form, as typed. */
    record Row(String weekday, String opens, String closes, String slotMinutes, String capacity, boolean openOnHoliday) {

        static Row of(DeskHours.Hours h) {
            return new Row(String.valueOf(h.weekday()), h.opens().toString(), h.closes().toString(),
                    String.valueOf(h.slotMinutes()), String.valueOf(h.capacity()), h.openOnHoliday());
        }
    }

    @GetMapping("/matters/desk-hours")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String page(@RequestParam(required = false) @Nullable String community, @RequestParam(required = false) @Nullable String day,
            Model model) {
        String chosen = community(CurrentActor.get(), community);
        return render(model, chosen, day, chosen == null ? List.of() : deskHours.hours(chosen).stream().map(Row::of).toList(),
                Map.of());
    }

    private String render(Model model, @Nullable String community, @Nullable String day, List<Row> rows, Map<String, String> errors) {
        LocalDate date = LocalDate.now(clock.withZone(cn.wushe.platform.ClockConfiguration.ZONE));
        if (day != null && !day.isBlank()) {
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                errors = Map.of("day", Messages.text("requests.hours.day-invalid"));
            }
        }
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < SPARE_ROWS; i++) {
            all.add(new Row("", "", "", "30", "2", false));
        }
        model.addAttribute("community", community);
        model.addAttribute("rows", all);
        model.addAttribute("day", date);
        model.addAttribute("bookings", community == null ? List.of() : deskHours.ofDay(CurrentActor.get(), community, date));
        model.addAttribute("errors", errors);
        return "requests/desk-hours";
    }

    @PostMapping("/matters/desk-hours")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String save(@RequestParam Map<String, String> params, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        String community = community(actor, params.get("community"));
        if (community == null) {
            throw DomainException.invalid("community", Messages.text("requests.hours.community-required"));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("weekday-" + i); i++) {
            Row row = new Row(params.get("weekday-" + i), text(params.get("opens-" + i)), text(params.get("closes-" + i)),
                    text(params.get("slot-" + i)), text(params.get("capacity-" + i)), "on".equals(params.get("holiday-" + i)));
            if (!text(row.weekday()).isEmpty() && !row.opens().isEmpty()) {
                rows.add(row);
            }
        }
        try {
            List<DeskHours.Hours> hours = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                try {
                    hours.add(new DeskHours.Hours(Integer.parseInt(r.weekday()), LocalTime.parse(r.opens()), LocalTime.parse(r.closes()),
                            Integer.parseInt(r.slotMinutes()), Integer.parseInt(r.capacity()), r.openOnHoliday()));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw DomainException.invalid("hours", Messages.text("requests.hours.time-invalid", i + 1));
                }
            }
            deskHours.setHours(actor, community, hours);
            redirect.addFlashAttribute("notice", Messages.text("requests.page.hours-saved"));
            return "redirect:/matters/desk-hours?community=" + community;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return render(model, community, null, rows, refusal.errors());
        }
    }

    @PostMapping("/matters/desk-hours/appointments/{id}/attendance")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String attendance(@PathVariable String id, @RequestParam(defaultValue = "false") boolean attended,
            @RequestParam(required = false) @Nullable String community, @RequestParam(required = false) @Nullable String day,
            RedirectAttributes redirect) {
        deskHours.attendance(CurrentActor.get(), AppointmentApi.parse(id), attended);
        redirect.addFlashAttribute("notice", Messages.text("requests.page.attendance-saved"));
        redirect.addAttribute("community", community);
        redirect.addAttribute("day", day);
        return "redirect:/matters/desk-hours";
    }

    /** The community asked for when the actor handles there, else their own; another's is not found. */
    static @Nullable String community(Actor actor, @Nullable String asked) {
        if (asked != null && !asked.isBlank()) {
            String code = AppointmentApi.community(asked.strip());
            if (!actor.can(Permission.MATTER_HANDLE, code)) {
                throw DomainException.notFound(Messages.text("requests.object.community"));
            }
            return code;
        }
        return actor.scopesFor(Permission.MATTER_HANDLE).stream().map(RegionScope::code).filter(c -> c.length() >= 12)
                .map(c -> c.substring(0, 12)).findFirst().orElse(null);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
