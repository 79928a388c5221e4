package cn.wushe.region.web;

import cn.wushe.platform.web.FormRefusal;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.Region;
import cn.wushe.region.internal.GridAggregate;
import cn.wushe.region.internal.GridManagement;
import cn.wushe.region.internal.GridQueries;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
 * The grid pages: the list of the user's grids (filtered by community and name, htmx refreshes the
 * list only), a grid with its workers, and the forms to create, change and retire one. A form
 * that is refused comes back with the user's input and a Chinese message beside each wrong field.
 */
@Controller
class GridPages {

    private final GridQueries queries;
    private final GridManagement management;

    GridPages(GridQueries queries, GridManagement management) {
        this.queries = queries;
        this.management = management;
    }

    /** The form as typed: strings, so a wrong number comes back as the user wrote it. */
    record GridForm(@Nullable String communityCode, @Nullable String code, @Nullable String name,
            @Nullable String centreLat, @Nullable String centreLng, @Nullable String boundary, @Nullable Long version) {

        static GridForm empty(@Nullable String communityCode) {
            return new GridForm(communityCode, null, null, null, null, null, null);
        }

        static GridForm of(GridAggregate g) {
            return new GridForm(g.code().community().value(), g.code().value(), g.name().value(),
                    g.centre() == null ? null : g.centre().lat().toPlainString(),
                    g.centre() == null ? null : g.centre().lng().toPlainString(),
                    g.boundary() == null ? null : g.boundary().geoJson(), g.version());
        }
    }

    /** A community to pick, labelled by town and name (城关街道/道北社区居委会). */
    record Choice(String code, String label) {

        static List<Choice> of(List<Region> communities) {
            return communities.stream().map(c -> {
                String[] names = c.fullName().split("/");
                String label = names.length >= 2 ? names[names.length - 2] + "/" + names[names.length - 1] : c.name();
                return new Choice(c.code(), label);
            }).toList();
        }
    }

    @GetMapping("/grids")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    String list(@RequestParam(required = false) @Nullable String community,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Actor actor = CurrentActor.get();
        GridQueries.Filter filter = new GridQueries.Filter(RegionCodes.community("community", community), q, active,
                page, 20);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.page(actor, filter));
        model.addAttribute("canCreate", actor.can(Permission.GRID_EDIT));
        if (htmx != null) {
            return "region/grids :: list";
        }
        model.addAttribute("communities", Choice.of(queries.visibleCommunities(actor)));
        model.addAttribute("maxChoices", GridQueries.MAX_COMMUNITY_CHOICES);
        return "region/grids";
    }

    @GetMapping("/grids/new")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    String newGrid(@RequestParam(required = false) @Nullable String community, Model model) {
        return form(model, GridForm.empty(community), Map.of(), null);
    }

    @PostMapping("/grids")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    String create(@ModelAttribute GridForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal lat = number("centreLat", Messages.text("region.grid.centre-lat"), form.centreLat(), errors);
        BigDecimal lng = number("centreLng", Messages.text("region.grid.centre-lng"), form.centreLng(), errors);
        return submit(model, form, errors, () -> {
            GridAggregate grid = management.create(CurrentActor.get(), new GridManagement.NewGrid(form.communityCode(),
                    form.code(), form.name(), lat, lng, form.boundary()));
            redirect.addFlashAttribute("notice", Messages.text("region.grid.created", grid.name(), grid.code()));
            return "redirect:/grids/" + grid.code();
        });
    }

    @GetMapping("/grids/{code}")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    String grid(@PathVariable String code, Model model) {
        Actor actor = CurrentActor.get();
        GridCode parsed = GridManagement.parseCode(code);
        GridQueries.Detail detail = queries.detail(actor, parsed);
        model.addAttribute("detail", detail);
        model.addAttribute("editable", detail.grid().active() && queries.editable(actor, parsed));
        return "region/grid";
    }

    @GetMapping("/grids/{code}/edit")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    String edit(@PathVariable String code, Model model) {
        Actor actor = CurrentActor.get();
        GridCode parsed = GridManagement.parseCode(code);
        GridAggregate grid = queries.detail(actor, parsed).grid();
        if (!queries.editable(actor, parsed)) {
            throw DomainException.forbidden(Messages.text("region.grid.action-edit", parsed));
        }
        return form(model, GridForm.of(grid), Map.of(), null);
    }

    @PostMapping("/grids/{code}")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    String change(@PathVariable String code, @ModelAttribute GridForm form, Model model, RedirectAttributes redirect) {
        GridCode parsed = GridManagement.parseCode(code);
        GridForm typed = new GridForm(parsed.community().value(), parsed.value(), form.name(), form.centreLat(),
                form.centreLng(), form.boundary(), form.version());
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal lat = number("centreLat", Messages.text("region.grid.centre-lat"), form.centreLat(), errors);
        BigDecimal lng = number("centreLng", Messages.text("region.grid.centre-lng"), form.centreLng(), errors);
        return submit(model, typed, errors, () -> {
            management.change(CurrentActor.get(), parsed.value(), new GridManagement.GridChange(form.name(), lat, lng,
                    form.boundary()), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("notice", Messages.text("region.grid.saved", parsed));
            return "redirect:/grids/" + parsed;
        });
    }

    @PostMapping("/grids/{code}/retire")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    String retire(@PathVariable String code, @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        GridAggregate grid = management.retire(CurrentActor.get(), code, version);
        redirect.addFlashAttribute("notice", Messages.text("region.grid.retired-done", grid.name(), grid.code()));
        return "redirect:/grids/" + grid.code();
    }

    /** Runs the change, or shows the form again with the refusal beside its fields. */
    private String submit(Model model, GridForm form, Map<String, String> errors, Supplier<String> change) {
        if (!errors.isEmpty()) {
            return form(model, form, errors, null);
        }
        try {
            return change.get();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return form(model, form, refusal.fieldErrors(), refusal.general());
        }
    }

    private String form(Model model, GridForm form, Map<String, String> errors, @Nullable String problem) {
        boolean editing = form.version() != null;
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("editing", editing);
        if (!editing) {
            model.addAttribute("communities", Choice.of(queries.editableCommunities(CurrentActor.get())));
            model.addAttribute("maxChoices", GridQueries.MAX_COMMUNITY_CHOICES);
        }
        return "region/grid-form";
    }

    private static @Nullable BigDecimal number(String field, String label, @Nullable String raw,
            Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            errors.put(field, Messages.text("region.grid.number-invalid", label));
            return null;
        }
    }
}
