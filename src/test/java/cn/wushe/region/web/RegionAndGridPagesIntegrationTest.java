package cn.wushe.region.web;

import static cn.wushe.region.web.GridFixtures.MANYI_1;
import static cn.wushe.region.web.GridFixtures.YAOHE_1;
import static cn.wushe.region.web.GridFixtures.YAOHE_VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.region.Grids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/** The /regions and /grids pages: what they show, htmx fragments, forms that keep input on error. */
class RegionAndGridPagesIntegrationTest extends GridWebIntegrationTestBase {

    final Authentication yaoheWorker = GridFixtures.yaoheWorker("yaohe-page");

    @Test
    void browsesTheTreeLevelByLevel() throws Exception {
        mvc.perform(get("/regions").with(authentication(yaoheWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("陕西省"), containsString("<title>区划 - 五社联动</title>"))));
        mvc.perform(get("/regions/610527").with(authentication(yaoheWorker)))
                .andExpect(content().string(allOf(containsString("渭南市"), containsString("尧禾镇"),
                        containsString("hx-get=\"/regions/610527102\""))));
    }

    @Test
    void drillsDownWithAnHtmxFragment() throws Exception {
        mvc.perform(get("/regions/610527102").header("HX-Request", "true").with(authentication(yaoheWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"browser\""), containsString("满义村委会"),
                        not(containsString("<html")))));
    }

    @Test
    void searchShowsFullNames() throws Exception {
        mvc.perform(get("/regions").param("q", "满义").header("HX-Request", "true").with(authentication(yaoheWorker)))
                .andExpect(content().string(containsString("陕西省/渭南市/白水县/尧禾镇/满义村委会")));
    }

    @Test
    void aMalformedCodeInThePathIs400AndAnUnknownOne404() throws Exception {
        mvc.perform(get("/regions/61x").with(authentication(yaoheWorker))).andExpect(status().isBadRequest());
        mvc.perform(get("/regions/610527199").with(authentication(yaoheWorker))).andExpect(status().isNotFound());
    }

    @Test
    void listsOnlyTheUsersGrids() throws Exception {
        mvc.perform(get("/grids").with(authentication(yaoheWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(YAOHE_1), not(containsString(MANYI_1)),
                        containsString("新建网格"))));
    }

    @Test
    void showsAGridWithItsWorkersAndAConfirmedRetireButton(@Autowired Grids grids) throws Exception {
        grids.assignWorker(YAOHE_1, UUID.randomUUID(), "王网格员");
        mvc.perform(get("/grids/" + YAOHE_1).with(authentication(yaoheWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("王网格员"), containsString("data-confirm=\"确定撤销网格"),
                        containsString("陕西省/渭南市/白水县/尧禾镇/尧禾村委会"))));
        mvc.perform(get("/grids/" + MANYI_1).with(authentication(yaoheWorker))).andExpect(status().isNotFound());
    }

    @Test
    void theFormsOfferOnlyEditableCommunitiesAndCarryTheVersion() throws Exception {
        mvc.perform(get("/grids/new").with(authentication(yaoheWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"610527102200\""), containsString(">尧禾镇/尧禾村委会</option>"),
                        not(containsString("610527102201")))));
        mvc.perform(get("/grids/" + YAOHE_1 + "/edit").with(authentication(yaoheWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"version\""), containsString("尧禾村第一网格"))));
        mvc.perform(get("/grids/" + MANYI_1 + "/edit").with(authentication(yaoheWorker))).andExpect(status().isNotFound());
        Authentication editor = TestActor.of("yaohe-editor", "GRID_WORKER", YAOHE_VILLAGE, Permission.GRID_VIEW,
                Permission.GRID_EDIT).authentication();
        mvc.perform(get("/grids/" + YAOHE_1 + "/edit").with(authentication(GridFixtures.actor("gw", YAOHE_VILLAGE,
                        GridFixtures.YAOHE_2).authentication())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/grids/" + YAOHE_1).with(authentication(editor)))
                .andExpect(content().string(containsString("修改")));
    }

    @Test
    void aRefusedFormKeepsTheInputAndShowsTheMessageBesideTheField() throws Exception {
        long before = jdbc.sql("select count(*) from region.grids").query(Long.class).single();
        mvc.perform(post("/grids").with(authentication(yaoheWorker)).with(csrf())
                        .param("communityCode", YAOHE_VILLAGE).param("name", "网".repeat(51))
                        .param("centreLat", "北纬35").param("centreLng", "109.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("中心点纬度应为数字"), containsString("value=\"北纬35\""),
                        containsString("value=\"109.5\""), containsString("is-invalid"))));
        mvc.perform(post("/grids").with(authentication(yaoheWorker)).with(csrf())
                        .param("communityCode", YAOHE_VILLAGE).param("name", "网".repeat(51)))
                .andExpect(content().string(allOf(containsString("网格名称不能超过 50 个字"),
                        containsString("value=\"" + "网".repeat(51) + "\""))));
        assertThat(jdbc.sql("select count(*) from region.grids").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void createsChangesAndRetiresThroughTheForms() throws Exception {
        String location = mvc.perform(post("/grids").with(authentication(yaoheWorker)).with(csrf())
                        .param("communityCode", YAOHE_VILLAGE).param("name", "表单网格"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String code = location.substring("/grids/".length());
        mvc.perform(post("/grids/" + code).with(authentication(yaoheWorker)).with(csrf())
                        .param("name", "表单网格改名").param("version", "0"))
                .andExpect(redirectedUrl("/grids/" + code));
        mvc.perform(post("/grids/" + code).with(authentication(yaoheWorker)).with(csrf())
                        .param("name", "过期的修改").param("version", "0"))
                .andExpect(content().string(containsString("已被他人修改")));
        mvc.perform(post("/grids/" + code + "/retire").with(authentication(yaoheWorker)).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/grids/" + code));
        assertThat(jdbc.sql("select name || ':' || active from region.grids where code = :c").param("c", code)
                .query(String.class).single()).isEqualTo("表单网格改名:false");
    }

    @Test
    void templatesHaveNoInlineScriptOrStyle() throws IOException {
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/region"))) {
            templates.forEach(t -> {
                try {
                    String html = Files.readString(t);
                    assertThat(html).as(t.toString()).doesNotContain("style=", "<style").doesNotContainPattern(
                            "<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
