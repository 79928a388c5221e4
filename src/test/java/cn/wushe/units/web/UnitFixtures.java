package cn.wushe.units.web;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.internal.UnitManagement;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Units the web tests share, created once per database (idempotent, committed): a town station in
 * 城关街道 (the matrix's target) and a department of 蒲城县, the neighbouring county.
 */
final class UnitFixtures {

    /** 城关街道 */
    static final String CHENGGUAN = "610527001";
    static final UnitId STATION = fixed("station");
    static final UnitId PUCHENG_DEPARTMENT = fixed("pucheng-department");

    private UnitFixtures() {
    }

    static UnitId fixed(String key) {
        return new UnitId(UUID.nameUUIDFromBytes(("units-web-test:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    static void create(UnitManagement management) {
        management.seed(STATION, UnitKind.TOWN_STATION, CHENGGUAN, "矩阵测试社工站", null, null, "测试数据");
        management.seed(PUCHENG_DEPARTMENT, UnitKind.COUNTY_DEPARTMENT, "610526", "矩阵测试蒲城县民政局", null, null,
                "测试数据");
    }

    /** An administrator of units within {@code scope}. */
    static TestActor admin(String username, String scope) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        grants.put(Permission.UNIT_MANAGE, List.of(new RegionScope(scope)));
        return new TestActor(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)), username, username,
                Set.of("SYSTEM_ADMIN"), grants);
    }
}
