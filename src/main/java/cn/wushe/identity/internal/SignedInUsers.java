package cn.wushe.identity.internal;

import cn.wushe.identity.SignedInUser;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the principal of an account: its role assignments and whether it must change its password first. */
@Component
public class SignedInUsers {

    private final RoleAssignments roles;
    private final SecuritySettings settings;
    private final Clock clock;
    private final boolean demoMode;

    SignedInUsers(RoleAssignments roles, SecuritySettings settings, Clock clock,
            @Value("${wushe.demo.enabled:false}") boolean demoMode) {
        this.roles = roles;
        this.settings = settings;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    public SignedInUser of(UserAccount account) {
        return new SignedInUser(account.id(), account.username().value(), account.displayName(),
                account.homeRegionCode(), roles.of(account.id()), passwordChangeRequired(account));
    }

    /**
     * An initial password (new account, administrator's reset) or one older than the maximum age
     * must be changed before anything else; the well-known demo accounts are spared in demo mode only.
     */
    boolean passwordChangeRequired(UserAccount account) {
        if (demoMode && DemoAccounts.isDemoAccount(account.username().value())) {
            return false;
        }
        return account.passwordChangeDue(settings.password().maxAge(), clock.instant());
    }
}
