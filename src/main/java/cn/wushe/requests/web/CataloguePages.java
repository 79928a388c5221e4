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
import cn.wushe.units.Unit;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * 服务事项目录 for its keeper (the county administrator): every item with its channels, the unit
 * that handles it at each level and that level's working days; a form that publishes the next
 * version (the current one retires; matters already in keep theirs) and retiring an item.
 */
@Controller
class CataloguePages {

    /** Blank material rows the form offers below the item's own. */
    static final int SPARE_MATERIALS = 3;

    private final Catalogue catalogue;
    private final Units units;

    CataloguePages(Catalogue catalogue, Units units) {
        this.catalogue = catalogue;
        this.units = units;
    }

    /** A material row of the form, as typed. */
    record MaterialRow(String code, String name, boolean original, String count) {
    }

    @GetMapping("/matters/catalogue")
    @PreAuthorize("hasAuthority('MATTER_CATALOGUE')")
    String list(Model model) {
        String county = county(CurrentActor.get());
        model.addAttribute("items", catalogue.latest(county));
        model.addAttribute("departments", departments(county));
        return "requests/catalogue";
    }

    @GetMapping("/matters/catalogue/new")
    @PreAuthorize("hasAuthority('MATTER_CATALOGUE')")
    String newItem(@RequestParam(required = false) @Nullable String from, Model model) {
        String county = county(CurrentActor.get());
        Map<String, String> values = new LinkedHashMap<>();
        List<MaterialRow> materials = new ArrayList<>();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (from != null) {
            CatalogueItem item = catalogue.latestByCode(county, from)
                    .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.item")));
            values.put("code", item.code());
            values.put("category", item.category());
            values.put("name", item.name());
            values.put("aliases", String.join("、", item.aliases()));
            values.put("conditions", String.join("\n", item.conditions()));
            values.put("communityDays", String.valueOf(item.communityDays()));
            values.put("townDays", String.valueOf(item.townDays()));
            values.put("countyDays", String.valueOf(item.countyDays()));
            values.put("department", item.department() == null ? "" : item.department());
            values.put("urgent", item.urgent() ? "on" : "");
            values.put("whereWhen", item.whereWhen());
            item.materials().forEach(m -> materials.add(new MaterialRow(m.code(), m.name(), m.original(), String.valueOf(m.count()))));
            channels.addAll(item.channels());
            model.addAttribute("current", item);
        }
        return form(model, county, values, materials, channels, Map.of());
    }

    private String form(Model model, String county, Map<String, String> values, List<MaterialRow> materials, Set<Channel> channels,
            Map<String, String> errors) {
        List<MaterialRow> rows = new ArrayList<>(materials);
        for (int i = 0; i < SPARE_MATERIALS; i++) {
            rows.add(new MaterialRow("", "", false, "1"));
        }
        model.addAttribute("values", values);
        model.addAttribute("materials", rows);
        model.addAttribute("checked", channels);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("departments", departments(county));
        model.addAttribute("categories", catalogue.byCategory(county).keySet());
        model.addAttribute("errors", errors);
        return "requests/catalogue-form";
    }

    @PostMapping("/matters/catalogue")
    @PreAuthorize("hasAuthority('MATTER_CATALOGUE')")
    String publish(@RequestParam Map<String, String> params, @RequestParam(name = "channels", required = false) @Nullable List<String> chosen,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        String county = county(actor);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (chosen != null) {
            chosen.forEach(c -> Channel.fromCode(c).ifPresent(channels::add));
        }
        List<MaterialRow> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("material-name-" + i); i++) {
            MaterialRow row = new MaterialRow(text(params.get("material-code-" + i)), text(params.get("material-name-" + i)),
                    "on".equals(params.get("material-original-" + i)), text(params.get("material-count-" + i)));
            if (!row.name().isEmpty() || !row.code().isEmpty()) {
                rows.add(row);
            }
        }
        try {
            Map<String, String> numberErrors = new LinkedHashMap<>();
            List<CatalogueItem.Material> materials = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                MaterialRow row = rows.get(i);
                materials.add(new CatalogueItem.Material(row.code(), row.name(), row.original(),
                        number(row.count(), "materials[" + i + "].count", numberErrors)));
            }
            int communityDays = number(params.get("communityDays"), "days", numberErrors);
            int townDays = number(params.get("townDays"), "days", numberErrors);
            int countyDays = number(params.get("countyDays"), "days", numberErrors);
            if (!numberErrors.isEmpty()) {
                throw DomainException.invalid(numberErrors);
            }
            CatalogueItem item = catalogue.publish(actor, county, new Catalogue.Draft(text(params.get("code")),
                    text(params.get("category")), text(params.get("name")), split(params.get("aliases"), "[,，、;；\\s]+"),
                    split(params.get("conditions"), "\\R"), materials, channels, communityDays, townDays, countyDays,
                    text(params.get("department")).isEmpty() ? null : text(params.get("department")),
                    "on".equals(params.get("urgent")), text(params.get("whereWhen"))));
            redirect.addFlashAttribute("notice", Messages.text("requests.page.published", item.name(), item.version()));
            return "redirect:/matters/catalogue";
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return form(model, county, params, rows, channels, refusal.errors());
        }
    }

    @PostMapping("/matters/catalogue/{code}/retire")
    @PreAuthorize("hasAuthority('MATTER_CATALOGUE')")
    String retire(@PathVariable String code, RedirectAttributes redirect) {
        CatalogueItem item = catalogue.retire(CurrentActor.get(), county(CurrentActor.get()), code);
        redirect.addFlashAttribute("notice", Messages.text("requests.page.retired", item.name()));
        return "redirect:/matters/catalogue";
    }

    /** The county's departments by name (the catalogue proposes one by the end of its name, e.g. 民政局). */
    private List<String> departments(String county) {
        return units.ofKind(UnitKind.COUNTY_DEPARTMENT, county).stream().filter(Unit::active).map(Unit::name).sorted().toList();
    }

    static String county(Actor actor) {
        List<RegionScope> scopes = actor.scopesFor(Permission.MATTER_CATALOGUE);
        if (scopes.isEmpty()) {
            throw DomainException.notFound(Messages.text("requests.object.item"));
        }
        return scopes.get(0).code().substring(0, 6);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> split(@Nullable String value, String separators) {
        return value == null ? List.of() : Arrays.stream(value.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int number(@Nullable String value, String field, Map<String, String> errors) {
        try {
            return Integer.parseInt(text(value));
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, Messages.text("requests.catalogue.number-invalid"));
            return 0;
        }
    }
}
