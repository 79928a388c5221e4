package cn.wushe.identity.internal;

import cn.wushe.identity.AccountDirectory;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link AccountDirectory} over the accounts store. */
@Component
class UsernameDirectory implements AccountDirectory {

    private final UserAccounts accounts;

    UsernameDirectory(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UUID> idOfUsername(String username) {
        return accounts.findByUsername(Username.normalize(username)).map(UserAccount::id);
    }
}
