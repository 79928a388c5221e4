package cn.wushe.monitoring.web;

import cn.wushe.monitoring.internal.CountyRules;
import cn.wushe.monitoring.internal.FeedKind;
import cn.wushe.monitoring.internal.PolicyFinding;
import cn.wushe.monitoring.internal.PolicyRule;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.Text;
import cn.wushe.platform.web.FormRefusal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The county's comparison rules and 政策找人 rules, set on the data comparison page (数据比对). */
@Controller
class MonitoringRulesPages {

    private final CountyRules rules;
    private final PolicyFinding policy;

    MonitoringRulesPages(CountyRules rules, PolicyFinding policy) {
        this.rules = rules;
        this.policy = policy;
    }

    @PostMapping("/monitoring/rules")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    String change(@RequestParam(required = false) @Nullable String countyCode, @RequestParam(defaultValue = "0") int maxStayDays,
            @RequestParam(required = false) @Nullable String dibaoLineYuan, @RequestParam(defaultValue = "0") int policyQuietDays,
            @RequestParam(defaultValue = "0") long version, RedirectAttributes redirect) {
        return done(redirect, "monitoring.rules.saved", () -> rules.change(CurrentActor.get(), countyCode == null ? "" : countyCode,
                maxStayDays, decimal(dibaoLineYuan, "dibaoLineYuan"), policyQuietDays, version));
    }

    @PostMapping("/monitoring/policy-rules")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    String define(@RequestParam(required = false) @Nullable String countyCode, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable List<String> holds, @RequestParam(required = false) @Nullable List<String> lacks,
            @RequestParam(required = false) @Nullable Integer minAge, @RequestParam(required = false) @Nullable Integer maxAge,
            @RequestParam(required = false) @Nullable Integer minHousehold,
            @RequestParam(required = false) @Nullable Integer maxHousehold,
            @RequestParam(required = false) @Nullable String factKind, @RequestParam(required = false) @Nullable String factMin,
            @RequestParam(required = false) @Nullable String factMax, RedirectAttributes redirect) {
        FeedKind kind = Arrays.stream(FeedKind.values()).filter(k -> k.name().equals(factKind)).findFirst().orElse(null);
        return done(redirect, "monitoring.policy.defined", () -> policy.define(CurrentActor.get(), new PolicyRule.Draft(
                countyCode == null ? "" : countyCode, name, codes(holds), codes(lacks), minAge, maxAge, minHousehold, maxHousehold,
                kind, decimal(factMin, "factMin"), decimal(factMax, "factMax"))));
    }

    @PostMapping("/monitoring/policy-rules/run")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    String run(@RequestParam(required = false) @Nullable String countyCode, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            PolicyFinding.RunResult result = policy.runNow(actor, countyCode == null ? "" : countyCode);
            redirect.addFlashAttribute("notice", Messages.text("monitoring.policy.ran", result.rules(), result.matched(),
                    result.raised()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", FormRefusal.unlessNotFound(e).message());
        }
        return "redirect:/monitoring";
    }

    private static String done(RedirectAttributes redirect, String noticeKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", Messages.text(noticeKey));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", FormRefusal.unlessNotFound(e).message());
        }
        return "redirect:/monitoring";
    }

    static List<String> counties(Actor actor) {
        return actor.scopesFor(Permission.MONITORING_RUN).stream().map(RegionScope::countyCode).distinct().toList();
    }

    /** The ticked categories (the form sends one value per box, none when none is ticked). */
    private static List<String> codes(@Nullable List<String> ticked) {
        return ticked == null ? List.of() : ticked.stream().map(Text::trimToNull).filter(java.util.Objects::nonNull).toList();
    }

    private static @Nullable BigDecimal decimal(@Nullable String raw, String field) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, Messages.text("monitoring.policy.number-invalid"));
        }
    }
}
