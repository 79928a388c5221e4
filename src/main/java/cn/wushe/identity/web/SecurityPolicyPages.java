package cn.wushe.identity.web;

import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.SecondFactors;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.web.ErrorPages;
import cn.wushe.platform.web.FormRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 安全策略 page: which accounts of the security admin's county must sign in with a second factor. */
@Controller
class SecurityPolicyPages {

    /** One role the policy may name, with its Chinese name and whether the policy names it. */
    record RoleChoice(String code, String label, boolean chosen) {
    }

    private final SecondFactors secondFactors;

    SecurityPolicyPages(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping("/admin/security-policy")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String page(@RequestParam(required = false) @Nullable String county, Model model) {
        fill(model, county(CurrentActor.get(), county));
        return "identity/admin/security-policy";
    }

    @PostMapping("/admin/security-policy")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String save(@RequestParam String county, @RequestParam(defaultValue = "false") boolean everyone,
            @RequestParam(required = false) @Nullable List<String> roles, RedirectAttributes redirect) {
        secondFactors.setCountyPolicy(CurrentActor.get(), county,
                new SecondFactors.CountyPolicy(everyone, roles == null ? Set.of() : Set.copyOf(roles)));
        redirect.addFlashAttribute("notice", Messages.text("identity.security-policy.saved"));
        redirect.addAttribute("county", county);
        return "redirect:/admin/security-policy";
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        String county = request.getParameter("county");
        if (e.status() == 404 || e.status() == 403) {
            return ErrorPages.of(e);
        }
        FormRefusal refusal = FormRefusal.of(e).statusOn(response);
        ModelAndView page = new ModelAndView("identity/admin/security-policy");
        fill(page.getModelMap(), county(CurrentActor.get(), county));
        page.addObject("error", refusal.message());
        return page;
    }

    private void fill(org.springframework.ui.ModelMap model, String county) {
        SecondFactors.CountyPolicy policy = secondFactors.countyPolicy(county);
        model.addAttribute("county", county);
        model.addAttribute("counties", counties(CurrentActor.get()));
        model.addAttribute("everyone", policy.everyone());
        model.addAttribute("roles", SecondFactors.policyRoles().stream()
                .map(code -> new RoleChoice(code, Role.valueOf(code).label(), policy.roles().contains(code))).toList());
    }

    private void fill(Model model, String county) {
        org.springframework.ui.ModelMap map = new org.springframework.ui.ModelMap();
        fill(map, county);
        model.addAllAttributes(map);
    }

    /** The counties the security admin administers (a county-level ROLE_MANAGE scope each). */
    private static List<String> counties(Actor actor) {
        return actor.scopesFor(Permission.ROLE_MANAGE).stream().map(RegionScope::code).filter(c -> c.length() == 6).toList();
    }

    /** The county asked for if it is the admin's, else the admin's first; 403 for an admin of no county. */
    private static String county(Actor actor, @Nullable String asked) {
        List<String> counties = counties(actor);
        if (counties.isEmpty()) {
            throw DomainException.forbidden(Messages.text("identity.second-factor.policy-action"));
        }
        return asked != null && counties.contains(asked) ? asked : counties.get(0);
    }
}
