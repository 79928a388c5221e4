package cn.wushe.identity;

import cn.wushe.identity.internal.SignedInUser;

import cn.wushe.identity.internal.AccountFixture;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Accounts for tests, written through the module's own repositories (roles granted without the
 * region check, which needs the region module). Every name is unique, since the database is shared
 * across tests and runs.
 */
@TestComponent
public class TestAccounts {

    /** Acceptable to the password policy. */
    public static final String PASSWORD = "Gq7#pLm2xZ";

    /** A created account and how to log in as it. */
    public record Account(UUID id, String username, String password) {
    }

    private final AccountFixture fixture;

    TestAccounts(AccountFixture fixture) {
        this.fixture = fixture;
    }

    /** An enabled account whose password need not be changed, holding the given roles ("ROLE@scope"). */
    public Account create(String homeRegionCode, String... roles) {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID id = fixture.create(username, homeRegionCode, PASSWORD, false, List.of(roles));
        return new Account(id, username, PASSWORD);
    }

    /** A new account as a system administrator leaves it: initial password, to be changed at first login. */
    public Account createWithInitialPassword(String homeRegionCode, String... roles) {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID id = fixture.create(username, homeRegionCode, PASSWORD, true, List.of(roles));
        return new Account(id, username, PASSWORD);
    }

    public SignedInUser principal(UUID id) {
        return fixture.principal(id);
    }

    /** For {@code SecurityMockMvcRequestPostProcessors.authentication(…)}. */
    public Authentication authentication(UUID id) {
        SignedInUser user = principal(id);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }
}
