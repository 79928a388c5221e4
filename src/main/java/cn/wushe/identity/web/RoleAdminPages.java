package cn.wushe.identity.web;

import cn.wushe.platform.web.FormRefusal;
import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.identity.internal.AccountAdministration;
import cn.wushe.identity.internal.RegionDirectory;
import cn.wushe.identity.internal.RoleAdministration;
import cn.wushe.identity.internal.RoleAdministration.GrantRequest;
import cn.wushe.identity.internal.UnitDirectory;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitKind;
import java.util.EnumSet;
import java.util.Set;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Role assignment (角色授权) for the security administrator. */
@Controller
class RoleAdminPages {

    record GrantForm(@Nullable String role, @Nullable String scopeCode, @Nullable UUID unitId) {
    }

    /** A role as offered in the grant form, with the level its scope must have. */
    record RoleOption(String code, String label, String level, int digits) {

        static List<RoleOption> all() {
            return Arrays.stream(Role.values()).map(r -> new RoleOption(r.name(), r.label(),
                    r.scopeLevel().label(), r.scopeLevel().digits())).toList();
        }
    }

    /** An assignment as listed, with the scope's name. */
    record AssignmentRow(UUID id, String role, String roleLabel, String scopeCode, String scopeName,
            @Nullable UUID unitId, @Nullable String unitName) {
    }

    private final RoleAdministration administration;
    private final AccountAdministration directory;
    private final RegionDirectory regions;
    private final UnitDirectory units;

    RoleAdminPages(RoleAdministration administration, AccountAdministration directory, RegionDirectory regions,
            UnitDirectory units) {
        this.administration = administration;
        this.directory = directory;
        this.regions = regions;
        this.units = units;
    }

    @GetMapping("/admin/roles")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String users(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("users", directory.list(CurrentActor.get(), q, page));
        model.addAttribute("q", q);
        model.addAttribute("times", new Times());
        return "identity/admin/roles";
    }

    @GetMapping("/admin/roles/{userId}")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String holder(@PathVariable UUID userId, Model model) {
        return holderPage(userId, new GrantForm(null, null, null), model);
    }

    @PostMapping("/admin/roles/{userId}")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String grant(@PathVariable UUID userId, GrantForm form, HttpServletResponse response, Model model) {
        try {
            RoleAssignment granted = administration.grant(CurrentActor.get(), userId,
                    new GrantRequest(form.role(), form.scopeCode(), form.unitId()));
            model.addAttribute("done", Messages.text("identity.grant.done", granted.role().label(), regions.describe(granted.scopeCode())));
            return holderPage(userId, new GrantForm(null, null, null), model);
        } catch (DomainException e) {
            return refused(userId, e, form, response, model);
        }
    }

    @PostMapping("/admin/roles/{userId}/revoke/{assignmentId}")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    String revoke(@PathVariable UUID userId, @PathVariable UUID assignmentId, HttpServletResponse response,
            Model model) {
        try {
            administration.revoke(CurrentActor.get(), userId, assignmentId);
            model.addAttribute("done", Messages.text("identity.grant.revoked"));
            return holderPage(userId, new GrantForm(null, null, null), model);
        } catch (DomainException e) {
            return refused(userId, e, new GrantForm(null, null, null), response, model);
        }
    }

    private String refused(UUID userId, DomainException e, GrantForm form, HttpServletResponse response, Model model) {
        model.addAttribute("errors", FormRefusal.unlessNotFound(e).statusOn(response).errors());
        return holderPage(userId, form, model);
    }

    private String holderPage(UUID userId, GrantForm form, Model model) {
        RoleAdministration.Holder holder = administration.holder(CurrentActor.get(), userId);
        model.addAttribute("account", holder.account());
        model.addAttribute("unitName", regions.describe(holder.account().homeRegionCode()));
        model.addAttribute("assignments", holder.assignments().stream().map(a -> new AssignmentRow(a.id(),
                a.role().name(), a.role().label(), a.scopeCode(), regions.describe(a.scopeCode()), a.unitId(),
                a.unitId() == null ? null : units.find(a.unitId()).map(Unit::name).orElse(null))).toList());
        model.addAttribute("organizationUnits", organizationUnits());
        model.addAttribute("roles", RoleOption.all());
        model.addAttribute("scopeChoices", regions.choices(CurrentActor.get(), cn.wushe.platform.Permission.ROLE_MANAGE, true));
        model.addAttribute("form", form);
        model.addAttribute("self", userId.equals(CurrentActor.get().id()));
        return "identity/admin/user-roles";
    }

    /** Active units an organization role may be held for, inside the administrator's ROLE_MANAGE scopes. */
    private List<Unit> organizationUnits() {
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        Arrays.stream(Role.values()).forEach(r -> kinds.addAll(r.unitKinds()));
        return CurrentActor.get().scopesFor(Permission.ROLE_MANAGE).stream()
                .filter(scope -> scope.code().length() >= 6 && scope.code().length() <= 12)
                .flatMap(scope -> units.within(scope.code()).stream())
                .filter(u -> kinds.contains(u.kind())).distinct().toList();
    }
}
