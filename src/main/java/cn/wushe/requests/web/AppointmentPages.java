package cn.wushe.requests.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.requests.internal.Catalogue;
import cn.wushe.requests.internal.CatalogueItem;
import cn.wushe.requests.internal.Channel;
import cn.wushe.requests.internal.DeskHours;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
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

/** 预约办理: the free slots of the resident's community for the next two weeks (evenings and Saturdays too), booking and cancelling. */
@Controller
class AppointmentPages {

    private final DeskHours deskHours;
    private final Catalogue catalogue;

    AppointmentPages(DeskHours deskHours, Catalogue catalogue) {
        this.deskHours = deskHours;
        this.catalogue = catalogue;
    }

    @GetMapping("/matters/appointments")
    @PreAuthorize("hasAuthority('MATTER_SUBMIT')")
    String page(@RequestParam(required = false) @Nullable String item, Model model) {
        return render(model, item, Map.of());
    }

    private String render(Model model, @Nullable String itemCode, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        List<RegionScope> scopes = actor.scopesFor(Permission.MATTER_SUBMIT);
        String community = scopes.isEmpty() || scopes.get(0).code().length() < 12 ? null : scopes.get(0).code().substring(0, 12);
        List<CatalogueItem> items = community == null ? List.of() : catalogue.active(community.substring(0, 6)).stream()
                .filter(i -> i.takes(Channel.APPOINTMENT)).toList();
        model.addAttribute("community", community);
        model.addAttribute("items", items);
        model.addAttribute("item", itemCode);
        java.util.Map<java.time.LocalDate, List<DeskHours.Slot>> days = new java.util.LinkedHashMap<>();
        if (community != null) {
            deskHours.slots(community, 7).stream().filter(s -> s.free() > 0)
                    .forEach(s -> days.computeIfAbsent(s.day(), d -> new java.util.ArrayList<>()).add(s));
        }
        model.addAttribute("days", days);
        model.addAttribute("mine", deskHours.mine(actor));
        model.addAttribute("errors", errors);
        return "requests/appointments";
    }

    @PostMapping("/matters/appointments")
    @PreAuthorize("hasAuthority('MATTER_SUBMIT')")
    String book(@RequestParam(required = false) @Nullable String community, @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable String startsAt, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            Instant start;
            try {
                start = Instant.parse(startsAt == null ? "" : startsAt);
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainException.invalid("startsAt", Messages.text("requests.slot.outside-hours"));
            }
            DeskHours.Appointment booked = deskHours.book(CurrentActor.get(), AppointmentApi.community(community),
                    item == null ? "" : item, start);
            redirect.addFlashAttribute("notice", Messages.text("requests.page.booked", booked.item()));
            return "redirect:/matters/appointments";
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return render(model, item, refusal.errors());
        }
    }

    @PostMapping("/matters/appointments/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        deskHours.cancel(CurrentActor.get(), AppointmentApi.parse(id));
        redirect.addFlashAttribute("notice", Messages.text("requests.page.cancelled"));
        return "redirect:/matters/appointments";
    }
}
