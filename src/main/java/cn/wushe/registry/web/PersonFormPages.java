package cn.wushe.registry.web;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.internal.CategoryType;
import cn.wushe.registry.internal.CategoryTypes;
import cn.wushe.registry.internal.Disclosure;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.PersonReading;
import cn.wushe.registry.internal.PersonView;
import cn.wushe.registry.internal.RegisteringPerson;
import cn.wushe.registry.internal.Registration;
import cn.wushe.registry.internal.RelationToHead;
import cn.wushe.platform.personal.Sex;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registering and editing a person (登记 / 修改), and the identity number check as one types it. */
@Controller
class PersonFormPages {

    private final RegisteringPerson registering;
    private final PersonReading reading;
    private final CategoryTypes categoryTypes;
    private final PlaceOptions places;
    private final Clock clock;

    private final cn.wushe.units.Units units;

    PersonFormPages(RegisteringPerson registering, PersonReading reading, CategoryTypes categoryTypes, PlaceOptions places,
            Clock clock, cn.wushe.units.Units units) {
        this.units = units;
        this.registering = registering;
        this.reading = reading;
        this.categoryTypes = categoryTypes;
        this.places = places;
        this.clock = clock;
    }

    @GetMapping("/people/new")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String newPerson(@RequestParam(required = false) @Nullable UUID household, Model model) {
        PersonForm form = new PersonForm();
        form.setHouseholdId(household);
        Actor actor = CurrentActor.get();
        form.withBlankRows();
        // a registration in under a minute: what the worker would type the same every time is filled in
        defaultCategory(form.getCategories().get(0), actor);
        if (household != null) {
            // a member lives with the head: same community, grid and address
            reading.headOf(actor, new cn.wushe.registry.HouseholdId(household)).ifPresent(head -> {
                form.setPlace(head.communityCode() + "|" + (head.gridCode() == null ? "" : head.gridCode()));
                form.setAddressDetail(head.addressDetail());
                model.addAttribute("headName", head.name());
            });
        } else {
            ownPlace(actor).ifPresent(form::setPlace);
        }
        return form(form, null, Map.of(), model);
    }

    /** The place of a worker whose edit scope is one grid or one community: nothing to choose. */
    private java.util.Optional<String> ownPlace(Actor actor) {
        List<PlaceOptions.Option> options = places.registrable(actor);
        List<cn.wushe.platform.RegionScope> scopes = actor.scopesFor(Permission.PERSON_EDIT);
        if (scopes.size() != 1 || scopes.get(0).code().length() < 12) {
            return java.util.Optional.empty();
        }
        String code = scopes.get(0).code();
        String wanted = code.length() == 12 ? code + "|" : code.substring(0, 12) + "|" + code;
        return options.stream().map(PlaceOptions.Option::value).filter(wanted::equals).findFirst();
    }

    /** A new category row: starts today, recognised by the worker's unit (or her community's office). */
    private void defaultCategory(PersonForm.CategoryRow row, Actor actor) {
        row.setStartDate(LocalDate.now(clock));
        String source = actor.unitIds().size() == 1
                ? units.find(new cn.wushe.units.UnitId(actor.unitIds().iterator().next())).map(cn.wushe.units.Unit::name).orElse(null)
                : null;
        if (source == null) {
            source = actor.scopesFor(Permission.PERSON_EDIT).stream().findFirst()
                    .map(scope -> places.officeName(scope.code())).orElse(null);
        }
        row.setSource(source);
    }

    @PostMapping("/people/new")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String register(@ModelAttribute("form") PersonForm form, Model model, HttpServletResponse response) {
        PeoplePages.noStore(response);
        try {
            Registration outcome = registering.register(CurrentActor.get(), form.toDraft(), form.isConfirmDistinct());
            return switch (outcome) {
                case Registration.Registered r -> "redirect:/people/" + r.id() + "?registered";
                case Registration.AlreadyRegistered a -> duplicate(a, model);
                case Registration.PossibleDuplicates p -> {
                    model.addAttribute("candidates", p.candidates().stream().map(id -> reading.duplicateShown(CurrentActor.get(), id)).toList());
                    yield form(form.compact().withBlankRows(), null, Map.of(), model);
                }
                default -> throw new IllegalStateException();
            };
        } catch (DomainException e) {
            return refused(e, form, null, model, response);
        }
    }

    @GetMapping("/people/{id}/edit")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String edit(@PathVariable UUID id, Model model, HttpServletResponse response) {
        PeoplePages.noStore(response);
        PersonView person = reading.detail(CurrentActor.get(), new PersonId(id));
        if (person.disclosure() != Disclosure.EDIT) {
            throw DomainException.forbidden(Messages.text("registry.forbidden.edit"));
        }
        if (person.closed() != null) {
            throw new DomainException(ProblemType.PERSON_CLOSED, Messages.text("registry.closure.already-closed"));
        }
        model.addAttribute("maskedIdNumber", person.idNumber());
        return form(PersonForm.of(person).withBlankRows(), id, Map.of(), model);
    }

    @PostMapping("/people/{id}/edit")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String revise(@PathVariable UUID id, @ModelAttribute("form") PersonForm form, Model model, HttpServletResponse response) {
        PeoplePages.noStore(response);
        try {
            Registration outcome = registering.revise(CurrentActor.get(), new PersonId(id), form.getVersion(), form.toDraft());
            if (outcome instanceof Registration.AlreadyRegistered a) {
                return duplicate(a, model);
            }
            return "redirect:/people/" + id + "?saved";
        } catch (DomainException e) {
            return refused(e, form, id, model, response);
        }
    }

    /** What the typed number says (sex, birth date) or what is wrong with it; an htmx fragment. */
    @PostMapping("/people/derive")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String derive(@RequestParam(defaultValue = "RESIDENT_ID") IdDocumentType idDocType,
            @RequestParam(defaultValue = "") String idNumber, Model model, HttpServletResponse response) {
        PeoplePages.noStore(response);
        if (!idNumber.isBlank()) {
            String problem = IdentityNumber.problem(idDocType, idNumber, LocalDate.now(clock));
            model.addAttribute("problem", problem);
            if (problem == null) {
                IdentityNumber number = IdentityNumber.parse(idDocType, idNumber, LocalDate.now(clock));
                model.addAttribute("sex", number.sex().map(Sex::label).orElse(Messages.text("registry.form.sex-not-in-number")));
                model.addAttribute("birthDate", number.birthDate());
            }
        }
        return "registry/fragments :: derived";
    }

    private String duplicate(Registration.AlreadyRegistered already, Model model) {
        model.addAttribute("existing", reading.duplicateShown(CurrentActor.get(), already.existing()));
        model.addAttribute("inEditScope", already.inEditScope());
        return "registry/duplicate";
    }

    private String refused(DomainException e, PersonForm form, @Nullable UUID id, Model model, HttpServletResponse response) {
        FormRefusal refusal = FormRefusal.of(e).statusOn(response);
        if (refusal.general() != null) {
            model.addAttribute("generalError", refusal.general());
        }
        return form(form.compact().withBlankRows(), id, refusal.fieldErrors(), model);
    }

    private String form(PersonForm form, @Nullable UUID id, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("personId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("places", places.registrable(CurrentActor.get()));
        model.addAttribute("categoryTypes", categoryTypes.active());
        model.addAttribute("disabilityTypes", CategoryType.DISABILITY_TYPES);
        model.addAttribute("docTypes", IdDocumentType.values());
        model.addAttribute("relations", RelationToHead.values());
        model.addAttribute("incomeBands", IncomeBand.values());
        model.addAttribute("sexes", Sex.values());
        return "registry/form";
    }
}
