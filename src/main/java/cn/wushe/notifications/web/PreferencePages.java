package cn.wushe.notifications.web;

import cn.wushe.notifications.internal.Channel;
import cn.wushe.notifications.internal.Preferences;
import cn.wushe.platform.CurrentActor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's choice of which kinds reach them on which channel (通知设置). */
@Controller
class PreferencePages {

    private final Preferences preferences;

    PreferencePages(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/account/notifications")
    @PreAuthorize("isAuthenticated()")
    String page(@RequestParam(required = false) @Nullable String saved, Model model) {
        model.addAttribute("choices", preferences.of(CurrentActor.get()));
        model.addAttribute("saved", saved != null);
        return "notifications/preferences";
    }

    /** @param on the checked boxes, each {@code <kind code>/<channel>}; anything else is ignored */
    @PostMapping("/account/notifications")
    @PreAuthorize("isAuthenticated()")
    String save(@RequestParam(name = "on", required = false) @Nullable List<String> on) {
        Set<Preferences.Switch> enabled = new HashSet<>();
        for (String value : on == null ? List.<String>of() : on) {
            int slash = value.lastIndexOf('/');
            if (slash > 0) {
                for (Channel channel : Channel.values()) {
                    if (channel.name().equals(value.substring(slash + 1))) {
                        enabled.add(new Preferences.Switch(value.substring(0, slash), channel));
                    }
                }
            }
        }
        preferences.choose(CurrentActor.get(), enabled);
        return "redirect:/account/notifications?saved";
    }
}
