package cn.wushe.identity.web;

import cn.wushe.platform.web.FormRefusal;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.identity.internal.AccessTokens;
import cn.wushe.identity.internal.PasswordChanging;
import cn.wushe.identity.internal.PasswordPolicy;
import cn.wushe.identity.internal.PersonalAccessTokens;
import cn.wushe.identity.internal.TokenScope;
import cn.wushe.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in user's own account: change password (修改密码) and personal access tokens (API 访问令牌). */
@Controller
class AccountPages {

    record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword, @Nullable String repeatPassword) {
    }

    /** The password is never shown back: a refused form asks for it again. */
    record TokenForm(@Nullable String name, @Nullable Integer expiresInDays, @Nullable TokenScope scope,
            @Nullable String currentPassword) {
    }

    /** A token row as listed. */
    record TokenRow(UUID id, String name, String prefix, String scope, String created, String expires,
            String lastUsed, String status, boolean usable) {

        static TokenRow of(AccessTokens.Token token, Instant now) {
            return new TokenRow(token.id(), token.name(), token.prefix(), token.scope().label(),
                    Views.time(token.createdAt()),
                    Views.time(token.expiresAt()), Views.time(token.lastUsedAt()), token.statusAt(now),
                    token.usableAt(now));
        }
    }

    private final PasswordChanging passwords;
    private final PersonalAccessTokens tokens;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    AccountPages(PasswordChanging passwords, PersonalAccessTokens tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String passwordPage(HttpServletRequest request, Model model) {
        model.addAttribute("forced", Views.user().passwordChangeRequired());
        model.addAttribute("changed", request.getParameter("changed") != null);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(PasswordForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInUser user = Views.user();
        try {
            SignedInUser changed = passwords.change(user, nz(form.currentPassword()), nz(form.newPassword()),
                    nz(form.repeatPassword()), request.getSession().getId());
            keepSignedIn(changed, request, response);
            return "redirect:/account/password?changed";
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.of(e).statusOn(response).errors());
            model.addAttribute("forced", user.passwordChangeRequired());
            model.addAttribute("changed", false);
            model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
            return "identity/password";
        }
    }

    @GetMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String tokensPage(Model model) {
        return tokenList(model, null);
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String createToken(TokenForm form, HttpServletResponse response, Model model) {
        try {
            PersonalAccessTokens.Created created = tokens.create(Views.user(), nz(form.currentPassword()),
                    nz(form.name()), form.expiresInDays(), form.scope());
            model.addAttribute("secret", created.secret());
            model.addAttribute("createdName", created.token().name());
            return tokenList(model, null);
        } catch (DomainException e) {
            model.addAttribute("errors", FormRefusal.of(e).statusOn(response).errors());
            return tokenList(model, form);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revokeToken(@PathVariable UUID id) {
        tokens.revoke(Views.user(), id);
        return "redirect:/account/tokens";
    }

    private String tokenList(Model model, @Nullable TokenForm form) {
        Instant now = tokens.now();
        List<TokenRow> rows = tokens.list(Views.user()).stream().map(t -> TokenRow.of(t, now)).toList();
        model.addAttribute("tokens", rows);
        model.addAttribute("form", form == null ? new TokenForm("", tokens.defaultDays(), TokenScope.READ, null)
                : new TokenForm(form.name(), form.expiresInDays(),
                        form.scope() == null ? TokenScope.READ : form.scope(), null));
        model.addAttribute("scopes", TokenScope.values());
        model.addAttribute("maxDays", tokens.maxDays());
        return "identity/tokens";
    }

    /** The session keeps its (new) principal, now free to use the rest of the application. */
    private void keepSignedIn(SignedInUser changed, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.authorities()));
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
