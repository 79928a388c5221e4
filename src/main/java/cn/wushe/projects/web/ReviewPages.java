package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.Reviewing;
import java.math.BigDecimal;
import java.util.ArrayList;
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

/** The expert's pages (评审): assigned applications, the blind view, the conflict declaration and scores. */
@Controller
class ReviewPages {

    private final Reviewing reviewing;

    ReviewPages(Reviewing reviewing) {
        this.reviewing = reviewing;
    }

    @GetMapping("/reviews")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String reviews(Model model) {
        model.addAttribute("assignments", reviewing.assignments(CurrentActor.get()));
        return "projects/reviews";
    }

    @GetMapping("/reviews/{id}")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String review(@PathVariable String id, Model model) {
        model.addAttribute("view", reviewing.view(CurrentActor.get(), ProjectWeb.uuid(id)));
        return "projects/review";
    }

    @PostMapping("/reviews/{id}/declaration")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String declare(@PathVariable String id, @RequestParam(defaultValue = "false") boolean conflict,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return PageActions.act(redirect, "/reviews/" + id, () -> {
            reviewing.declare(CurrentActor.get(), ProjectWeb.uuid(id), conflict, reason);
            return conflict ? "/reviews" : "/reviews/" + id;
        });
    }

    @PostMapping("/reviews/{id}/scores")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    String score(@PathVariable String id, @RequestParam(name = "points", required = false) @Nullable List<String> points,
            RedirectAttributes redirect) {
        return PageActions.act(redirect, "/reviews/" + id, () -> {
            reviewing.score(CurrentActor.get(), ProjectWeb.uuid(id), typed(points));
            return "/reviews";
        });
    }

    /** Points as typed: a blank or unreadable one stays empty, so the refusal names its criterion. */
    private static List<@Nullable BigDecimal> typed(@Nullable List<String> points) {
        List<@Nullable BigDecimal> values = new ArrayList<>();
        for (String p : points == null ? List.<String>of() : points) {
            try {
                values.add(p == null || p.isBlank() ? null : new BigDecimal(p.strip()));
            } catch (NumberFormatException e) {
                values.add(null);
            }
        }
        return values;
    }
}
