package cn.wushe.identity.web;

import cn.wushe.identity.internal.SignUpReview;
import cn.wushe.identity.internal.SignUpView;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.FormRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The community worker's sign-up queue (注册审核): pending sign-ups of her communities, confirm or reject. */
@Controller
class SignUpReviewPages {

    private final SignUpReview review;

    SignUpReviewPages(SignUpReview review) {
        this.review = review;
    }

    @GetMapping("/signups")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    String queue(@RequestParam(required = false) @Nullable String decided, @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean showDecided = decided != null;
        Page<SignUpView> found = review.queue(CurrentActor.get(), showDecided, Math.max(0, page));
        model.addAttribute("signUps", found);
        model.addAttribute("decided", showDecided);
        model.addAttribute("times", new Times());
        return "identity/signups";
    }

    @GetMapping("/signups/{id}")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(model, review.detail(CurrentActor.get(), id), Map.of(), null);
    }

    @PostMapping("/signups/{id}/confirm")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    String confirm(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response, Model model) {
        try {
            review.confirm(CurrentActor.get(), id, version);
            return "redirect:/signups/" + id + "?confirmed";
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return detailPage(model, review.detail(CurrentActor.get(), id), refusal.errors(), null);
        }
    }

    @PostMapping("/signups/{id}/reject")
    @PreAuthorize("hasAuthority('SIGNUP_CONFIRM')")
    String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable String reason, HttpServletResponse response, Model model) {
        try {
            review.reject(CurrentActor.get(), id, version, reason);
            return "redirect:/signups/" + id + "?rejected";
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return detailPage(model, review.detail(CurrentActor.get(), id), refusal.errors(), reason);
        }
    }

    private static String detailPage(Model model, SignUpView signUp, Map<String, String> errors, @Nullable String reason) {
        model.addAttribute("signUp", signUp);
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("times", new Times());
        return "identity/signup-review";
    }
}
