package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.volunteering.internal.Honours;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 年度荣誉: nominations from the year's hours, decisions, and the awarded ones' certificates in one download. */
@Controller
class VolunteeringHonourPages {

    private final Honours honours;

    VolunteeringHonourPages(Honours honours) {
        this.honours = honours;
    }

    @GetMapping("/volunteering/honours")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    String page(@RequestParam(required = false) @Nullable Integer year, Model model) {
        Actor actor = CurrentActor.get();
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("honours", honours.list(actor, y));
        model.addAttribute("regions", actor.scopesFor(Permission.HONOUR_AWARD).stream().map(RegionScope::code).toList());
        model.addAttribute("titles", Honours.TITLES);
        return "volunteering/honours";
    }

    private int year(@Nullable Integer year) {
        return honours.yearOrThis(year);
    }

    @PostMapping("/volunteering/honours/nominations")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    String nominate(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String regionCode, @RequestParam(defaultValue = "10") int count,
            RedirectAttributes redirect) {
        int y = year(year);
        try {
            int n = honours.nominateTop(CurrentActor.get(), y, title, regionCode, count);
            redirect.addFlashAttribute("notice", Messages.text("volunteering.honour.nominated", n));
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/honours?year=" + y;
    }

    @PostMapping("/volunteering/honours/nominations/by-hand")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    String nominateByHand(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String regionCode, @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String nominationReason, RedirectAttributes redirect) {
        int y = year(year);
        return Flash.back(redirect, "/volunteering/honours?year=" + y, () -> {
            honours.nominateByHand(CurrentActor.get(), y, title, regionCode, subject, nominationReason);
            return Messages.text("volunteering.honour.nominated-by-hand");
        });
    }

    @PostMapping("/volunteering/honours/{id}/decision")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean award,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable Integer year,
            RedirectAttributes redirect) {
        try {
            honours.decide(CurrentActor.get(), id, award, reason);
            redirect.addFlashAttribute("notice", Messages.text(award ? "volunteering.honour.awarded" : "volunteering.honour.declined"));
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/volunteering/honours?year=" + year(year);
    }

    @PostMapping("/volunteering/honours/certificates")
    @PreAuthorize("hasAuthority('HONOUR_AWARD')")
    Object certificates(@RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String regionCode, RedirectAttributes redirect) {
        int y = year(year);
        Honours.Batch batch;
        try {
            batch = honours.certificates(CurrentActor.get(), y, regionCode);
        } catch (DomainException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/volunteering/honours?year=" + y;
        }
        return Downloads.honourCertificates(batch, y);
    }
}
