package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.projects.internal.AwardDocuments;
import cn.wushe.projects.internal.Awards;
import cn.wushe.projects.internal.StationBrands;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 一站一品 and the yearly selections: the brands of the stations, each selection's ranking, winners
 * and certificates; the county (ROUND_MANAGE) opens a selection, enters nominations and each
 * committee member's total, puts the ranking under publicity, upholds objections and closes it.
 */
@Controller
class AwardPages {

    private static final String MANAGE = "hasAuthority('ROUND_MANAGE')";

    private final Awards awards;
    private final StationBrands brands;
    private final AwardDocuments documents;
    private final String homeCounty;
    private final Clock clock;

    AwardPages(Awards awards, StationBrands brands, AwardDocuments documents,
            @Value("${wushe.home-county:610527}") String homeCounty, Clock clock) {
        this.clock = clock;
        this.awards = awards;
        this.brands = brands;
        this.documents = documents;
        this.homeCounty = homeCounty;
    }

    @GetMapping("/awards")
    @PreAuthorize(AwardApi.READERS)
    String awards(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("brands", brands.brands(actor));
        model.addAttribute("selections", awards.selections(actor));
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE, homeCounty));
        model.addAttribute("countyCode", homeCounty);
        model.addAttribute("categories", Awards.Category.values());
        model.addAttribute("year", LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear() - 1);
        return "projects/awards";
    }

    @GetMapping("/awards/{id}")
    @PreAuthorize(AwardApi.READERS)
    String selection(@PathVariable String id, Model model) {
        Actor actor = CurrentActor.get();
        Awards.Selection s = awards.selection(actor, ProjectWeb.uuid(id));
        model.addAttribute("selection", s);
        model.addAttribute("nominations", awards.nominations(s.id()));
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE, s.countyCode()));
        return "projects/award";
    }

    @PostMapping("/awards")
    @PreAuthorize(MANAGE)
    String open(@RequestParam(required = false) @Nullable String countyCode, @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable Integer winners,
            RedirectAttributes redirect) {
        return PageActions.act(redirect, "/awards",
                () -> "/awards/" + awards.open(CurrentActor.get(), countyCode, year, category, winners).id());
    }

    @PostMapping("/awards/{id}/nominations")
    @PreAuthorize(MANAGE)
    String nominate(@PathVariable String id, @RequestParam(required = false) @Nullable String nominee,
            @RequestParam(required = false) @Nullable String ownerName, @RequestParam(required = false) @Nullable String summary,
            RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> awards.nominate(CurrentActor.get(), ProjectWeb.uuid(id), nominee,
                ownerName, summary));
    }

    @PostMapping("/awards/{id}/nominations/{nomination}/scores")
    @PreAuthorize(MANAGE)
    String score(@PathVariable String id, @PathVariable String nomination, @RequestParam(required = false) @Nullable String member,
            @RequestParam(required = false) @Nullable BigDecimal total, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> awards.score(CurrentActor.get(), ProjectWeb.uuid(id),
                ProjectWeb.uuid(nomination), member, total));
    }

    @PostMapping("/awards/{id}/publicity")
    @PreAuthorize(MANAGE)
    String publicize(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> awards.publicize(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    @PostMapping("/awards/{id}/nominations/{nomination}/objection")
    @PreAuthorize(MANAGE)
    String uphold(@PathVariable String id, @PathVariable String nomination, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> awards.uphold(CurrentActor.get(), ProjectWeb.uuid(id),
                ProjectWeb.uuid(nomination), reason));
    }

    @PostMapping("/awards/{id}/close")
    @PreAuthorize(MANAGE)
    String close(@PathVariable String id, RedirectAttributes redirect) {
        return PageActions.stay(redirect, page(id), () -> documents.close(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    private static String page(String id) {
        return "/awards/" + ProjectWeb.uuid(id);
    }
}
