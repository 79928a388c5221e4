package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Opens the accounts the system creates itself at startup (demo accounts, initial administrators). */
@Component
class SeededAccounts {

    private final UserAccounts accounts;
    private final RoleAssignments assignments;
    private final RegionDirectory regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    SeededAccounts(UserAccounts accounts, RoleAssignments assignments, RegionDirectory regions, PasswordEncoder encoder,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.assignments = assignments;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens the account with its one role; like every new account it must change the password at
     * first login (demo mode exempts demo accounts at the gate, not here).
     *
     * @param why recorded in the audit entry, e.g. 演示账号
     */
    void open(DemoAccounts.Seed seed, String password, String why) {
        Instant now = clock.instant();
        UserAccount account = UserAccount.open(new Username(seed.username()), seed.displayName(), null,
                seed.homeRegionCode(), encoder.encode(password), now);
        accounts.add(account);
        assignments.add(account.id(), new RoleAssignment(UUID.randomUUID(), seed.role(), seed.scopeCode(), null),
                null, now);
        if (seed.role() == Role.GRID_WORKER) {
            regions.assignGridWorker(seed.scopeCode(), account.id(), seed.displayName());
        }
        audit.record(AuditEvent.success("USER_CREATE", "USER", account.id().toString(), seed.homeRegionCode())
                .withDetail(why + "：" + seed.username() + "；" + seed.role().name() + "@" + seed.scopeCode())
                .byActor("system"));
    }
}
