package cn.wushe.registry;

import cn.wushe.registry.internal.PersonDraft;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.TestActor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The registry's pages render for each role, in Chinese, masked, and refuse what is outside scope. */
class RegistryPagesTest extends RegistryIntegrationTestBase {

    static MockHttpServletRequestBuilder page(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }

    @Test
    void listShowsFiltersCountsAndMaskedRows() throws Exception {
        PersonDraft draft = draftInGrid1();
        register(GRID_WORKER, draft);
        mvc.perform(page(GRID_WORKER, get("/people").param("name", draft.name())))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("困难群众"), containsString("低保"), containsString(draft.name()),
                        containsString(draft.idNumber().substring(0, 6) + "********"), not(containsString(draft.idNumber())))));
    }

    @Test
    void detailShowsTheRevealFormOnlyToThoseWhoMayUnmaskAndRevealingShowsAll() throws Exception {
        PersonDraft draft = draftInGrid1();
        PersonId person = register(GRID_WORKER, draft);
        mvc.perform(page(GRID_WORKER, get("/people/" + person)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("13812345678"), not(containsString("查看完整信息")),
                        not(containsString(draft.idNumber())))));
        mvc.perform(page(TOWN_STATION, get("/people/" + person)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("查看完整信息"), containsString("138****5678"))));
        mvc.perform(page(TOWN_STATION, post("/people/" + person + "/reveal").param("reason", "短")))
                .andExpect(content().string(containsString("请具体说明事由（至少 4 个汉字）")));
        mvc.perform(page(TOWN_STATION, post("/people/" + person + "/reveal").param("reason", "核对低保复审材料")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(draft.idNumber()), containsString("高血压"))));
    }

    @Test
    void registeringThroughTheFormShowsFieldMessagesThenSaves() throws Exception {
        mvc.perform(page(GRID_WORKER, get("/people/new")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("证件号码"), containsString("道北社区居委会 / 第一网格"))));
        String number = newIdNumber();
        mvc.perform(page(GRID_WORKER, post("/people/new").param("name", "").param("idNumber", number.substring(0, 17) + "Y")
                        .param("place", DAOBEI + "|" + DAOBEI_GRID_1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("请填写姓名"), containsString("最后一位为数字或 X"))));
        mvc.perform(page(GRID_WORKER, post("/people/new").param("name", newName()).param("idNumber", number)
                        .param("place", DAOBEI + "|" + DAOBEI_GRID_1).param("phone", "13800001111")
                        .param("categories[0].code", "DIBAO").param("categories[0].startDate", "2025-03-01")
                        .param("categories[0].source", "县民政局").param("confirmDistinct", "true")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/people/*?registered"));
        mvc.perform(page(COMMUNITY_WORKER, post("/people/new").param("name", newName()).param("idNumber", number)
                        .param("place", DAOBEI + "|").param("confirmDistinct", "true")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该证件号码已经登记")));
    }

    @Test
    void theIdentityNumberFieldExplainsWhatItDerives() throws Exception {
        mvc.perform(page(GRID_WORKER, post("/people/derive").param("idNumber", "61052720000229002X")))
                .andExpect(content().string(allOf(containsString("女"), containsString("2000-02-29"))));
        mvc.perform(page(GRID_WORKER, post("/people/derive").param("idNumber", "610527200002290021")))
                .andExpect(content().string(containsString("校验码")));
    }

    @Test
    void editHistoryHouseholdAndCorrectionPagesRender() throws Exception {
        PersonId person = registerInGrid1();
        UUID household = jdbc.sql("select household_id from registry.people where id = :id").param("id", person.value())
                .query(UUID.class).single();
        mvc.perform(page(GRID_WORKER, get("/people/" + person + "/edit"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("留空则保持不变")));
        mvc.perform(page(GRID_WORKER, post("/people/" + person + "/edit").param("name", "钱多多").param("version", "0")
                        .param("place", DAOBEI + "|" + DAOBEI_GRID_1).param("relationToHead", "SELF")
                        .param("householdId", household.toString())))
                .andExpect(redirectedUrlPattern("/people/*?saved"));
        mvc.perform(page(GRID_WORKER, get("/people/" + person + "/history"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("钱多多")));
        mvc.perform(page(COMMUNITY_WORKER, get("/households/" + household))).andExpect(status().isOk())
                .andExpect(content().string(containsString("钱多多")));
        mvc.perform(page(COMMUNITY_WORKER, get("/corrections"))).andExpect(status().isOk());
        mvc.perform(page(resident("r-" + UUID.randomUUID()), get("/me"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未关联")));
    }

    @Test
    void pagesOutsideScopeAre404() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(page(NEIGHBOUR_ADMIN, get("/people/" + person))).andExpect(status().isNotFound());
        mvc.perform(page(NEIGHBOUR_ADMIN, get("/people/" + person + "/edit"))).andExpect(status().isNotFound());
        mvc.perform(page(NEIGHBOUR_ADMIN, get("/people/" + person + "/history"))).andExpect(status().isNotFound());
        mvc.perform(page(SIBLING_WORKER, get("/people/" + person + "/edit"))).andExpect(status().isForbidden());
    }
}
