package cn.wushe.projects.web;

import cn.wushe.projects.internal.ProjectQueries;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages without personal data (公开): the county's funded projects and recommendations under
 * publicity (公示), and the project library (项目库) searchable by text, field and cost per beneficiary.
 * Only organizations, titles, fields, amounts and results are read; never a person.
 */
@Controller
class PublicProjectPages {

    private final ProjectQueries queries;
    private final String homeCounty;

    PublicProjectPages(ProjectQueries queries, @Value("${wushe.home-county:610527}") String homeCounty) {
        this.queries = queries;
        this.homeCounty = homeCounty;
    }

    @GetMapping("/public/projects")
    String projects(@RequestParam(required = false) @Nullable String county, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable BigDecimal maxCost,
            @RequestParam(defaultValue = "false") boolean library, Model model) {
        String where = county != null && county.matches("[0-9]{6}") ? county : homeCounty;
        model.addAttribute("projects", queries.publicProjects(where, library, q, field, maxCost, 200));
        model.addAttribute("library", library);
        model.addAttribute("q", q);
        model.addAttribute("field", field);
        model.addAttribute("maxCost", maxCost);
        model.addAttribute("county", where);
        return "projects/public";
    }
}
