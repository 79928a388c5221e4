package cn.wushe.volunteering.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.volunteering.internal.Deeds;
import cn.wushe.volunteering.internal.Points;
import cn.wushe.volunteering.internal.PointsAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The points store's counter (积分超市): goods and the monthly 台账, redemptions by a volunteer's card
 * or a resident's points account, good deeds awarded, residents' accounts opened, carded and merged
 * into a volunteer.
 */
@Controller
class VolunteeringStorePages {

    private final Points points;
    private final Deeds deeds;
    private final PointsAccounts accounts;

    VolunteeringStorePages(Points points, Deeds deeds, PointsAccounts accounts) {
        this.points = points;
        this.deeds = deeds;
        this.accounts = accounts;
    }

    @GetMapping("/volunteering/store")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    String store(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("goods", points.goods(actor));
        model.addAttribute("monthly", points.monthly(actor));
        model.addAttribute("deeds", deeds.list(actor));
        model.addAttribute("accounts", accounts.list(actor));
        model.addAttribute("communities", actor.scopesFor(Permission.POINTS_REDEEM).stream().map(s -> s.code())
                .filter(c -> c.length() == 12).toList());
        return "volunteering/store";
    }

    @PostMapping("/volunteering/store/accounts")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    String openAccount(@RequestParam(required = false) @Nullable String communityCode, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String phone, RedirectAttributes redirect) {
        return Flash.back(redirect, "/volunteering/store", () -> {
            accounts.open(CurrentActor.get(), communityCode, name, phone);
            return Messages.text("volunteering.account.opened", name);
        });
    }

    @PostMapping("/volunteering/store/accounts/{id}/attach")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    String attachAccount(@PathVariable UUID id, @RequestParam(required = false) @Nullable String card, RedirectAttributes redirect) {
        return Flash.back(redirect, "/volunteering/store", () -> {
            PointsAccounts.Attached a = accounts.attach(CurrentActor.get(), id, card);
            return Messages.text("volunteering.account.attached", a.volunteerName(), a.merged());
        });
    }

    @GetMapping("/volunteering/store/accounts/{id}/card.png")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    ResponseEntity<byte[]> accountCard(@PathVariable UUID id) {
        return Downloads.qr(accounts.cardCode(CurrentActor.get(), id));
    }

    @PostMapping("/volunteering/store/deed-awards")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    String awardDeed(@RequestParam(required = false) @Nullable String card, @RequestParam(required = false) @Nullable UUID deedId,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return Flash.back(redirect, "/volunteering/store", () -> {
            Deeds.Awarded a = deeds.award(CurrentActor.get(), card, deedId, note);
            return Messages.text("volunteering.deed.awarded", a.volunteerName(), a.points(), a.deedName(), a.balanceAfter());
        });
    }

    @PostMapping("/volunteering/store/redemptions")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    String redeem(@RequestParam(required = false) @Nullable String card, @RequestParam(required = false) @Nullable UUID goodsId,
            @RequestParam(defaultValue = "1") int quantity, Model model, HttpServletResponse response) {
        try {
            if (goodsId == null) {
                throw DomainException.invalid("goodsId", Messages.text("volunteering.goods.not-found"));
            }
            model.addAttribute("redeemed", points.redeem(CurrentActor.get(), card, goodsId, quantity));
        } catch (DomainException e) {
            model.addAttribute("problem", FormRefusal.unlessNotFound(e).statusOn(response).message());
        }
        return store(model);
    }
}
