package cn.wushe.calendar.web;

import cn.wushe.calendar.internal.CalendarManagement;
import cn.wushe.calendar.internal.CalendarYear;
import cn.wushe.calendar.internal.CalendarYears;
import cn.wushe.calendar.internal.CountyOfficeHours;
import cn.wushe.calendar.internal.YearRules;
import cn.wushe.calendar.internal.YearText;
import cn.wushe.platform.Actor;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.web.FormRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's calendar pages: the stored years, one year as a month grid with the form to
 * enter or correct it (national, or a county's own), and the office hours of the admin's counties.
 * A refused form comes back as typed, with the Chinese reason beside its field.
 */
@Controller
class CalendarPages {

    private final CalendarYears years;
    private final CalendarManagement management;
    private final CountyOfficeHours officeHours;
    private final Clock clock;

    CalendarPages(CalendarYears years, CalendarManagement management, CountyOfficeHours officeHours, Clock clock) {
        this.years = years;
        this.management = management;
        this.officeHours = officeHours;
        this.clock = clock;
    }

    /** The form as typed: the holidays one per line, the make-up days as a list of dates. */
    record YearForm(@Nullable String holidays, @Nullable String makeUpDays, @Nullable Long version) {

        static YearForm of(CalendarYear y, boolean own) {
            return new YearForm(YearText.holidays(y.holidays()), YearText.makeUpDays(y.makeUpDays()),
                    own ? y.version() : null);
        }
    }

    @GetMapping("/admin/calendar")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String list(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String county,
            Model model) {
        if (year != null) {
            // the "open a year" form of this page
            String own = county(CurrentActor.get(), county);
            return "redirect:/admin/calendar/" + YearRules.year(year) + (own == null ? "" : "?county=" + own);
        }
        int nextYear = LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).getYear() + 1;
        List<CalendarYears.Summary> stored = years.list(counties(CurrentActor.get()));
        model.addAttribute("years", stored);
        model.addAttribute("nextYear", nextYear);
        model.addAttribute("nextYearMissing", stored.stream().noneMatch(s -> s.countyCode() == null && s.year() == nextYear));
        model.addAttribute("counties", counties(CurrentActor.get()));
        return "calendar/years";
    }

    @GetMapping("/admin/calendar/{year}")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String year(@PathVariable int year, @RequestParam(required = false) @Nullable String county, Model model) {
        String own = county(CurrentActor.get(), county);
        Optional<CalendarYear> stored = years.find(own, YearRules.year(year));
        // a county's correction starts from the national year
        Optional<CalendarYear> shown = stored.or(() -> own == null ? Optional.empty() : years.find(null, year));
        YearForm form = shown.map(y -> YearForm.of(y, stored.isPresent())).orElse(new YearForm(null, null, null));
        return yearPage(model, year, own, stored, form, Map.of());
    }

    @PostMapping("/admin/calendar/{year}")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String enter(@PathVariable int year, @RequestParam(required = false) @Nullable String county,
            @ModelAttribute YearForm form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        String own = county(actor, county);
        YearText.Parsed parsed = YearText.parse(YearRules.year(year), form.holidays(), form.makeUpDays());
        if (!parsed.errors().isEmpty()) {
            return yearPage(model, year, own, years.find(own, year), form, parsed.errors());
        }
        try {
            management.enterYear(actor, year, own, parsed.holidays(), parsed.makeUpDays(), form.version());
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            Map<String, String> errors = refusal.general() == null ? refusal.fieldErrors()
                    : Map.of(FormRefusal.GENERAL, refusal.general());
            return yearPage(model, year, own, years.find(own, year), form, errors);
        }
        redirect.addFlashAttribute("notice", Messages.text("calendar.year.saved", year));
        return own == null ? "redirect:/admin/calendar/" + year : "redirect:/admin/calendar/" + year + "?county=" + own;
    }

    @GetMapping("/admin/calendar/office-hours")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String officeHours(Model model) {
        return officeHoursPage(model, null, null, Map.of());
    }

    @PostMapping("/admin/calendar/office-hours/{county}")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String setOfficeHours(@PathVariable String county, @RequestParam(required = false) @Nullable String hours,
            @RequestParam(defaultValue = "0") long version, Model model, RedirectAttributes redirect) {
        try {
            management.setOfficeHours(CurrentActor.get(), county, hours == null ? "" : hours, version);
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return officeHoursPage(model, county, hours,
                    Map.of("hours", refusal.general() != null ? refusal.general() : String.join(" ", refusal.fieldErrors().values())));
        }
        redirect.addFlashAttribute("notice", Messages.text("calendar.office-hours.saved", county));
        return "redirect:/admin/calendar/office-hours";
    }

    private String yearPage(Model model, int year, @Nullable String county, Optional<CalendarYear> stored, YearForm form,
            Map<String, String> errors) {
        model.addAttribute("year", year);
        model.addAttribute("county", county);
        model.addAttribute("stored", stored.orElse(null));
        model.addAttribute("months", MonthGrid.year(year, stored.map(CalendarYear::listedDays).orElse(Map.of())));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLines", errors.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue().split("\n")))));
        return "calendar/year";
    }

    private String officeHoursPage(Model model, @Nullable String refusedCounty, @Nullable String typed,
            Map<String, String> errors) {
        model.addAttribute("entries", officeHours.entries(counties(CurrentActor.get())));
        model.addAttribute("defaults", officeHours.defaults().text());
        model.addAttribute("refusedCounty", refusedCounty);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "calendar/office-hours";
    }

    /** The counties where the actor manages the calendar. */
    private static List<String> counties(Actor actor) {
        return actor.scopesFor(Permission.CALENDAR_MANAGE).stream().map(RegionScope::countyCode)
                .filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** A county the actor may correct (404 otherwise), or null for the national calendar. */
    private static @Nullable String county(Actor actor, @Nullable String county) {
        if (county == null || county.isBlank()) {
            return null;
        }
        if (!county.matches("\\d{6}") || !actor.can(Permission.CALENDAR_MANAGE, county)) {
            throw DomainException.notFound(Messages.text("calendar.county.what", county));
        }
        return county;
    }
}
