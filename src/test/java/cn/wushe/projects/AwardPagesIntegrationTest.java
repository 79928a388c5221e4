package cn.wushe.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A yearly selection run from its pages (open, nominate, members' totals, publicity, objection,
 * close), as the county does it; another county's manager meets 404 at every form and changes
 * nothing; a refusal comes back to the page in Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AwardPagesIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final TestActor manager = ProjectFixtures.manager();
    final TestActor otherCounty = ProjectFixtures.actor("pucheng", "610526", Permission.ROUND_MANAGE, Permission.PROJECT_VIEW);

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TestActor as) throws Exception {
        return mvc.perform(request.with(authentication(as.authentication())).with(csrf())).andReturn().getResponse();
    }

    /** The flash attribute a page action leaves (notice or problem) for the page it redirects to. */
    private Object flash(MockHttpServletRequestBuilder request, TestActor as, String name) throws Exception {
        return mvc.perform(request.with(authentication(as.authentication())).with(csrf())).andReturn().getFlashMap().get(name);
    }

    private UUID nomination(UUID selection, String nominee) {
        return jdbc.sql("select id from projects.award_nominations where selection_id = :s and nominee = :n")
                .param("s", selection).param("n", nominee).query(UUID.class).single();
    }

    @Test
    void aSelectionRunsFromItsPagesAndOnlyInTheCounty() throws Exception {
        int year = 2100 - ThreadLocalRandom.current().nextInt(60);
        assertThat(call(post("/awards").param("countyCode", "610527").param("year", String.valueOf(year))
                .param("category", "CASE").param("winners", "1"), otherCounty).getStatus()).isEqualTo(404);
        MockHttpServletResponse opened = call(post("/awards").param("countyCode", "610527").param("year", String.valueOf(year))
                .param("category", "CASE").param("winners", "1"), manager);
        assertThat(opened.getStatus()).isEqualTo(302);
        UUID selection = jdbc.sql("select id from projects.award_selections where county_code = '610527' and year = :y "
                + "and category = 'CASE'").param("y", year).query(UUID.class).single();
        String page = "/awards/" + selection;
        assertThat(opened.getRedirectedUrl()).isEqualTo(page);
        assertThat(call(get("/awards"), manager).getContentAsString()).contains("发起评选");

        assertThat(call(post(page + "/nominations").param("nominee", "越权提名").param("ownerName", "某组织")
                .param("summary", "越权提名的摘要"), otherCounty).getStatus()).isEqualTo(404);
        String[] names = {"社区互助案例甲", "社区互助案例乙"};
        for (String name : names) {
            assertThat(call(post(page + "/nominations").param("nominee", name).param("ownerName", "白水县阳光社工中心")
                    .param("summary", "邻里互助，服务独居老人"), manager).getStatus()).isEqualTo(302);
        }
        UUID first = nomination(selection, names[0]);
        UUID second = nomination(selection, names[1]);
        assertThat(call(post(page + "/nominations/" + first + "/scores").param("member", "越权委员").param("total", "90"),
                otherCounty).getStatus()).isEqualTo(404);
        for (int m = 0; m < 3; m++) {
            call(post(page + "/nominations/" + first + "/scores").param("member", "委员" + m).param("total", String.valueOf(90 + m)),
                    manager);
            call(post(page + "/nominations/" + second + "/scores").param("member", "委员" + m).param("total", String.valueOf(80 + m)),
                    manager);
        }
        String shown = call(get(page), manager).getContentAsString();
        assertThat(shown).contains("3 位委员已评分").contains("录入评分").contains("汇总评分并公示");
        assertThat(flash(post(page + "/nominations/" + first + "/scores").param("member", "委员0").param("total", "101"),
                manager, "problem")).asString().contains("0 至 100");

        assertThat(call(post(page + "/publicity"), otherCounty).getStatus()).isEqualTo(404);
        assertThat(call(post(page + "/publicity"), manager).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status from projects.award_selections where id = :s").param("s", selection)
                .query(String.class).single()).isEqualTo("PUBLICITY");
        assertThat(call(post(page + "/nominations/" + first + "/objection").param("reason", "越权"), otherCounty).getStatus())
                .isEqualTo(404);
        assertThat(flash(post(page + "/close"), manager, "problem")).asString().contains("公示期");
        assertThat(call(post(page + "/nominations/" + first + "/objection").param("reason", "案例材料与事实不符"), manager)
                .getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select winner from projects.award_nominations where id = :n").param("n", first)
                .query(Boolean.class).single()).isFalse();
        jdbc.sql("update projects.award_selections set publicity_until = current_date - 2 where id = :s").param("s", selection).update();
        assertThat(call(post(page + "/close"), otherCounty).getStatus()).isEqualTo(404);
        assertThat(flash(post(page + "/close"), manager, "notice")).isNotNull();
        assertThat(jdbc.sql("select status from projects.award_selections where id = :s").param("s", selection)
                .query(String.class).single()).isEqualTo("CLOSED");
    }
}
