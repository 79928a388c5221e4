package cn.wushe.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.region.Region;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Name search in both states the first load leaves behind: before the trigram index is built (the
 * tree committed, the index following) and after. Without the index the same query scans the table
 * and must answer the same.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegionNameSearchIntegrationTest {

    @Autowired
    JdbcRegions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFirstLoadAtStartupLeftTheTrigramIndexBuilt() {
        assertThat(jdbc.sql("select to_regclass('region.regions_name_trgm') is not null").query(Boolean.class).single())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"尧禾", "满义村", "白水县", "道北社区"})
    void findsTheSameRegionsByNameWithoutTheTrigramIndex(String query) {
        List<Region> withIndex = regions.search(query, 20);

        List<Region> withoutIndex = new TransactionTemplate(transactions).execute(status -> {
            // the planner may no longer use any index: what a search sees while the index is being built
            jdbc.sql("set local enable_bitmapscan = off").update();
            jdbc.sql("set local enable_indexscan = off").update();
            String plan = String.join("\n", jdbc.sql("explain select code from region.regions where :q <% name")
                    .param("q", query).query(String.class).list());
            assertThat(plan).doesNotContain("regions_name_trgm");
            List<Region> found = regions.search(query, 20);
            status.setRollbackOnly();
            return found;
        });

        assertThat(withIndex).isNotEmpty();
        assertThat(withoutIndex).isEqualTo(withIndex);
    }
}
