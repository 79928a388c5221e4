package cn.wushe.monitoring.web;

import cn.wushe.monitoring.internal.FeedComparison;
import cn.wushe.monitoring.internal.FeedKind;
import cn.wushe.monitoring.internal.FeedRun;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data comparison page: upload a department file, see the runs and one run's rejected rows. */
@Controller
class MonitoringPages {

    private final FeedComparison comparison;
    private final cn.wushe.monitoring.internal.CountyRules rules;
    private final cn.wushe.monitoring.internal.PolicyFinding policy;

    MonitoringPages(FeedComparison comparison, cn.wushe.monitoring.internal.CountyRules rules,
            cn.wushe.monitoring.internal.PolicyFinding policy) {
        this.comparison = comparison;
        this.rules = rules;
        this.policy = policy;
    }

    @GetMapping("/monitoring")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    String index(Model model) {
        return page(model, CurrentActor.get(), null, null);
    }

    private String page(Model model, Actor actor, @Nullable String error, @Nullable String problem) {
        model.addAttribute("kinds", FeedKind.values());
        List<cn.wushe.registry.CategoryName> categories = policy.categories();
        model.addAttribute("categories", categories.stream().filter(cn.wushe.registry.CategoryName::active).toList());
        model.addAttribute("categoryNames", categories.stream().collect(java.util.stream.Collectors.toMap(
                cn.wushe.registry.CategoryName::code, cn.wushe.registry.CategoryName::name)));
        List<String> counties = MonitoringRulesPages.counties(actor);
        model.addAttribute("counties", counties);
        model.addAttribute("countyRules", counties.stream().map(c -> rules.read(actor, c)).toList());
        model.addAttribute("policyRules", policy.list(actor));
        model.addAttribute("runs", comparison.list(actor, 0, 20));
        model.addAttribute("error", error);
        model.addAttribute("problem", problem);
        return "monitoring/index";
    }

    @PostMapping("/monitoring/feeds")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    String run(@RequestParam(required = false) @Nullable String countyCode,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        Actor actor = CurrentActor.get();
        FeedKind parsed = List.of(FeedKind.values()).stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        try {
            FeedRun run = comparison.run(actor, countyCode, parsed,
                    file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("notice", Messages.text("monitoring.run-done", run.matched(), run.alerts(), run.rejected()));
            return "redirect:/monitoring/runs/" + run.id();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return page(model, actor, String.join("；", refusal.fieldErrors().values()), refusal.general());
        }
    }

    @GetMapping("/monitoring/runs/{id}")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    String run(@PathVariable UUID id, Model model) {
        model.addAttribute("run", comparison.find(CurrentActor.get(), id)
                .orElseThrow(() -> DomainException.notFound(Messages.text("monitoring.subject.run"))));
        return "monitoring/run";
    }
}
