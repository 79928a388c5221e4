package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import cn.wushe.identity.IdentityIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * security.md check 6: outside demo mode the application does not start while a demo account still
 * has the published password. Rolled back, so the shared database never keeps such an account.
 */
@IdentityIntegrationTest
@Transactional
class WellKnownPasswordCheckIntegrationTest {

    @Autowired
    AccountFixture fixture;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void refusesToStartWhileADemoAccountHasTheDemoPassword() {
        fixture.create("sysadmin", "610527", DemoAccounts.PASSWORD, false, List.of("SYSTEM_ADMIN@610527"));
        WellKnownPasswordCheck check = new WellKnownPasswordCheck(accounts, encoder, false);
        assertThatIllegalStateException().isThrownBy(check::afterSingletonsInstantiated)
                .withMessageContaining("演示密码").withMessageContaining("sysadmin");
    }

    @Test
    void demoModeItselfStarts() {
        fixture.create("auditor", "610527", DemoAccounts.PASSWORD, false, List.of("AUDIT_ADMIN@610527"));
        WellKnownPasswordCheck check = new WellKnownPasswordCheck(accounts, encoder, true);
        assertThat(check.accountsWithWellKnownPassword()).as("the demo password is still there").contains("auditor");
        assertThatNoException().as("and demo mode starts anyway").isThrownBy(check::afterSingletonsInstantiated);
    }

    @Test
    void startsOnceTheDemoPasswordWasChanged() {
        fixture.create("secadmin", "610527", "Changed#2027x", false, List.of("SECURITY_ADMIN@610527"));
        WellKnownPasswordCheck check = new WellKnownPasswordCheck(accounts, encoder, false);
        assertThat(check.accountsWithWellKnownPassword()).isEmpty();
        check.afterSingletonsInstantiated();
    }

    @Test
    void nobodyCanChooseTheDemoPassword() {
        assertThat(new PasswordPolicy().violations(DemoAccounts.PASSWORD, "someone"))
                .containsExactly(PasswordPolicy.Rule.COMMON);
    }
}
