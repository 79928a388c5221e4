package cn.wushe.requests;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.units.TestCommittees;
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
 * The units and actors the requests tests share: the committees of 道北 and 工农 (城关街道, shared with
 * every module's tests), the
 * street office of 城关, 民政局 and 住建局 of 白水县, and 民政局 of 蒲城县 next door. Units are created
 * once per database (idempotent, committed); actors are {@link TestActor}s with the grants their
 * roles give.
 */
public final class RequestsFixtures {

    public static final String COUNTY = "610527";
    public static final String TOWN = "610527001";
    public static final String DAOBEI = "610527001001";
    public static final String GONGNONG = "610527001002";
    /** The committees every module's tests share ({@link TestCommittees}): a community has one. */
    public static final UnitId DAOBEI_COMMITTEE = TestCommittees.id(DAOBEI);
    public static final UnitId GONGNONG_COMMITTEE = TestCommittees.id(GONGNONG);
    public static final UnitId STREET_OFFICE = fixed("chengguan-office");
    public static final UnitId CIVIL_AFFAIRS = fixed("civil-affairs");
    public static final UnitId HOUSING = fixed("housing");
    public static final UnitId PUCHENG_CIVIL_AFFAIRS = fixed("pucheng-civil-affairs");

    private RequestsFixtures() {
    }

    static UnitId fixed(String key) {
        return new UnitId(UUID.nameUUIDFromBytes(("requests-test:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    public static void createUnits(UnitManagement units) {
        String by = "测试数据";
        units.seed(STREET_OFFICE, UnitKind.TOWN_GOVERNMENT, TOWN, "诉求测试城关街道办事处", null, null, by);
        TestCommittees.ensure(units, DAOBEI);
        TestCommittees.ensure(units, GONGNONG);
        units.seed(CIVIL_AFFAIRS, UnitKind.COUNTY_DEPARTMENT, COUNTY, "诉求测试白水县民政局", null, null, by);
        units.seed(HOUSING, UnitKind.COUNTY_DEPARTMENT, COUNTY, "诉求测试白水县住房和城乡建设局", null, null, by);
        units.seed(PUCHENG_CIVIL_AFFAIRS, UnitKind.COUNTY_DEPARTMENT, "610526", "诉求测试蒲城县民政局", null, null, by);
    }

    static TestActor actor(String username, String role, String scope, Set<Permission> permissions, UnitId... units) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        permissions.forEach(p -> grants.put(p, List.of(new RegionScope(scope))));
        return new TestActor(UUID.nameUUIDFromBytes(("requests-test-user:" + username).getBytes(StandardCharsets.UTF_8)),
                username, username + "（测试）", Set.of(role), grants,
                java.util.Arrays.stream(units).map(UnitId::value).collect(java.util.stream.Collectors.toSet()));
    }

    public static TestActor resident(String name, String community) {
        return actor(name, "RESIDENT", community, Set.of(Permission.MATTER_SUBMIT, Permission.SELF_SERVICE, Permission.MATTER_VIEW));
    }

    public static TestActor communityWorker(String name, String community, UnitId committee) {
        return actor(name, "COMMUNITY_WORKER", community, Set.of(Permission.MATTER_SUBMIT, Permission.MATTER_HANDLE,
                Permission.MATTER_VIEW, Permission.PERSON_VIEW), committee);
    }

    public static TestActor gridWorker(String name) {
        return actor(name, "GRID_WORKER", DAOBEI, Set.of(Permission.MATTER_SUBMIT, Permission.MATTER_VIEW, Permission.PERSON_VIEW),
                DAOBEI_COMMITTEE);
    }

    public static TestActor unitStaff(String name, String county, UnitId unit) {
        return actor(name, "UNIT_STAFF", county, Set.of(Permission.MATTER_HANDLE, Permission.MATTER_VIEW), unit);
    }

    public static TestActor unitLead(String name, UnitId unit) {
        return actor(name, "UNIT_LEAD", COUNTY, Set.of(Permission.MATTER_HANDLE, Permission.MATTER_SUPERVISE,
                Permission.MATTER_VIEW), unit);
    }

    public static TestActor countyAdmin(String name, String county) {
        return actor(name, "COUNTY_ADMIN", county, Set.of(Permission.MATTER_SUPERVISE, Permission.MATTER_CATALOGUE,
                Permission.MATTER_VIEW));
    }

    /** A resident account whose sign-up is not confirmed yet: it holds no role, so no grant. */
    public static TestActor unconfirmed(String name) {
        return actor(name, "NONE", DAOBEI, Set.of());
    }
}
