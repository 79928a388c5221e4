package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user replaces their own password: proves the current one, chooses one the policy accepts,
 * and every other session of theirs ends (security.md check 3).
 */
@Service
public class PasswordChanging {

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SessionEnding sessions;
    private final AuditLog audit;
    private final Clock clock;

    PasswordChanging(UserAccounts accounts, PasswordPolicy policy, PasswordEncoder encoder, SessionEnding sessions,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param currentSession the session making the change, which stays signed in; {@code null} for API calls
     * @return the user's principal, no longer required to change the password
     */
    @Transactional
    public SignedInUser change(SignedInUser user, String current, String chosen, String repeated,
            @Nullable String currentSession) {
        UserAccount account = accounts.find(user.id()).orElseThrow(() -> DomainException.notFound(Messages.text("identity.subject.account")));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!encoder.matches(current, account.passwordHash())) {
            errors.put("currentPassword", Messages.text("identity.password.current-wrong"));
        }
        List<PasswordPolicy.Rule> broken = policy.violations(chosen, account.username().value());
        if (!broken.isEmpty()) {
            errors.put("newPassword", broken.stream().map(PasswordPolicy.Rule::message).collect(Collectors.joining("；")));
        } else if (chosen.equals(current)) {
            errors.put("newPassword", Messages.text("identity.password.same-as-current"));
        }
        if (!chosen.equals(repeated)) {
            errors.put("repeatPassword", Messages.text("identity.password.repeat-mismatch"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        account.changePassword(encoder.encode(chosen), clock.instant());
        accounts.update(account);
        int ended = sessions.endSessionsOf(account.id(), currentSession);
        audit.record(AuditEvent.success("PASSWORD_CHANGE", "USER", account.id().toString(), account.homeRegionCode())
                .withDetail(Messages.text("identity.password.sessions-ended", ended)));
        return user.withPasswordChanged();
    }
}
