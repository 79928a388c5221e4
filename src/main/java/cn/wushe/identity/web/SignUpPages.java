package cn.wushe.identity.web;

import cn.wushe.identity.internal.SignUpKind;
import cn.wushe.identity.internal.SignUpValidation;
import cn.wushe.identity.internal.SignUpView;
import cn.wushe.identity.internal.SigningUp;
import cn.wushe.platform.RateLimits;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up (注册) as the public sees it: choose 居民 or 志愿者, fill in the form (community picked
 * town first, then community, loaded with htmx), and one answer page the same for every accepted
 * form, whether the number was new or not. Then, signed in, the applicant's own status page.
 */
@Controller
class SignUpPages {

    /** A sign-up form as posted; the password is never shown back. */
    record SignUpForm(@Nullable String realName, @Nullable String phone, @Nullable String identityNumber,
            @Nullable String townCode, @Nullable String communityCode, @Nullable String password,
            @Nullable String repeatPassword) {

        static SignUpForm empty() {
            return new SignUpForm(null, null, null, null, null, null, null);
        }
    }

    private final SigningUp signingUp;
    private final Regions regions;
    private final String county;

    SignUpPages(SigningUp signingUp, Regions regions,
            @Value("${wushe.home-county:610527}") String county) {
        this.signingUp = signingUp;
        this.regions = regions;
        this.county = county;
    }

    @GetMapping("/signup")
    @PreAuthorize("permitAll()")
    String choose() {
        return "identity/signup-choose";
    }

    @GetMapping("/signup/resident")
    @PreAuthorize("permitAll()")
    String residentForm(Model model) {
        return form(model, SignUpKind.RESIDENT, SignUpForm.empty(), Map.of());
    }

    @GetMapping("/signup/volunteer")
    @PreAuthorize("permitAll()")
    String volunteerForm(Model model) {
        return form(model, SignUpKind.VOLUNTEER, SignUpForm.empty(), Map.of());
    }

    @PostMapping("/signup/resident")
    @PreAuthorize("permitAll()")
    String signUpResident(SignUpForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit(SignUpKind.RESIDENT, form, request, response, model);
    }

    @PostMapping("/signup/volunteer")
    @PreAuthorize("permitAll()")
    String signUpVolunteer(SignUpForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit(SignUpKind.VOLUNTEER, form, request, response, model);
    }

    /** The communities (村/社区) of one town of the county, as the form's second select (htmx). */
    @GetMapping("/signup/communities")
    @PreAuthorize("permitAll()")
    String communities(@RequestParam(required = false) @Nullable String townCode, Model model) {
        model.addAttribute("communities", communitiesOf(townCode));
        model.addAttribute("selected", "");
        model.addAttribute("errors", Map.of());
        return "identity/signup-form :: communitySelect";
    }

    /** The one answer for every accepted form (no enumeration of numbers already signed up). */
    @GetMapping("/signup/sent")
    @PreAuthorize("permitAll()")
    String sent() {
        return "identity/signup-sent";
    }

    @GetMapping("/signup/status")
    @PreAuthorize("isAuthenticated()")
    String status(Model model, HttpServletRequest request) {
        SignUpView view = signingUp.mine(CurrentActor.get()).orElse(null);
        model.addAttribute("signUp", view);
        model.addAttribute("withdrawFailed", request.getParameter("stale") != null);
        model.addAttribute("times", new Times());
        return "identity/signup-status";
    }

    @PostMapping("/signup/withdraw")
    @PreAuthorize("isAuthenticated()")
    String withdraw(@RequestParam long version, HttpServletRequest request) throws ServletException {
        try {
            signingUp.withdraw(CurrentActor.get(), version);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            return "redirect:/signup/status?stale";
        }
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return "redirect:/signup/sent?withdrawn";
    }

    private String submit(SignUpKind kind, SignUpForm form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            signingUp.submit(new SignUpValidation.Application(kind, form.realName(), form.phone(), form.identityNumber(),
                    form.communityCode(), form.password(), form.repeatPassword()), request.getRemoteAddr());
            return "redirect:/signup/sent";
        } catch (DuplicateKeyException e) {
            // the same number (or volunteer identity number) submitted twice at once: the second lost the
            // race to the unique index and created nothing; it gets the answer every repeat gets
            return "redirect:/signup/sent";
        } catch (DomainException e) {
            if (e instanceof RateLimits.RateLimited) {
                throw e;
            }
            return form(model, kind, form, FormRefusal.of(e).statusOn(response).errors());
        }
    }

    private String form(Model model, SignUpKind kind, SignUpForm form, Map<String, String> errors) {
        String town = form.townCode() != null && !form.townCode().isBlank() ? form.townCode()
                : form.communityCode() != null && form.communityCode().length() >= 9 ? form.communityCode().substring(0, 9) : null;
        model.addAttribute("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("kindLabel", kind.label());
        model.addAttribute("volunteer", kind == SignUpKind.VOLUNTEER);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("towns", regions.children(county));
        model.addAttribute("town", town == null ? "" : town);
        model.addAttribute("communities", communitiesOf(town));
        model.addAttribute("selected", form.communityCode() == null ? "" : form.communityCode());
        model.addAttribute("window", signingUp.attemptWindow().toMinutes());
        return "identity/signup-form";
    }

    private List<Region> communitiesOf(@Nullable String town) {
        if (town == null || !town.matches("[0-9]{9}") || !town.startsWith(county)) {
            return List.of();
        }
        return regions.children(town).stream().filter(r -> r.level() == ScopeLevel.COMMUNITY).toList();
    }
}
