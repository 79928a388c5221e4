package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.internal.DormantAccounts;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** security.md item 10: accounts unused for 90 days are disabled by the recurring task, with an audit entry. */
@IdentityIntegrationTest
class DormantAccountsIntegrationTest extends AccountTestBase {

    @Autowired
    DormantAccounts dormant;

    private boolean enabled(UUID id) {
        return jdbc.sql("select enabled from identity.users where id = :id").param("id", id).query(Boolean.class).single();
    }

    @Test
    void anAccountUnusedForNinetyDaysIsDisabledAndOneUsedRecentlyIsNot() throws Exception {
        TestAccounts.Account idle = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        TestAccounts.Account active = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        // created 200 days ago; one signed in 89 days ago, the other never since
        jdbc.sql("update identity.users set created_at = :at where id in (:a, :b)")
                .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(200))))
                .param("a", idle.id()).param("b", active.id()).update();
        jdbc.sql("update identity.users set last_login_at = :at where id = :b")
                .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(89)))).param("b", active.id()).update();
        dormant.disableDormant();
        assertThat(enabled(idle.id())).isFalse();
        assertThat(enabled(active.id())).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'USER_DISABLE_DORMANT' and object_id = :id")
                .param("id", idle.id().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(login.refusalShown(idle.username(), idle.password())).isNotEqualTo("SIGNED_IN");
        assertThat(login.refusalShown(active.username(), active.password())).isEqualTo("SIGNED_IN");
    }
}
