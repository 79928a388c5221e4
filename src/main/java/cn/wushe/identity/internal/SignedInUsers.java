package cn.wushe.identity.internal;

import cn.wushe.identity.internal.SignedInUser;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the principal of an account: its role assignments and whether it must change its password first. */
@Component
public class SignedInUsers {

    private final RoleAssignments roles;
    private final UnitMemberships memberships;
    private final SecuritySettings settings;
    private final Clock clock;
    private final boolean demoMode;

    SignedInUsers(RoleAssignments roles, UnitMemberships memberships, SecuritySettings settings, Clock clock,
            @Value("${wushe.demo.enabled:false}") boolean demoMode) {
        this.roles = roles;
        this.memberships = memberships;
        this.settings = settings;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /** The principal of an interactive login. */
    public SignedInUser of(UserAccount account) {
        return principal(account, passwordChangeRequired(account, true));
    }

    /**
     * The principal of an access token: blocked while an initial or reset password awaits change
     * (a reset suggests the account may be compromised), but not merely because the password aged,
     * which would stop a connected system without warning.
     */
    SignedInUser ofToken(UserAccount account) {
        return principal(account, passwordChangeRequired(account, false));
    }

    private SignedInUser principal(UserAccount account, boolean passwordChangeRequired) {
        List<UnitMemberships.Membership> units = memberships.of(account.id());
        return new SignedInUser(account.id(), account.username().value(), account.displayName(),
                account.homeRegionCode(), roles.of(account.id()),
                units.stream().map(UnitMemberships.Membership::unitId).toList(),
                units.stream().filter(UnitMemberships.Membership::primary).map(UnitMemberships.Membership::unitId)
                        .findFirst().orElse(null),
                passwordChangeRequired);
    }

    /**
     * An initial password (new account, administrator's reset) or one older than the maximum age
     * must be changed before anything else; the well-known demo accounts are spared in demo mode only.
     */
    boolean passwordChangeRequired(UserAccount account, boolean considerAge) {
        if (demoMode && DemoAccounts.isDemoAccount(account.username().value())) {
            return false;
        }
        return considerAge ? account.passwordChangeDue(settings.password().maxAge(), clock.instant())
                : account.mustChangePassword();
    }
}
