package cn.wushe.registry;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.region.Grids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tree the registry's tests use (security.md harness): the real 白水县 (imported by the region
 * module) with 城关街道's 道北 and 工农 communities, 尧禾镇, and the neighbour 蒲城县; their grids
 * are created once per database through the region module's API.
 */
final class RegionFixture {

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

    static final Map<String, String> GRIDS = new LinkedHashMap<>();

    static {
        GRIDS.put(DAOBEI_GRID_1, "第一网格");
        GRIDS.put(DAOBEI_GRID_2, "第二网格");
        GRIDS.put(GONGNONG + "001", "第一网格");
        GRIDS.put(YAOHE + "001", "第一网格");
        GRIDS.put(NEIGHBOUR + "001", "第一网格");
    }

    private static final TestActor GRID_ADMIN = new TestActor(UUID.nameUUIDFromBytes("registry-grid-admin".getBytes()),
            "registry-grid-admin", "registry-grid-admin", Set.of("COUNTY_ADMIN"),
            Map.of(Permission.GRID_EDIT, List.of(new RegionScope(COUNTY), new RegionScope(NEIGHBOUR_COUNTY)),
                    Permission.GRID_VIEW, List.of(new RegionScope(COUNTY), new RegionScope(NEIGHBOUR_COUNTY))));

    private RegionFixture() {
    }

    /** Idempotent: creates the grids that do not exist yet. */
    static void seedGrids(MockMvc mvc, Grids grids) throws Exception {
        for (Map.Entry<String, String> grid : GRIDS.entrySet()) {
            if (grids.find(grid.getKey()).isEmpty()) {
                mvc.perform(post("/api/v1/grids").with(authentication(GRID_ADMIN.authentication())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityCode\":\"%s\",\"code\":\"%s\",\"name\":\"%s\"}".formatted(
                                grid.getKey().substring(0, 12), grid.getKey(), grid.getValue())));
                if (grids.find(grid.getKey()).isEmpty()) {
                    throw new IllegalStateException("grid " + grid.getKey() + " could not be created");
                }
            }
        }
    }
}
