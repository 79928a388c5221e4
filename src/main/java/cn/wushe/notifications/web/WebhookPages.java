package cn.wushe.notifications.web;

import cn.wushe.notifications.internal.GatewayTest;
import cn.wushe.notifications.internal.Webhooks;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.web.FormRefusal;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counties' notification gateways (通知网关), for the system admin: the webhook URL and the
 * signing secret per county. The secret is write-only: the page never shows it back.
 */
@Controller
class WebhookPages {

    /** The form as typed; the secret is never put back into the page. */
    record WebhookForm(@Nullable String countyCode, @Nullable String url, boolean enabled) {
    }

    private final Webhooks webhooks;
    private final GatewayTest gatewayTest;

    WebhookPages(Webhooks webhooks, GatewayTest gatewayTest) {
        this.webhooks = webhooks;
        this.gatewayTest = gatewayTest;
    }

    @GetMapping("/admin/notifications/webhooks")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String page(@RequestParam(required = false) @Nullable String saved, @RequestParam(required = false) @Nullable String tested,
            Model model) {
        model.addAttribute("saved", saved);
        model.addAttribute("tested", tested);
        return view(model, new WebhookForm("", "", true));
    }

    @PostMapping("/admin/notifications/webhooks")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String save(@RequestParam(required = false) @Nullable String countyCode, @RequestParam(required = false) @Nullable String url,
            @RequestParam(required = false) @Nullable String secret, @RequestParam(defaultValue = "false") boolean enabled,
            HttpServletResponse response, Model model) {
        try {
            Webhooks.Settings saved = webhooks.configure(CurrentActor.get(), countyCode, url, secret, enabled);
            return "redirect:/admin/notifications/webhooks?saved=" + saved.countyCode();
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.of(e).statusOn(response).errors());
            return view(model, new WebhookForm(countyCode, url, enabled));
        }
    }

    /** Sends the admin a test notice through the county's gateway; the page then says it was sent. */
    @PostMapping("/admin/notifications/webhooks/test")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String test(@RequestParam(required = false) @Nullable String countyCode, HttpServletResponse response, Model model) {
        try {
            gatewayTest.send(CurrentActor.get(), countyCode);
            return "redirect:/admin/notifications/webhooks?tested=" + countyCode;
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.of(e).statusOn(response).errors());
            return view(model, new WebhookForm(countyCode, "", true));
        }
    }

    private String view(Model model, WebhookForm form) {
        model.addAttribute("webhooks", webhooks.list(CurrentActor.get()));
        model.addAttribute("form", form);
        return "notifications/webhooks";
    }
}
