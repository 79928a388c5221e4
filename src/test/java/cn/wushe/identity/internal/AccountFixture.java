package cn.wushe.identity.internal;

import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.identity.internal.SignedInUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** Writes test accounts through the module's repositories (package access to the aggregate's factory). */
@TestComponent
public class AccountFixture {

    private final UserAccounts accounts;
    private final RoleAssignments assignments;
    private final SignedInUsers signedInUsers;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountFixture(UserAccounts accounts, RoleAssignments assignments, SignedInUsers signedInUsers,
            PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.assignments = assignments;
        this.signedInUsers = signedInUsers;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** @param roles each {@code ROLE@scopeCode} */
    @Transactional
    public UUID create(String username, String homeRegionCode, String password, boolean initial, List<String> roles) {
        UserAccount account = UserAccount.open(new Username(username), "测试" + username.substring(1, 5), null,
                homeRegionCode, encoder.encode(password), clock.instant());
        if (!initial) {
            account.changePassword(account.passwordHash(), clock.instant());
        }
        accounts.add(account);
        for (String role : roles) {
            String[] parts = role.split("@");
            assignments.add(account.id(), new RoleAssignment(UUID.randomUUID(), Role.valueOf(parts[0]), parts[1], null),
                    null, clock.instant());
        }
        return account.id();
    }

    public SignedInUser principal(UUID id) {
        return signedInUsers.of(accounts.find(id).orElseThrow());
    }
}
