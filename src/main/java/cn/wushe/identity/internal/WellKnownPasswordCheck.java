package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside demo mode while any demo account still has the published demo password
 * (security.md check 6: no default accounts). The demo accounts are the only ones that can carry
 * it: the password is on the common-password list, so no person can choose it. Runs before the web
 * server starts.
 */
@Component
class WellKnownPasswordCheck implements SmartInitializingSingleton {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final boolean demoMode;

    WellKnownPasswordCheck(UserAccounts accounts, PasswordEncoder encoder,
            @Value("${wushe.demo.enabled:false}") boolean demoMode) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.demoMode = demoMode;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demoMode) {
            return;
        }
        List<String> exposed = accountsWithWellKnownPassword();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException(Messages.text("identity.startup.well-known-passwords",
                    String.join(", ", exposed)));
        }
    }

    List<String> accountsWithWellKnownPassword() {
        return DemoAccounts.SEEDS.stream()
                .map(seed -> accounts.findByUsername(Username.normalize(seed.username())))
                .flatMap(Optional::stream)
                .filter(account -> account.enabled() && encoder.matches(DemoAccounts.PASSWORD, account.passwordHash()))
                .map(account -> account.username().value())
                .toList();
    }
}

