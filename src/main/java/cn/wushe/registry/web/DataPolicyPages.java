package cn.wushe.registry.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.web.ErrorPages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.registry.exports.ExportPolicies;
import cn.wushe.registry.internal.RetentionPurge;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 数据保留与导出策略: the security admin sets how long the county keeps closed records (the
 * retention purge) and above how many people an unmasked export needs a second person's approval.
 */
@Controller
class DataPolicyPages {

    private final RetentionPurge retention;
    private final ExportPolicies exports;
    private final TransactionTemplate transaction;

    DataPolicyPages(RetentionPurge retention, ExportPolicies exports, TransactionTemplate transaction) {
        this.retention = retention;
        this.exports = exports;
        this.transaction = transaction;
    }

    @GetMapping("/admin/data-policy")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    ModelAndView page(@RequestParam(required = false) @Nullable String county) {
        ModelAndView page = new ModelAndView("registry/data-policy");
        fill(page.getModelMap(), county(CurrentActor.get(), county));
        return page;
    }

    /** Both settings in one transaction: a refused one leaves the other unchanged too. */
    @PostMapping("/admin/data-policy")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String save(@RequestParam String county, @RequestParam(required = false) @Nullable Integer retentionDays,
            @RequestParam(required = false) @Nullable Integer approvalThreshold, RedirectAttributes redirect) {
        Actor admin = CurrentActor.get();
        transaction.executeWithoutResult(status -> {
            if (retentionDays != null) {
                retention.setRetention(admin, county, retentionDays);
            }
            if (approvalThreshold != null) {
                exports.setThreshold(admin, county, approvalThreshold);
            }
        });
        redirect.addFlashAttribute("notice", Messages.text("registry.data-policy.saved"));
        redirect.addAttribute("county", county);
        return "redirect:/admin/data-policy";
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        String county = request.getParameter("county");
        if (e.status() == 404 || e.status() == 403) {
            return ErrorPages.of(e);
        }
        FormRefusal refusal = FormRefusal.of(e).statusOn(response);
        ModelAndView page = new ModelAndView("registry/data-policy");
        fill(page.getModelMap(), county(CurrentActor.get(), county));
        page.addObject("errors", refusal.fieldErrors());
        return page;
    }

    private void fill(ModelMap model, String county) {
        OptionalInt days = retention.retention(county);
        model.addAttribute("county", county);
        model.addAttribute("counties", counties(CurrentActor.get()));
        model.addAttribute("retentionDays", days.isPresent() ? days.getAsInt() : null);
        model.addAttribute("minDays", RetentionPurge.MIN_DAYS);
        model.addAttribute("maxDays", RetentionPurge.MAX_DAYS);
        model.addAttribute("approvalThreshold", exports.threshold(county));
    }

    private static List<String> counties(Actor actor) {
        return actor.scopesFor(Permission.ROLE_MANAGE).stream().map(RegionScope::code).filter(c -> c.length() == 6).toList();
    }

    private static String county(Actor actor, @Nullable String asked) {
        List<String> counties = counties(actor);
        if (counties.isEmpty()) {
            throw DomainException.forbidden(Messages.text("registry.retention.policy-action"));
        }
        return asked != null && counties.contains(asked) ? asked : counties.get(0);
    }
}
