package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.personal.Masking;
import cn.wushe.registry.internal.PersonDraft;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue [U] 6: the audit page names the objects of its entries through the modules' ObjectNamer —
 * a person by masked name, the region by name — instead of a UUID and a region code.
 */
class AuditObjectNamesIntegrationTest extends RegistryIntegrationTestBase {

    @Test
    void theAuditPageNamesThePersonMaskedAndTheRegionByName() throws Exception {
        PersonDraft draft = RegistryFixtures.draft(RegistryFixtures.newName(), RegistryFixtures.newIdNumber(), DAOBEI, DAOBEI_GRID_1);
        PersonId id = register(RegistryFixtures.COUNTY_ADMIN, draft);
        mvc.perform(asUser(RegistryFixtures.COMMUNITY_WORKER, get("/api/v1/people/" + id))).andExpect(status().isOk());

        TestActor auditor = TestActor.of("names-auditor", "AUDIT_ADMIN", COUNTY, Permission.AUDIT_READ);
        String page = mvc.perform(asUser(auditor, get("/audit").param("objectType", "PERSON").param("objectId", id.toString())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(">" + Masking.name(draft.name()) + "<", "title=\"" + DAOBEI_GRID_1 + "\">道北社区")
                .doesNotContain(">" + id + "<", ">" + draft.name() + "<", ">" + DAOBEI_GRID_1 + "<");
    }
}
