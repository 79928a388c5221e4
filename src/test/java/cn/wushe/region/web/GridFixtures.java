package cn.wushe.region.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.internal.GridManagement;
import cn.wushe.region.internal.GridName;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Grids the web tests share, created once per database (idempotent, committed): two in 尧禾村, one
 * in its neighbour 满义村, one in 杜康镇, one in 蒲城县 (the neighbouring county) and one in 临渭区
 * 阳郭镇 for the town-level prefix trap.
 */
final class GridFixtures {

    /** 尧禾镇 尧禾村委会 */
    static final String YAOHE_VILLAGE = "610527102200";
    static final String YAOHE_1 = "610527102200001";
    static final String YAOHE_2 = "610527102200002";
    /** 尧禾镇 满义村委会: "6105271022", 尧禾村's code without its trailing zeros, is a raw prefix of it */
    static final String MANYI_1 = "610527102201001";
    /** 杜康镇 杜康社区 */
    static final String DUKANG_1 = "610527103001001";
    /** 蒲城县 孙镇 东陈社区 */
    static final String PUCHENG_1 = "610526102001001";
    /** 临渭区 阳郭镇 阳光社区: "6105021", 桥南镇 610502100 without its zeros, is a raw prefix of it */
    static final String YANGGUO_1 = "610502101001001";

    private GridFixtures() {
    }

    static void create(GridManagement management) {
        Map.of(YAOHE_1, "尧禾村第一网格", YAOHE_2, "尧禾村第二网格", MANYI_1, "满义村第一网格", DUKANG_1, "杜康社区第一网格",
                PUCHENG_1, "东陈社区第一网格", YANGGUO_1, "阳光社区第一网格")
                .forEach((code, name) -> management.seed(new GridCode(code), new GridName(name), "测试数据"));
    }

    /** A community worker of 尧禾村 who sees and edits its grids. */
    static Authentication yaoheWorker(String username) {
        return TestActor.of(username, "COMMUNITY_WORKER", YAOHE_VILLAGE, Permission.GRID_VIEW, Permission.GRID_EDIT)
                .authentication();
    }

    /** An actor who sees grids in {@code view} and edits them in {@code edit}. */
    static TestActor actor(String username, String view, String edit) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        grants.put(Permission.GRID_VIEW, List.of(new RegionScope(view)));
        grants.put(Permission.GRID_EDIT, List.of(new RegionScope(edit)));
        return new TestActor(UUID.nameUUIDFromBytes(username.getBytes()), username, username,
                Set.of("COMMUNITY_WORKER"), grants);
    }
}
