package cn.wushe.identity.web;

import cn.wushe.identity.internal.RememberedDevices;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.identity.security.RememberMe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 保持登录的设备: the holder's remembered phones and browsers (created, last used, which browser),
 * each signed out on its own or all at once. Any signed-in user may open it; only volunteer-only
 * accounts ever have devices here.
 */
@Controller
class RememberedDevicePages {

    /** A device as listed; {@code current} marks the browser showing the page. */
    record DeviceRow(UUID id, String userAgent, String created, String lastUsed, String expires, boolean current) {
    }

    private final RememberedDevices devices;

    RememberedDevicePages(RememberedDevices devices) {
        this.devices = devices;
    }

    @GetMapping("/account/devices")
    @PreAuthorize("isAuthenticated()")
    String page(HttpServletRequest request, Model model) {
        SignedInUser user = Views.user();
        String here = RememberMe.series(request);
        List<DeviceRow> rows = devices.of(user.id()).stream()
                .map(d -> new DeviceRow(d.id(), d.userAgent(), Views.time(d.createdAt()), Views.time(d.lastUsedAt()),
                        Views.time(d.expiresAt()), Objects.equals(d.series(), here)))
                .toList();
        model.addAttribute("devices", rows);
        model.addAttribute("eligible", devices.eligible(user));
        model.addAttribute("lifetimeDays", RememberedDevices.LIFETIME.toDays());
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        return "identity/devices";
    }

    @PostMapping("/account/devices/{id}/sign-out")
    @PreAuthorize("isAuthenticated()")
    String signOut(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        SignedInUser user = Views.user();
        String here = RememberMe.series(request);
        boolean current = here != null && devices.of(user.id()).stream()
                .anyMatch(d -> d.id().equals(id) && d.series().equals(here));
        devices.signOut(user, id);
        if (current) {
            RememberMe.clear(request, response);
        }
        return "redirect:/account/devices?signed-out";
    }

    @PostMapping("/account/devices/sign-out-all")
    @PreAuthorize("isAuthenticated()")
    String signOutAll(HttpServletRequest request, HttpServletResponse response) {
        devices.signOutAll(Views.user());
        RememberMe.clear(request, response);
        return "redirect:/account/devices?signed-out";
    }
}
