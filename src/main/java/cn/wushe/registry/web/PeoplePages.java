package cn.wushe.registry.web;

import cn.wushe.platform.AgeBand;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.PersonStatus;
import org.springframework.format.annotation.DateTimeFormat;
import cn.wushe.registry.internal.CategoryTypes;
import cn.wushe.registry.internal.ClosingRecord;
import cn.wushe.registry.internal.Disclosure;
import cn.wushe.registry.HouseholdId;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.internal.PersonFilter;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.PersonLists;
import cn.wushe.registry.internal.PersonReading;
import cn.wushe.registry.internal.PersonView;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.personal.Sex;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The people pages (困难群众): list with filters and counts, search, detail with reveal, history, household. */
@Controller
class PeoplePages {

    private final PersonLists lists;
    private final PersonReading reading;
    private final CategoryTypes categoryTypes;
    private final PlaceOptions places;
    private final ClosingRecord closing;

    PeoplePages(PersonLists lists, PersonReading reading, CategoryTypes categoryTypes, PlaceOptions places,
            ClosingRecord closing) {
        this.closing = closing;
        this.lists = lists;
        this.reading = reading;
        this.categoryTypes = categoryTypes;
        this.places = places;
    }

    static final int PAGE_SIZE = 20;

    @GetMapping("/people")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    String list(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String age, @RequestParam(required = false) @Nullable Sex sex,
            @RequestParam(required = false) @Nullable Boolean disability, @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String sort,
            Model model, HttpServletResponse response) {
        noStore(response);
        AgeBand band = AgeBand.parse(age);
        PersonFilter filter = new PersonFilter(region, category, band == null ? null : band.min(), band == null ? null : band.max(),
                sex, disability, null, name);
        Actor actor = CurrentActor.get();
        PersonLists.Order order = PersonLists.Order.parse(sort);
        Map<String, Long> counts = lists.counts(actor, filter);
        // the chips' counts already hold the total of this filter: the page count costs no query
        long total = category == null || category.isBlank() ? counts.getOrDefault("_ALL", 0L) : counts.getOrDefault(category, 0L);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        var people = lists.list(actor, filter, Math.min(Math.max(0, page), pages - 1), PAGE_SIZE, order);
        model.addAttribute("people", people);
        model.addAttribute("counts", counts);
        model.addAttribute("total", total);
        model.addAttribute("pages", pages);
        model.addAttribute("sort", order.name());
        // county users read across towns, town users across communities: those columns only for them
        model.addAttribute("showTown", actor.scopesFor(Permission.PERSON_VIEW).stream().anyMatch(r -> r.code().length() <= 6));
        model.addAttribute("showCommunity", actor.scopesFor(Permission.PERSON_VIEW).stream().anyMatch(r -> r.code().length() <= 9));
        model.addAttribute("categoryTypes", categoryTypes.active());
        model.addAttribute("regionOptions", places.viewable(actor));
        model.addAttribute("ageBands", AgeBand.PRESETS);
        model.addAttribute("f", Map.of("region", nz(region), "category", nz(category), "age", nz(age),
                "sex", sex == null ? "" : sex.name(), "disability", Boolean.TRUE.equals(disability) ? "true" : "", "name", nz(name)));
        model.addAttribute("canRegister", actor.can(Permission.PERSON_EDIT));
        model.addAttribute("pageBase", UriComponentsBuilder.fromPath("/people").queryParam("region", nz(region))
                .queryParam("category", nz(category)).queryParam("age", nz(age)).queryParam("sex", sex == null ? "" : sex.name())
                .queryParam("disability", Boolean.TRUE.equals(disability) ? "true" : "").queryParam("name", nz(name))
                .encode().build().toUriString());
        model.addAttribute("sortBase", model.getAttribute("pageBase"));
        model.addAttribute("pageBase", model.getAttribute("pageBase") + "&sort=" + order.name());
        return "registry/list";
    }

    /** Full identity or phone number: exact search town-wide; anything else: a name filter on the list. */
    @PostMapping("/people/search")
    @PreAuthorize("hasAnyAuthority('PERSON_SEARCH', 'PERSON_VIEW')")
    String search(@RequestParam(defaultValue = "") String q, Model model, HttpServletResponse response) {
        noStore(response);
        String normalised = IdentityNumber.normalise(q);
        boolean exact = normalised.matches("[0-9X]{15}|[0-9X]{18}|[A-Z]{3}\\d{12}") || PhoneNumber.problem(q) == null;
        if (!exact) {
            return "redirect:" + UriComponentsBuilder.fromPath("/people").queryParam("name", q.strip()).encode().build().toUriString();
        }
        model.addAttribute("results", reading.lookup(CurrentActor.get(), q));
        return "registry/search";
    }

    @GetMapping("/people/{id}")
    @PreAuthorize("hasAnyAuthority('PERSON_SEARCH', 'PERSON_VIEW')")
    String detail(@PathVariable UUID id, Model model, HttpServletResponse response) {
        noStore(response);
        return detailPage(reading.detail(CurrentActor.get(), new PersonId(id)), model);
    }

    /**
     * Closes the record (销档) from the detail page: {@code reason} is a {@link ClosingReason} or
     * DECEASED (then with {@code dateOfDeath}); {@code version} is the one the page showed.
     */
    @PostMapping("/people/{id}/close")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateOfDeath,
            @RequestParam int version, Model model, HttpServletResponse response) {
        return statusChange(id, "closeError", "closed", model, response, person -> {
            if (reason.equals(PersonStatus.DECEASED.name())) {
                closing.markDeceased(CurrentActor.get(), person, version, dateOfDeath);
            } else {
                ClosingReason why = java.util.Arrays.stream(ClosingReason.values())
                        .filter(r -> r.name().equals(reason)).findFirst().orElse(null);
                closing.close(CurrentActor.get(), person, version, why);
            }
        });
    }

    /** Records that the person moved out (迁出): the date and where to. */
    @PostMapping("/people/{id}/move-out")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String moveOut(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate movedOn,
            @RequestParam(defaultValue = "") String destination, @RequestParam int version, Model model,
            HttpServletResponse response) {
        return statusChange(id, "moveOutError", "movedOut", model, response,
                person -> closing.moveOut(CurrentActor.get(), person, version, movedOn, destination));
    }

    /** Puts a moved-out or closed record back in the registry (恢复在册), or corrects a wrong death (county level). */
    @PostMapping("/people/{id}/reopen")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String reopen(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @RequestParam int version,
            Model model, HttpServletResponse response) {
        return statusChange(id, "reopenError", "reopened", model, response,
                person -> closing.reopen(CurrentActor.get(), person, version, reason));
    }

    /** Runs a status change; a refusal other than 404/403 shows the detail page again with the message beside its form. */
    private String statusChange(UUID id, String errorAttribute, String done, Model model, HttpServletResponse response,
            java.util.function.Consumer<PersonId> change) {
        noStore(response);
        PersonId person = new PersonId(id);
        try {
            change.accept(person);
            return "redirect:/people/" + id + "?" + done;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute(errorAttribute, e.getMessage());
            return detailPage(reading.detail(CurrentActor.get(), person), model);
        }
    }

    @PostMapping("/people/{id}/reveal")
    @PreAuthorize("hasAuthority('PII_UNMASK')")
    String reveal(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        noStore(response);
        try {
            return detailPage(reading.reveal(CurrentActor.get(), new PersonId(id), reason, note), model);
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            model.addAttribute("revealError", e.getMessage());
            return detailPage(reading.detail(CurrentActor.get(), new PersonId(id)), model);
        }
    }

    @GetMapping("/people/{id}/history")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    String history(@PathVariable UUID id, Model model, HttpServletResponse response) {
        noStore(response);
        model.addAttribute("entries", HistoryEntry.of(reading.history(CurrentActor.get(), new PersonId(id))));
        model.addAttribute("personId", id);
        return "registry/history";
    }

    /** One change as a person made it (one save): when, who, what kind, and each field it changed. */
    record HistoryEntry(java.time.LocalDateTime at, @Nullable String by, String kind,
            java.util.List<cn.wushe.registry.internal.PersonChange> fields) {

        /** Consecutive field changes of the same moment, person and kind are one entry (newest first, as stored). */
        static java.util.List<HistoryEntry> of(java.util.List<cn.wushe.registry.internal.PersonChange> changes) {
            java.util.List<HistoryEntry> entries = new java.util.ArrayList<>();
            for (cn.wushe.registry.internal.PersonChange c : changes) {
                HistoryEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                if (last != null && last.at().equals(c.at()) && java.util.Objects.equals(last.by(), c.by()) && last.kind().equals(c.kind())) {
                    last.fields().add(c);
                } else {
                    entries.add(new HistoryEntry(c.at(), c.by(), c.kind(), new java.util.ArrayList<>(java.util.List.of(c))));
                }
            }
            return entries;
        }
    }

    @GetMapping("/households/{id}")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    String household(@PathVariable UUID id, Model model, HttpServletResponse response) {
        noStore(response);
        model.addAttribute("household", lists.household(CurrentActor.get(), new HouseholdId(id)));
        model.addAttribute("canEdit", CurrentActor.get().can(Permission.PERSON_EDIT));
        return "registry/household";
    }

    private String detailPage(PersonView person, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("person", person);
        model.addAttribute("revealReasons", cn.wushe.registry.internal.RevealReason.values());
        model.addAttribute("canEdit", person.closed() == null && (person.disclosure() == Disclosure.EDIT
                || person.disclosure() == Disclosure.FULL
                && actor.can(Permission.PERSON_EDIT, person.gridCode() != null ? person.gridCode() : person.communityCode())));
        String place = person.gridCode() != null ? person.gridCode() : person.communityCode();
        boolean inEditScope = person.disclosure() == Disclosure.EDIT
                || person.disclosure() == Disclosure.FULL && actor.can(Permission.PERSON_EDIT, place);
        // a death is undone only by a county-level correction (StatusTransitions)
        model.addAttribute("canReopen", person.closed() != null && inEditScope && (person.status() != PersonStatus.DECEASED
                || actor.can(Permission.PERSON_EDIT, person.communityCode().substring(0, 6))));
        model.addAttribute("canReveal", person.disclosure() != Disclosure.SEARCH && person.masked()
                && actor.can(Permission.PII_UNMASK, person.gridCode() != null ? person.gridCode() : person.communityCode()));
        return "registry/detail";
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
