package cn.wushe.requests.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.requests.internal.Catalogue;
import cn.wushe.requests.internal.CatalogueItem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 导办（一口清）: public pages — no sign-in, no personal data — that lead a resident to the right
 * item by words or by a few questions and show everything needed: materials, conditions, where and
 * when, channels, time limit.
 */
@Controller
class GuidePages {

    private final Catalogue catalogue;
    private final String homeCounty;

    GuidePages(Catalogue catalogue, @Value("${wushe.home-county:610527}") String homeCounty) {
        this.catalogue = catalogue;
        this.homeCounty = homeCounty;
    }

    @GetMapping("/guide")
    String guide(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer question,
            @RequestParam(required = false) @Nullable Integer answer, Model model) {
        List<Catalogue.Question> questions = catalogue.questions(homeCounty);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("questions", questions);
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", catalogue.search(homeCounty, q));
        } else if (question != null && answer != null && question >= 0 && question < questions.size()
                && answer >= 0 && answer < questions.get(question).answers().size()) {
            Catalogue.Answer chosen = questions.get(question).answers().get(answer);
            model.addAttribute("chosen", chosen.label());
            model.addAttribute("results", chosen.items().stream()
                    .map(code -> catalogue.activeByCode(homeCounty, code)).flatMap(java.util.Optional::stream).toList());
        } else {
            model.addAttribute("categories", catalogue.byCategory(homeCounty));
        }
        return "requests/guide";
    }

    @GetMapping("/guide/items/{code}")
    String item(@PathVariable String code, Model model) {
        CatalogueItem item = catalogue.activeByCode(homeCounty, code)
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.item")));
        model.addAttribute("item", item);
        return "requests/guide-item";
    }
}
