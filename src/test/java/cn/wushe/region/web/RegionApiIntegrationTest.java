package cn.wushe.region.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The region tree over the API: public information, so a community worker of 白水县 may read 蒲城县 too. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RegionApiIntegrationTest {

    final Authentication worker = TestActor.of("w", "COMMUNITY_WORKER", "610527102200", Permission.GRID_VIEW)
            .authentication();

    @Autowired
    MockMvc mvc;

    @Test
    void showsANodeWithItsFullName() throws Exception {
        mvc.perform(get("/api/v1/regions/610527102201").with(authentication(worker)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("满义村委会"))
                .andExpect(jsonPath("$.level").value("COMMUNITY"))
                .andExpect(jsonPath("$.levelName").value("社区（村）"))
                .andExpect(jsonPath("$.parentCode").value("610527102"))
                .andExpect(jsonPath("$.fullName").value("陕西省/渭南市/白水县/尧禾镇/满义村委会"));
        mvc.perform(get("/api/v1/regions/610526").with(authentication(worker)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("蒲城县"));
    }

    @Test
    void answers404ForAnUnknownCode() throws Exception {
        mvc.perform(get("/api/v1/regions/610527199").with(authentication(worker)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void listsChildrenWithTheirCounts() throws Exception {
        mvc.perform(get("/api/v1/regions/610527/children").with(authentication(worker)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[0].code").value("610527001"))
                .andExpect(jsonPath("$[0].name").value("城关街道"))
                .andExpect(jsonPath("$[0].childCount").value(23))
                .andExpect(jsonPath("$[1].name").value("尧禾镇"))
                .andExpect(jsonPath("$[1].childCount").value(24));
    }

    @Test
    void findsByNameFromTwoCharactersAndByCodePrefix() throws Exception {
        mvc.perform(get("/api/v1/regions").param("q", "尧禾").with(authentication(worker)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(hasItem("610527102")))
                .andExpect(jsonPath("$[*].code").value(hasItem("610527102200")));
        // contained, not at the start: found from three characters on
        mvc.perform(get("/api/v1/regions").param("q", "禾村委会").param("limit", "100").with(authentication(worker)))
                .andExpect(jsonPath("$[*].fullName").value(hasItem("陕西省/渭南市/白水县/尧禾镇/尧禾村委会")));
        mvc.perform(get("/api/v1/regions").param("q", "白水县").param("limit", "1").with(authentication(worker)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("610527"));
        // 尧禾镇 has 24 villages; 610527102001 (尧禾社区) does not start with 6105271022
        mvc.perform(get("/api/v1/regions").param("q", "6105271022").param("limit", "100").with(authentication(worker)))
                .andExpect(jsonPath("$.length()").value(23))
                .andExpect(jsonPath("$[*].code").value(everyItem(startsWith("6105271022"))));
    }

    @Test
    void needsTheGridViewPermission() throws Exception {
        mvc.perform(get("/api/v1/regions/61")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/regions/61").with(authentication(TestActor.of("r", "RESIDENT", "610527102200",
                Permission.SELF_SERVICE).authentication()))).andExpect(status().isForbidden());
    }
}
