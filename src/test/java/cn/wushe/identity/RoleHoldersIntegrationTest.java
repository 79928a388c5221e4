package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Permission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may act on an object of a region with a set of permissions, as the role table grants them: the
 * approvers of an export request in a community are its town's station and the county administrator,
 * not the community's own worker, another town's station or a disabled account.
 */
@IdentityIntegrationTest
class RoleHoldersIntegrationTest extends AccountTestBase {

    @Autowired
    RoleHolders holders;

    @Test
    void reachingTakesEveryPermissionAtAScopeAboveOrAtTheRegion() {
        TestAccounts.Account town = accounts.create("610527001", "TOWN_STATION@610527001");
        TestAccounts.Account county = accounts.create("610527", "COUNTY_ADMIN@610527");
        TestAccounts.Account otherTown = accounts.create("610527102", "TOWN_STATION@610527102");
        TestAccounts.Account community = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        TestAccounts.Account disabled = accounts.create("610527001", "TOWN_STATION@610527001");
        jdbc.sql("update identity.users set enabled = false where id = :id").param("id", disabled.id()).update();
        TestAccounts.Account grid = accounts.create("610527001001", "GRID_WORKER@610527001001001");

        var approvers = holders.reaching(Set.of(Permission.PII_UNMASK, Permission.PERSON_EXPORT), "610527001001");
        assertThat(approvers).contains(town.id(), county.id())
                .doesNotContain(otherTown.id(), community.id(), disabled.id(), grid.id());

        // a grant widened by the role table reaches beyond the assignment: a grid worker searches her whole town
        assertThat(holders.reaching(Set.of(Permission.PERSON_SEARCH), "610527001002")).contains(grid.id(), community.id())
                .doesNotContain(otherTown.id());
        assertThat(holders.reaching(Set.of(Permission.PERSON_EDIT), "610527001002")).doesNotContain(grid.id(), community.id());
    }
}
