package cn.wushe.region;

import cn.wushe.region.internal.GridCode;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.region.internal.GridManagement;
import cn.wushe.region.internal.GridName;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The region module on its own (with audit and platform, which it uses): the events it publishes. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class RegionModuleIntegrationTest {

    /** 尧头村: a community no other test places grids in above number 500. */
    static final String COMMUNITY = "610527107200";

    static final TestActor COUNTY_ADMIN = TestActor.of("region-module-admin", "COUNTY_ADMIN", "610527",
            Permission.GRID_VIEW, Permission.GRID_EDIT);

    @Autowired
    GridManagement management;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(COUNTY_ADMIN.authentication());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void retiringAGridPublishesGridRetired(Scenario scenario) {
        GridCode code = new GridCode(COMMUNITY + (500 + ThreadLocalRandom.current().nextInt(400)));
        management.seed(code, new GridName("待撤销网格"), "测试数据");

        scenario.stimulate(() -> management.retire(COUNTY_ADMIN, code.value(), null))
                .andWaitForEventOfType(GridRetired.class)
                .matching(event -> event.gridCode().equals(code.value()) && event.countyCode().equals("610527"))
                .toArrive();
    }
}
