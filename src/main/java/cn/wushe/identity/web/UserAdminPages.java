package cn.wushe.identity.web;

import cn.wushe.platform.web.FormRefusal;
import cn.wushe.identity.internal.AccountAdministration;
import cn.wushe.identity.internal.AccountAdministration.NewAccount;
import cn.wushe.identity.internal.AccountView;
import cn.wushe.identity.internal.MembershipAdministration;
import cn.wushe.platform.Page;
import cn.wushe.identity.internal.RegionDirectory;
import cn.wushe.identity.internal.UserAccounts;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** User administration (用户管理) for the system administrator. */
@Controller
class UserAdminPages {

    record CreateForm(@Nullable String username, @Nullable String displayName, @Nullable String phone,
            @Nullable String homeRegionCode) {

        static final CreateForm EMPTY = new CreateForm("", "", "", "");
    }

    private final AccountAdministration administration;
    private final MembershipAdministration memberships;
    private final RegionDirectory regions;

    UserAdminPages(AccountAdministration administration, MembershipAdministration memberships, RegionDirectory regions) {
        this.administration = administration;
        this.memberships = memberships;
        this.regions = regions;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        return listPage(q, page, CreateForm.EMPTY, model);
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String create(CreateForm form, HttpServletResponse response, Model model) {
        try {
            AccountAdministration.Issued issued = administration.create(CurrentActor.get(), new NewAccount(
                    nz(form.username()), nz(form.displayName()), form.phone(), nz(form.homeRegionCode())));
            model.addAttribute("initialPassword", issued.initialPassword());
            model.addAttribute("issuedFor", Messages.text("identity.account.issued-for-new"));
            return detailPage(issued.account(), model);
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.of(e).statusOn(response).errors());
            model.addAttribute("showCreate", true);
            return listPage("", 0, form, model);
        }
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(administration.view(CurrentActor.get(), id), model);
    }

    @PostMapping("/admin/users/{id}/disable")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String disable(@PathVariable UUID id, HttpServletResponse response, Model model) {
        return act(id, () -> administration.disable(CurrentActor.get(), id, null), Messages.text("identity.account.disabled-done"), response, model);
    }

    @PostMapping("/admin/users/{id}/enable")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String enable(@PathVariable UUID id, HttpServletResponse response, Model model) {
        return act(id, () -> administration.enable(CurrentActor.get(), id, null), Messages.text("identity.account.enabled-done"), response, model);
    }

    @PostMapping("/admin/users/{id}/unlock")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String unlock(@PathVariable UUID id, HttpServletResponse response, Model model) {
        return act(id, () -> administration.unlock(CurrentActor.get(), id), Messages.text("identity.account.unlocked-done"), response, model);
    }

    @PostMapping("/admin/users/{id}/reset-password")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String resetPassword(@PathVariable UUID id, HttpServletResponse response, Model model) {
        try {
            AccountAdministration.Issued issued = administration.resetPassword(CurrentActor.get(), id, null);
            model.addAttribute("initialPassword", issued.initialPassword());
            model.addAttribute("issuedFor", Messages.text("identity.account.issued-for-reset"));
            return detailPage(issued.account(), model);
        } catch (DomainException e) {
            return refused(id, e, response, model);
        }
    }

    @PostMapping("/admin/users/{id}/units")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String attach(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(defaultValue = "false") boolean primary, HttpServletResponse response, Model model) {
        return member(id, () -> Messages.text("identity.membership.attached-done",
                memberships.attach(CurrentActor.get(), id, unitId, primary).name()), response, model);
    }

    @PostMapping("/admin/users/{id}/units/{unitId}/remove")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String detach(@PathVariable UUID id, @PathVariable UUID unitId, HttpServletResponse response, Model model) {
        return member(id, () -> Messages.text("identity.membership.detached-done",
                memberships.detach(CurrentActor.get(), id, unitId).name()), response, model);
    }

    @PostMapping("/admin/users/{id}/units/{unitId}/primary")
    @PreAuthorize("hasAuthority('USER_MANAGE')")
    String makePrimary(@PathVariable UUID id, @PathVariable UUID unitId, HttpServletResponse response, Model model) {
        return member(id, () -> Messages.text("identity.membership.primary-done",
                memberships.makePrimary(CurrentActor.get(), id, unitId).name()), response, model);
    }

    /** A membership change, then the account's page with the outcome (refusals beside the unit field). */
    private String member(UUID id, Supplier<String> change, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("done", change.get());
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.unlessNotFound(e).statusOn(response).errors());
        }
        return detailPage(administration.view(CurrentActor.get(), id), model);
    }

    private String act(UUID id, Supplier<AccountView> action, String done, HttpServletResponse response, Model model) {
        try {
            AccountView account = action.get();
            model.addAttribute("done", done);
            return detailPage(account, model);
        } catch (DomainException e) {
            return refused(id, e, response, model);
        }
    }

    /** Outside scope stays a plain 404; other refusals are shown on the account's page. */
    private String refused(UUID id, DomainException e, HttpServletResponse response, Model model) {
        model.addAttribute("errors", FormRefusal.unlessNotFound(e).statusOn(response).errors());
        return detailPage(administration.view(CurrentActor.get(), id), model);
    }

    private String listPage(String q, int page, CreateForm form, Model model) {
        Page<UserAccounts.Summary> users = administration.list(CurrentActor.get(), q, page);
        model.addAttribute("users", users);
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        model.addAttribute("times", new Times());
        model.addAttribute("homeChoices", regions.choices(CurrentActor.get(), cn.wushe.platform.Permission.USER_MANAGE, false));
        return "identity/admin/users";
    }

    private String detailPage(AccountView account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("unitName", regions.describe(account.homeRegionCode()));
        model.addAttribute("times", new Times());
        model.addAttribute("self", account.id().equals(CurrentActor.get().id()));
        model.addAttribute("memberships", memberships.of(CurrentActor.get(), account.id()));
        model.addAttribute("unitChoices", memberships.choices(CurrentActor.get()));
        return "identity/admin/user";
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
