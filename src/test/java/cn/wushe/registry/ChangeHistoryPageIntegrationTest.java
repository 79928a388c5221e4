package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.personal.Masking;
import cn.wushe.registry.internal.PersonDraft;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue [U] 5: the change history reads on a phone — one entry per save, field names in Chinese,
 * the community and grid by name, the household by its head's masked name (never a raw id), and no
 * empty rows.
 */
class ChangeHistoryPageIntegrationTest extends RegistryIntegrationTestBase {

    @Test
    void oneEntryPerSaveWithNamesInsteadOfCodesAndNoEmptyRows() throws Exception {
        PersonDraft draft = RegistryFixtures.draft(RegistryFixtures.newName(), RegistryFixtures.newIdNumber(), DAOBEI, DAOBEI_GRID_1);
        PersonId id = register(RegistryFixtures.GRID_WORKER, draft);
        PersonDraft revised = new PersonDraft(draft.name(), draft.idDocType(), null, draft.declaredSex(), "13900005555",
                draft.communityCode(), draft.gridCode(), "道北路 99 号", null, null, draft.categories(), draft.health(),
                draft.incomeBand(), draft.obligors(), draft.contacts());
        RegistryFixtures.as(RegistryFixtures.GRID_WORKER, () -> registering.revise(RegistryFixtures.GRID_WORKER, id, 0, revised));

        String page = mvc.perform(asUser(RegistryFixtures.COMMUNITY_WORKER, get("/people/" + id + "/history")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("class=\"card mb-2\"", -1)).as("two saves, two entries").hasSize(3);
        assertThat(page).contains("登记", "修改", "联系电话", "139****5555", "详细地址", Masking.name(draft.name()) + " 的家庭",
                        "道北社区")
                .doesNotContain("<td></td>", DAOBEI_GRID_1 + "<");
        assertThat(page).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}</");
    }
}
