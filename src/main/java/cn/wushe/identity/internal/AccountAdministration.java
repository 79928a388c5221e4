package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.Page;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's work (系统管理员, {@link Permission#USER_MANAGE}): open accounts, disable
 * and enable them, reset passwords, lift a login lock, all for accounts whose unit lies inside the
 * administrator's scope. Accounts outside it do not exist as far as the administrator can tell.
 */
@Service
public class AccountAdministration {

    /** The input for a new account; the scope-relevant unit is checked against the administrator's scope. */
    public record NewAccount(String username, String displayName, @Nullable String phone, String homeRegionCode) {
    }

    /** An account with a freshly set initial password, shown to the administrator this once. */
    public record Issued(AccountView account, String initialPassword) {
    }

    private final UserAccounts accounts;
    private final LoginFailures failures;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final RegionDirectory regions;
    private final SessionEnding sessions;
    private final Denials denials;
    private final AuditLog audit;
    private final Clock clock;

    AccountAdministration(UserAccounts accounts, LoginFailures failures, PasswordPolicy policy,
            PasswordEncoder encoder, RegionDirectory regions, SessionEnding sessions, Denials denials, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.failures = failures;
        this.policy = policy;
        this.encoder = encoder;
        this.regions = regions;
        this.sessions = sessions;
        this.denials = denials;
        this.audit = audit;
        this.clock = clock;
    }

    /** Accounts an administrator of accounts or of roles looks after, filtered and counted in SQL. */
    public Page<UserAccounts.Summary> list(Actor admin, String query, int page) {
        return accounts.search(directoryScope(admin), query.strip(), page);
    }

    /** One account inside the scope of an administrator of accounts or of roles. */
    public AccountView view(Actor admin, UUID id) {
        UserAccount account = accounts.findInScope(id, directoryScope(admin))
                .orElseThrow(() -> denials.recorded(attempt("USER_VIEW", id), DomainException.notFound(Messages.text("identity.subject.account"))));
        return viewOf(account);
    }

    @Transactional
    public Issued create(Actor admin, NewAccount input) {
        Username username = new Username(input.username() == null ? "" : input.username().strip());
        String typedPhone = Text.trimToNull(input.phone());
        PhoneNumber phone = typedPhone == null ? null : PhoneNumber.mobile(typedPhone);
        String unit = input.homeRegionCode() == null ? "" : input.homeRegionCode().strip();
        String password = initialPasswordFor(username.value());
        UserAccount account = UserAccount.open(username, input.displayName(), phone, unit, encoder.encode(password),
                clock.instant());
        if (!admin.can(Permission.USER_MANAGE, unit)) {
            String message = Messages.text("identity.account.home-out-of-scope");
            throw denials.recorded(AuditEvent.success("USER_CREATE", "USER", null, unit),
                    DomainException.outOfScope(Map.of("homeRegionCode", message)));
        }
        if (!regions.exists(unit)) {
            throw DomainException.invalid("homeRegionCode", Messages.text("identity.account.home-unknown"));
        }
        accounts.add(account);
        audit.record(AuditEvent.success("USER_CREATE", "USER", account.id().toString(), unit)
                .withDetail(Messages.text("identity.account.opened-detail", username.value(), unit)));
        return new Issued(viewOf(account), password);
    }

    @Transactional
    public AccountView disable(Actor admin, UUID id, @Nullable Long expectedVersion) {
        UserAccount account = managed(admin, id, "USER_DISABLE", expectedVersion);
        if (account.id().equals(admin.id())) {
            throw denials.recorded(attempt("USER_DISABLE", id), DomainException.forbidden(Messages.text("identity.forbidden.disable-self")));
        }
        account.disable();
        accounts.update(account);
        sessions.endSessionsOf(account.id(), null);
        return audited(account, "USER_DISABLE", Messages.text("identity.account.disable-detail"));
    }

    @Transactional
    public AccountView enable(Actor admin, UUID id, @Nullable Long expectedVersion) {
        UserAccount account = managed(admin, id, "USER_ENABLE", expectedVersion);
        account.enable();
        accounts.update(account);
        return audited(account, "USER_ENABLE", Messages.text("identity.account.enable-detail"));
    }

    /** A new initial password, to be changed at next login; the holder's sessions end. */
    @Transactional
    public Issued resetPassword(Actor admin, UUID id, @Nullable Long expectedVersion) {
        UserAccount account = managed(admin, id, "PASSWORD_RESET", expectedVersion);
        if (account.id().equals(admin.id())) {
            throw denials.recorded(attempt("PASSWORD_RESET", id),
                    DomainException.forbidden(Messages.text("identity.forbidden.reset-own-password")));
        }
        String password = initialPasswordFor(account.username().value());
        account.resetPassword(encoder.encode(password), clock.instant());
        accounts.update(account);
        sessions.endSessionsOf(account.id(), null);
        audit.record(AuditEvent.success("PASSWORD_RESET", "USER", id.toString(), account.homeRegionCode()));
        return new Issued(reread(id), password);
    }

    /** Lifts a lock after repeated failed logins before it runs out (security.md check 2g). */
    @Transactional
    public AccountView unlock(Actor admin, UUID id) {
        UserAccount account = managed(admin, id, "USER_UNLOCK", null);
        boolean wasCounted = failures.clear(account.username().normalized());
        audit.record(AuditEvent.success("USER_UNLOCK", "USER", id.toString(), account.homeRegionCode())
                .withDetail(wasCounted ? Messages.text("identity.account.unlock-detail") : Messages.text("identity.account.unlock-detail-none")));
        return reread(id);
    }

    private UserAccount managed(Actor admin, UUID id, String action, @Nullable Long expectedVersion) {
        SqlPredicate scope = ScopeFilter.predicate(admin, Permission.USER_MANAGE, "u.county_code", "u.home_region_code");
        UserAccount account = accounts.findInScope(id, scope)
                .orElseThrow(() -> denials.recorded(attempt(action, id), DomainException.notFound(Messages.text("identity.subject.account"))));
        if (expectedVersion != null && expectedVersion != account.version()) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("identity.account.modified"));
        }
        return account;
    }

    /** Records the change made to {@code account} and answers it as now stored. */
    private AccountView audited(UserAccount account, String action, String detail) {
        audit.record(AuditEvent.success(action, "USER", account.id().toString(), account.homeRegionCode())
                .withDetail(detail));
        return reread(account.id());
    }

    private AccountView reread(UUID id) {
        return viewOf(accounts.find(id).orElseThrow());
    }

    private AccountView viewOf(UserAccount account) {
        Instant now = clock.instant();
        Instant lockedUntil = failures.find(account.username().normalized())
                .filter(count -> count.lockedAt(now)).map(FailureCount::lockedUntil).orElse(null);
        return AccountView.of(account, lockedUntil);
    }

    /** Random, and always acceptable to the policy, so the holder can log in with it. */
    private String initialPasswordFor(String username) {
        String password = Secrets.initialPassword();
        while (!policy.violations(password, username).isEmpty()) {
            password = Secrets.initialPassword();
        }
        return password;
    }

    private static SqlPredicate directoryScope(Actor admin) {
        List<RegionScope> scopes = new ArrayList<>(admin.scopesFor(Permission.USER_MANAGE));
        scopes.addAll(admin.scopesFor(Permission.ROLE_MANAGE));
        return ScopeFilter.of(scopes, "u.county_code", "u.home_region_code");
    }

    private static AuditEvent attempt(String action, UUID id) {
        return AuditEvent.success(action, "USER", id.toString(), null);
    }
}
