package cn.wushe.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.audit.AuditFixture;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo grids for 白水县: 2–4 per community, numbered from 001, the same on every run; rolled back. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class DemoGridsIntegrationTest {

    @Autowired
    JdbcRegions regions;

    @Autowired
    GridManagement management;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsTwoToFourNumberedGridsPerCommunityOnceOnly() {
        DemoGrids demo = new DemoGrids(regions, management, transaction, "610527");
        demo.run(null);
        long afterFirst = countIn610527();
        demo.run(null);
        assertThat(countIn610527()).isEqualTo(afterFirst);

        List<String> communities = jdbc.sql("select code from region.regions where county_code = '610527' and level = 12")
                .query(String.class).list();
        assertThat(communities).hasSize(139);
        for (String community : communities) {
            int expected = DemoGrids.gridsIn(community);
            assertThat(expected).isBetween(2, 4);
            List<Grid> ofCommunity = grids.ofCommunity(community);
            for (int n = 1; n <= expected; n++) {
                String code = community + "%03d".formatted(n);
                assertThat(ofCommunity).extracting(Grid::code).contains(code);
            }
        }
        // 雷牙镇's last village: no other test's fixture grids are there, so the demo named it
        String last = communities.stream().max(String::compareTo).orElseThrow();
        String village = regions.find(last).orElseThrow().name().replaceAll("(居委会|村委会)$", "");
        assertThat(grids.find(last + "001")).get().extracting(Grid::name).asString()
                .startsWith(village).endsWith("网格");
        // other tests' fixture grids in 610527 were created first and are skipped by the demo
        List<AuditFixture.Entry> created = AuditFixture.entriesIn(jdbc).withAction("GRID_CREATE");
        long byOthers = created.stream().filter(e -> !"演示数据".equals(e.actorName()) && e.objectRegion() != null
                && e.objectRegion().startsWith("610527")).count();
        assertThat(created.stream().filter(e -> "演示数据".equals(e.actorName())).count())
                .isGreaterThanOrEqualTo(afterFirst - byOthers);
    }

    @Test
    void choosesCountAndNamesFromTheCommunityCode() {
        assertThat(DemoGrids.gridsIn("610527001001")).isEqualTo(DemoGrids.gridsIn("610527001001"));
        assertThat(List.of("610527001001", "610527001002", "610527001003", "610527102200", "610527102201")
                .stream().map(DemoGrids::gridsIn).distinct().count()).isGreaterThan(1);
        var community = regions.find("610527102201").orElseThrow();
        assertThat(DemoGrids.name(community, 1)).isIn("满义村第一网格", "满义村东片网格");
    }

    private long countIn610527() {
        return jdbc.sql("select count(*) from region.grids where county_code = '610527'").query(Long.class).single();
    }
}
