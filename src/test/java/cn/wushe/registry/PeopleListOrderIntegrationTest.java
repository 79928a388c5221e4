package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue [U] 4: lists read names in 汉语拼音 order (阿, 党, 何, 任, 张), not in code-point order
 * (任, 何, 党, 张, 阿); the desk table sorts by age and community too, counts its pages, and shows
 * the town and community columns to the users who read across them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleListOrderIntegrationTest extends RegistryIntegrationTestBase {

    static final String GIVEN = "拼序";
    static final List<String> PINYIN = List.of("阿" + GIVEN, "党" + GIVEN, "何" + GIVEN, "任" + GIVEN, "张" + GIVEN);

    private boolean registered;

    @BeforeEach
    void registerInCodePointOrder() {
        if (registered) {
            return;
        }
        registered = true;
        for (String name : List.of("任" + GIVEN, "何" + GIVEN, "党" + GIVEN, "张" + GIVEN, "阿" + GIVEN)) {
            register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft(name, RegistryFixtures.newIdNumber(),
                    name.startsWith("张") ? GONGNONG : DAOBEI, name.startsWith("张") ? null : DAOBEI_GRID_1));
        }
    }

    @Test
    void theListApiReadsNamesInPinyinOrderAndSortsByAgeOnRequest() throws Exception {
        mvc.perform(asUser(RegistryFixtures.COUNTY_ADMIN, get("/api/v1/people").param("name", GIVEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains(PINYIN.toArray())))
                .andExpect(jsonPath("$.items[0].townName").value("城关街道"));
        String byAge = mvc.perform(asUser(RegistryFixtures.COUNTY_ADMIN, get("/api/v1/people").param("name", GIVEN).param("sort", "AGE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Integer> ages = com.jayway.jsonpath.JsonPath.read(byAge, "$.items[*].age");
        assertThat(ages).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        mvc.perform(asUser(RegistryFixtures.COUNTY_ADMIN, get("/api/v1/people").param("sort", "PHONE")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theDeskTableCountsPagesAndShowsTownAndCommunityToThoseWhoReadAcrossThem() throws Exception {
        String county = page(RegistryFixtures.COUNTY_ADMIN, "/people?name=" + GIVEN + "&sort=COMMUNITY");
        assertThat(county).contains("第 1 / 1 页", "共 5 人", "乡镇（街道）", "社区（村）", "aria-sort=\"ascending\"");
        assertThat(county.indexOf(">党" + GIVEN + "<")).isLessThan(county.indexOf(">何" + GIVEN + "<"));
        assertThat(county.indexOf(">阿" + GIVEN + "<", county.indexOf("<table"))).as("道北 before 工农")
                .isLessThan(county.indexOf(">张" + GIVEN + "<", county.indexOf("<table")));
        String grid = page(RegistryFixtures.GRID_WORKER, "/people?name=" + GIVEN);
        assertThat(grid).contains("第 1 / 1 页", "共 4 人").doesNotContain("乡镇（街道）</th>", "社区（村）</a></th>");
    }

    private String page(cn.wushe.platform.TestActor actor, String url) throws Exception {
        return mvc.perform(asUser(actor, get(url))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
