package cn.wushe.workbench.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The large-type, high-contrast mode (适老化): switched on once and kept in a long-lived cookie on
 * that phone or desk, also before login.
 */
@Controller
@ControllerAdvice
class DisplayPreferences {

    static final String COOKIE = "wushe_large_type";

    @ModelAttribute("largeType")
    boolean largeType(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && "1".equals(c.getValue())) {
                return true;
            }
        }
        return false;
    }

    @PostMapping("/prefs/large-type")
    String toggle(@RequestParam boolean on, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(COOKIE, on ? "1" : "0");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(on ? (int) Duration.ofDays(3650).toSeconds() : 0);
        response.addCookie(cookie);
        return "redirect:" + sameOriginPath(request.getHeader("Referer"));
    }

    /** Only a path on this site: an open redirect through the referrer is not possible. */
    static String sameOriginPath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
