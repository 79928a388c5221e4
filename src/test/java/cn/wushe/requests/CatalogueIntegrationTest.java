package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.TestActor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue: 白水县's 6 categories and 32 items, the public 导办 guide by words and questions,
 * versions (a matter keeps its version; a retired item takes no new matters), and the intake's
 * refusals, each named.
 */
class CatalogueIntegrationTest extends RequestsTestBase {

    final TestActor admin = RequestsFixtures.countyAdmin("catalogue_admin", "610527");
    final TestActor otherAdmin = RequestsFixtures.countyAdmin("catalogue_other_admin", "610526");
    final TestActor resident = RequestsFixtures.resident("catalogue_resident", DAOBEI);
    final TestActor worker = RequestsFixtures.communityWorker("catalogue_worker", DAOBEI, DAOBEI_COMMITTEE);

    @Test
    void theDemoCatalogueHasSixCategoriesAndThirtyTwoItems() throws Exception {
        JsonNode items = body(get(resident, "/api/v1/catalogue"));
        assertThat(items.size()).isEqualTo(32);
        assertThat(items.valueStream().map(i -> i.get("category").asString()).distinct().count()).isEqualTo(6);
        assertThat(body(get(resident, "/api/v1/catalogue/dibao")).get("materials").size()).isEqualTo(5);
    }

    @Test
    void theGuideIsPublicAndFindsItemsByAliasAndByQuestion() throws Exception {
        String byWord = mvc.perform(MockMvcRequestBuilders.get("/guide").param("q", "吃低保")).andReturn().getResponse()
                .getContentAsString();
        assertThat(byWord).contains("最低生活保障申请").doesNotContain("路灯报修");
        String byQuestion = mvc.perform(MockMvcRequestBuilders.get("/guide").param("question", "0").param("answer", "3"))
                .andReturn().getResponse().getContentAsString();
        assertThat(byQuestion).contains("路灯报修", "排水管网疏通");
        MockHttpServletResponse item = mvc.perform(MockMvcRequestBuilders.get("/guide/items/dibao")).andReturn().getResponse();
        assertThat(item.getStatus()).isEqualTo(200);
        assertThat(item.getContentAsString()).contains("居民身份证（原件 1 份）", "家庭人均收入低于当地低保标准", "在线申请");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/guide/items/no-such")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aNewVersionKeepsTheOldMattersOnTheirsAndARetiredItemTakesNoNewMatter() throws Exception {
        Map<String, Object> draft = Map.of("code", "test-item", "category", "便民服务", "name", "测试事项", "channels",
                List.of("DESK", "SELF_SERVICE"), "communityDays", 1, "townDays", 2, "countyDays", 3, "whereWhen", "社区窗口");
        assertThat(post(otherAdmin, "/api/v1/catalogue?county=610527", draft).getStatus()).isEqualTo(403);
        assertThat(post(resident, "/api/v1/catalogue", draft).getStatus()).isEqualTo(403);
        JsonNode first = body(post(admin, "/api/v1/catalogue", draft));
        Map<String, Object> intake = Map.of("item", "test-item", "channel", "SELF_SERVICE", "regionCode", DAOBEI,
                "description", "测试");
        var matter = submit(resident, intake);
        JsonNode second = body(post(admin, "/api/v1/catalogue", Map.of("code", "test-item", "category", "便民服务", "name",
                "测试事项（新）", "channels", List.of("DESK"), "communityDays", 1, "townDays", 1, "countyDays", 1, "whereWhen", "社区窗口")));
        assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
        assertThat(body(get(resident, "/api/v1/matters/" + matter)).get("itemVersion").asInt()).isEqualTo(first.get("version").asInt());
        MockHttpServletResponse channelGone = post(resident, "/api/v1/matters", intake);
        assertThat(channelGone.getStatus()).isEqualTo(400);
        assertThat(body(channelGone).get("errors").get(0).get("field").asString()).isEqualTo("channel");

        assertThat(post(admin, "/api/v1/catalogue/test-item/retire", Map.of()).getStatus()).isEqualTo(200);
        MockHttpServletResponse retired = post(worker, "/api/v1/matters", Map.of("item", "test-item", "channel", "DESK",
                "regionCode", DAOBEI, "description", "测试", "applicantName", "李四", "applicantPhone", "13912345678"));
        assertThat(retired.getStatus()).isEqualTo(400);
        assertThat(body(retired).get("detail").asString()).contains("已停用");
    }

    @Test
    void everyMissingMaterialAndConditionIsNamedAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("select count(*) from requests.matters").query(Long.class).single();
        MockHttpServletResponse refused = post(resident, "/api/v1/matters", Map.of("item", "dibao", "channel", "SELF_SERVICE",
                "regionCode", DAOBEI, "description", "申请低保", "materials", Map.of("id-card", Map.of("seenAtDesk", true))));
        assertThat(refused.getStatus()).isEqualTo(400);
        String errors = body(refused).get("errors").toString();
        assertThat(errors).contains("请确认办理条件：家庭人均收入低于当地低保标准", "缺少材料：居民身份证", "缺少材料：户口簿",
                "缺少材料：申请书", "缺少材料：家庭收入证明", "缺少材料：本人银行卡");
        assertThat(post(resident, "/api/v1/matters", deskStreetlight(DAOBEI)).getStatus())
                .as("a resident takes no desk intake").isEqualTo(400);
        assertThat(post(worker, "/api/v1/matters", Map.of("item", "no-such", "channel", "DESK", "regionCode", DAOBEI))
                .getStatus()).isEqualTo(400);
        assertThat(post(RequestsFixtures.unconfirmed("catalogue_unconfirmed"), "/api/v1/matters", selfServiceDibao(DAOBEI))
                .getStatus()).as("an unconfirmed sign-up holds no role").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from requests.matters").query(Long.class).single()).isEqualTo(before);
    }
}
