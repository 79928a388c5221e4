package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.projects.internal.Library;
import cn.wushe.projects.internal.Round;
import java.math.BigDecimal;
import java.util.List;
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
 * The project library's page (项目库): search by text, field and cost per beneficiary, entries due
 * for the yearly re-check, the county's keep or exit, and a station's 点单 for one of its communities
 * into an open round (the draft then waits for the organization).
 */
@Controller
class LibraryPages {

    private final Library library;

    LibraryPages(Library library) {
        this.library = library;
    }

    @GetMapping("/library")
    @PreAuthorize(LibraryApi.READERS)
    String library(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable BigDecimal maxCost, @RequestParam(defaultValue = "false") boolean due,
            Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("entries", library.search(actor, new Library.Search(q, field, null, maxCost, due), 50));
        model.addAttribute("q", q);
        model.addAttribute("field", field);
        model.addAttribute("maxCost", maxCost);
        model.addAttribute("due", due);
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE));
        boolean mayOrder = actor.can(Permission.ROUND_MANAGE) || actor.can(Permission.PROJECT_VIEW);
        model.addAttribute("mayOrder", mayOrder);
        List<Round> open = mayOrder ? library.openRounds(actor) : List.of();
        model.addAttribute("openRounds", open);
        model.addAttribute("orders", mayOrder ? library.orders(actor) : List.of());
        return "projects/library";
    }

    @PostMapping("/library/{id}/orders")
    @PreAuthorize("hasAnyAuthority('PROJECT_VIEW', 'ROUND_MANAGE')")
    String order(@PathVariable String id, @RequestParam(required = false) @Nullable String communityCode,
            @RequestParam(required = false) @Nullable String roundId, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/library", () -> library.order(CurrentActor.get(), ProjectWeb.uuid(id), communityCode,
                roundId == null || roundId.isBlank() ? null : ProjectWeb.uuid(roundId), note));
    }

    @PostMapping("/library/{id}/recheck")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String recheck(@PathVariable String id, @RequestParam(defaultValue = "true") boolean keep,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return PageActions.stay(redirect, "/library", () -> library.recheck(CurrentActor.get(), ProjectWeb.uuid(id), keep, reason));
    }
}
