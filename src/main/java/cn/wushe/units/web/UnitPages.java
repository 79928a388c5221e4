package cn.wushe.units.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.internal.UnitAggregate;
import cn.wushe.units.internal.UnitManagement;
import cn.wushe.units.internal.UnitQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The units pages (单位管理): the list by kind and region (htmx refreshes the list only), one unit
 * with its parent and children, and the forms to register, revise and retire one. A refused form
 * comes back with the user's input, the refusal's status and a Chinese message beside each field.
 */
@Controller
class UnitPages {

    private final UnitQueries queries;
    private final UnitManagement management;

    UnitPages(UnitQueries queries, UnitManagement management) {
        this.queries = queries;
        this.management = management;
    }

    /** The form as typed. */
    record UnitForm(@Nullable String kind, @Nullable String name, @Nullable String regionCode,
            @Nullable String parentId, @Nullable String creditCode, @Nullable Long version) {

        static UnitForm empty(@Nullable String kind, @Nullable String region) {
            return new UnitForm(kind, null, region, null, null, null);
        }

        static UnitForm of(UnitAggregate u) {
            return new UnitForm(u.kind().name(), u.name(), u.regionCode(),
                    u.parentId() == null ? null : u.parentId().toString(),
                    u.creditCode() == null ? null : u.creditCode().value(), u.version());
        }
    }

    /** A kind to pick, with its Chinese name. */
    record KindChoice(String code, String label) {

        static final List<KindChoice> ALL = Arrays.stream(UnitKind.values())
                .map(k -> new KindChoice(k.name(), k.label())).toList();
    }

    /** A kind filter from a request: blank is none, an unknown code a 400 naming the field. */
    static @Nullable UnitKind kind(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return UnitKind.fromCode(code.strip())
                .orElseThrow(() -> DomainException.invalid("kind", Messages.text("units.unit.choose-kind")));
    }

    @GetMapping("/units")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String list(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean active, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        UnitQueries.Filter filter = new UnitQueries.Filter(kind(kind), region, q, active, page, 20);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.page(CurrentActor.get(), filter));
        if (htmx != null) {
            return "units/units :: list";
        }
        model.addAttribute("kinds", KindChoice.ALL);
        return "units/units";
    }

    @GetMapping("/units/new")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String newUnit(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String region, Model model) {
        return form(model, null, UnitForm.empty(kind, region), Map.of(), null);
    }

    @PostMapping("/units")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String create(@ModelAttribute UnitForm form, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return submit(model, null, form, response, () -> {
            UnitAggregate unit = management.register(CurrentActor.get(), new UnitManagement.NewUnit(form.kind(),
                    form.name(), form.regionCode(), form.parentId(), form.creditCode()));
            redirect.addFlashAttribute("notice", Messages.text("units.unit.created", unit.name()));
            return "redirect:/units/" + unit.id();
        });
    }

    @GetMapping("/units/{id}")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String unit(@PathVariable String id, Model model) {
        model.addAttribute("detail", queries.detail(CurrentActor.get(), UnitManagement.parseId(id)));
        return "units/unit";
    }

    @GetMapping("/units/{id}/edit")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String edit(@PathVariable String id, Model model) {
        UnitAggregate unit = queries.detail(CurrentActor.get(), UnitManagement.parseId(id)).unit();
        return form(model, unit.id(), UnitForm.of(unit), Map.of(), null);
    }

    @PostMapping("/units/{id}")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String change(@PathVariable String id, @ModelAttribute UnitForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        UnitId parsed = UnitManagement.parseId(id);
        UnitAggregate current = queries.detail(CurrentActor.get(), parsed).unit();
        UnitForm typed = new UnitForm(current.kind().name(), form.name(), current.regionCode(), form.parentId(),
                form.creditCode(), form.version() == null ? current.version() : form.version());
        return submit(model, parsed, typed, response, () -> {
            UnitAggregate unit = management.revise(CurrentActor.get(), parsed, new UnitManagement.UnitChange(form.name(),
                    form.parentId(), form.creditCode()), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("notice", Messages.text("units.unit.saved", unit.name()));
            return "redirect:/units/" + parsed;
        });
    }

    @PostMapping("/units/{id}/retire")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    String retire(@PathVariable String id, @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        UnitId parsed = UnitManagement.parseId(id);
        try {
            UnitAggregate unit = management.retire(actor, parsed, version);
            redirect.addFlashAttribute("notice", Messages.text("units.unit.retired-done", unit.name()));
            return "redirect:/units/" + parsed;
        } catch (DomainException e) {
            model.addAttribute("problem", FormRefusal.unlessPageRefused(e).statusOn(response).message());
            model.addAttribute("detail", queries.detail(actor, parsed));
            return "units/unit";
        }
    }

    /** Runs the change, or shows the form again with the refusal beside its fields. */
    private String submit(Model model, @Nullable UnitId id, UnitForm form, HttpServletResponse response,
            Supplier<String> change) {
        try {
            return change.get();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return form(model, id, form, refusal.fieldErrors(), refusal.general());
        }
    }

    /** @param id the unit being revised, {@code null} on the registration form */
    private String form(Model model, @Nullable UnitId id, UnitForm form, Map<String, String> errors,
            @Nullable String problem) {
        model.addAttribute("unitId", id == null ? null : id.toString());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("editing", id != null);
        model.addAttribute("kinds", KindChoice.ALL);
        model.addAttribute("parents", queries.parentChoices(CurrentActor.get()));
        model.addAttribute("maxChoices", UnitQueries.MAX_PARENT_CHOICES);
        return "units/unit-form";
    }
}
