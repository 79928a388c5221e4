package cn.wushe.identity.web;

import cn.wushe.identity.internal.SecuritySettings;
import cn.wushe.identity.security.LoginResponses;
import cn.wushe.identity.security.RememberMe;
import cn.wushe.platform.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (登录); the form posts to Spring Security's {@code POST /login}. */
@Controller
class LoginPage {

    private final SecuritySettings settings;

    LoginPage(SecuritySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(HttpServletRequest request, Model model) {
        if (request.getAttribute(RememberMe.RESUMED) != null) {
            // a remembered phone reached the login page (after a form met an ended session): it is signed in again
            return "redirect:/";
        }
        HttpSession session = request.getSession(false);
        String refusal = take(session, LoginResponses.MESSAGE);
        String typed = take(session, LoginResponses.TYPED_USERNAME);
        if (request.getParameter("error") != null) {
            model.addAttribute("error", refusal == null ? Messages.text("identity.login.refused") : refusal);
        } else if (request.getParameter("expired") != null) {
            model.addAttribute("notice", Messages.text("identity.login.timed-out"));
        } else if (request.getParameter("logout") != null) {
            model.addAttribute("notice", Messages.text("identity.login.signed-out"));
        }
        model.addAttribute("username", typed == null ? "" : typed);
        model.addAttribute("maxFailures", settings.lockout().maxFailures());
        model.addAttribute("lockMinutes", settings.lockout().duration().toMinutes());
        return "identity/login";
    }

    private static @Nullable String take(@Nullable HttpSession session, String attribute) {
        if (session == null) {
            return null;
        }
        Object value = session.getAttribute(attribute);
        session.removeAttribute(attribute);
        return value == null ? null : value.toString();
    }
}
