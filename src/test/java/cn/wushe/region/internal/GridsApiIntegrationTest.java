package cn.wushe.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.region.Grid;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.Grids;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** {@link Grids} as the identity module uses it: look-ups and idempotent worker assignment; rolled back. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class GridsApiIntegrationTest {

    static final String CODE = "610527107200901";

    @Autowired
    Grids grids;

    @Autowired
    GridManagement management;

    @Autowired
    JdbcGrids repository;

    final UUID worker = UUID.randomUUID();

    @BeforeEach
    void grid() {
        management.seed(new GridCode(CODE), new GridName("测试网格"), "测试数据");
    }

    @Test
    void findsAGridAndTheGridsOfACommunity() {
        assertThat(grids.find(CODE)).contains(new Grid(CODE, "610527107200", "610527", "测试网格", true));
        assertThat(grids.find("610527107200999")).isEmpty();
        assertThat(grids.find("not a code")).isEmpty();
        assertThat(grids.ofCommunity("610527107200")).extracting(Grid::code).contains(CODE);
    }

    @Test
    void assigningTwiceKeepsOneAssignmentAndReleasingTwiceIsHarmless() {
        grids.assignWorker(CODE, worker, "李网格员");
        grids.assignWorker(CODE, worker, "李网格员（改名）");
        assertThat(repository.workers(new GridCode(CODE))).singleElement()
                .satisfies(w -> assertThat(w.displayName()).isEqualTo("李网格员（改名）"));
        grids.releaseWorker(CODE, worker);
        grids.releaseWorker(CODE, worker);
        assertThat(repository.workers(new GridCode(CODE))).isEmpty();
    }

    @Test
    void refusesAWorkerForAnUnknownOrRetiredGrid() {
        assertThatThrownBy(() -> grids.assignWorker("610527107200999", worker, "李"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        management.retire(TestActor.of("admin", "COUNTY_ADMIN", "610527", Permission.GRID_VIEW, Permission.GRID_EDIT),
                CODE, null);
        assertThatThrownBy(() -> grids.assignWorker(CODE, worker, "李"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
}
