package cn.wushe.registry;

import cn.wushe.platform.ScopeLevel;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The shared tree fixture (security.md harness) for registry tests: 白水县 with two towns and three
 * communities, and the neighbour 蒲城县. Stands in for the region module's implementation until
 * that branch is merged; then these beans go and the real tree is used.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RegionFixture {

    public static final String COUNTY = "610527";
    public static final String TOWN = "610527001";
    public static final String DAOBEI = "610527001001";
    public static final String GONGNONG = "610527001002";
    public static final String OTHER_TOWN = "610527102";
    public static final String YAOHE = "610527102001";
    public static final String NEIGHBOUR_COUNTY = "610526";
    public static final String NEIGHBOUR = "610526001001";
    public static final String DAOBEI_GRID_1 = DAOBEI + "001";
    public static final String DAOBEI_GRID_2 = DAOBEI + "002";

    static final List<Region> REGIONS = List.of(
            region("610527", ScopeLevel.COUNTY, "6105", "白水县"),
            region(TOWN, ScopeLevel.TOWN, "610527", "城关街道"),
            region(DAOBEI, ScopeLevel.COMMUNITY, TOWN, "道北社区居委会"),
            region(GONGNONG, ScopeLevel.COMMUNITY, TOWN, "工农社区居委会"),
            region(OTHER_TOWN, ScopeLevel.TOWN, "610527", "尧禾镇"),
            region(YAOHE, ScopeLevel.COMMUNITY, OTHER_TOWN, "尧禾社区居委会"),
            region("610526", ScopeLevel.COUNTY, "6105", "蒲城县"),
            region("610526001", ScopeLevel.TOWN, "610526", "奉先街道"),
            region(NEIGHBOUR, ScopeLevel.COMMUNITY, "610526001", "人民路社区居委会"));

    static final List<Grid> GRIDS = Stream.of(DAOBEI_GRID_1, DAOBEI_GRID_2, GONGNONG + "001", YAOHE + "001", NEIGHBOUR + "001")
            .map(code -> new Grid(code, code.substring(0, 12), code.substring(0, 6), "第" + code.substring(12) + "网格", true))
            .toList();

    private static Region region(String code, ScopeLevel level, String parent, String name) {
        return new Region(code, level, parent, name, name);
    }

    @Bean
    Regions fixtureRegions() {
        Map<String, Region> byCode = REGIONS.stream().collect(java.util.stream.Collectors.toMap(Region::code, r -> r));
        return new Regions() {
            @Override
            public Optional<Region> find(String code) {
                return Optional.ofNullable(byCode.get(code));
            }

            @Override
            public List<Region> children(String code) {
                return REGIONS.stream().filter(r -> code.equals(r.parentCode())).toList();
            }

            @Override
            public List<Region> search(String query, int limit) {
                return REGIONS.stream().filter(r -> r.name().contains(query) || r.code().startsWith(query)).limit(limit).toList();
            }
        };
    }

    @Bean
    Grids fixtureGrids() {
        return new Grids() {
            @Override
            public Optional<Grid> find(String gridCode) {
                return GRIDS.stream().filter(g -> g.code().equals(gridCode)).findFirst();
            }

            @Override
            public List<Grid> ofCommunity(String communityCode) {
                return GRIDS.stream().filter(g -> g.communityCode().equals(communityCode)).toList();
            }

            @Override
            public void assignWorker(String gridCode, UUID userId, String displayName) {
            }

            @Override
            public void releaseWorker(String gridCode, UUID userId) {
            }
        };
    }
}
