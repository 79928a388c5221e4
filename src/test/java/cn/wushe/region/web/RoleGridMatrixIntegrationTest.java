package cn.wushe.region.web;

import static cn.wushe.region.web.GridFixtures.YAOHE_1;
import static cn.wushe.region.web.GridFixtures.YAOHE_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.RoleAssignment;
import cn.wushe.identity.internal.SignedInUser;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The real roles of the identity module against the grid endpoints: ONE declarative table of
 * role × where it is assigned relative to the target grid 尧禾村第一网格 (own, child, sibling,
 * parent, other county) × action → status. Unlike {@link GridScopeMatrixIntegrationTest}, which
 * gives explicit scopes, this proves that the role table (what each role grants, and how far)
 * and the scope filter together refuse a neighbouring community's or town's user.
 */
class RoleGridMatrixIntegrationTest extends GridWebIntegrationTestBase {

    enum Action { READ, UPDATE, RETIRE }

    /** The target grid is 610527102200001 (尧禾村 610527102200, 尧禾镇 610527102, 白水县 610527). */
    enum Case {
        COMMUNITY_WORKER_OWN(Role.COMMUNITY_WORKER, "610527102200", 200, 200, 200),
        COMMUNITY_WORKER_SIBLING(Role.COMMUNITY_WORKER, "610527102201", 404, 404, 404),
        COMMUNITY_WORKER_OTHER_TOWN(Role.COMMUNITY_WORKER, "610527103001", 404, 404, 404),
        COMMUNITY_WORKER_OTHER_COUNTY(Role.COMMUNITY_WORKER, "610526102001", 404, 404, 404),
        GRID_WORKER_CHILD_GRID(Role.GRID_WORKER, YAOHE_1, 200, 403, 403),
        GRID_WORKER_SIBLING_GRID(Role.GRID_WORKER, YAOHE_2, 200, 403, 403),
        /** no edit right anywhere: refused before the grid is looked at, so nothing about it leaks */
        GRID_WORKER_NEIGHBOUR_COMMUNITY(Role.GRID_WORKER, "610527102201001", 404, 403, 403),
        TOWN_STATION_PARENT(Role.TOWN_STATION, "610527102", 200, 200, 200),
        TOWN_STATION_SIBLING(Role.TOWN_STATION, "610527103", 404, 404, 404),
        COUNTY_STATION_PARENT(Role.COUNTY_STATION, "610527", 200, 403, 403),
        COUNTY_ADMIN_PARENT(Role.COUNTY_ADMIN, "610527", 200, 200, 200),
        COUNTY_ADMIN_OTHER_COUNTY(Role.COUNTY_ADMIN, "610526", 404, 404, 404),
        RESIDENT_OWN_COMMUNITY(Role.RESIDENT, "610527102200", 403, 403, 403),
        SYSTEM_ADMIN_COUNTY(Role.SYSTEM_ADMIN, "610527", 403, 403, 403),
        AUDIT_ADMIN_COUNTY(Role.AUDIT_ADMIN, "610527", 403, 403, 403);

        final Role role;
        final String scope;
        final int[] expected;

        Case(Role role, String scope, int... expected) {
            this.role = role;
            this.scope = scope;
            this.expected = expected;
        }

        UsernamePasswordAuthenticationToken authentication() {
            SignedInUser user = new SignedInUser(UUID.nameUUIDFromBytes(name().getBytes()), name().toLowerCase(),
                    name(), scope.substring(0, Math.min(scope.length(), 12)),
                    List.of(new RoleAssignment(UUID.randomUUID(), role, scope, null)), false);
            return new UsernamePasswordAuthenticationToken(user, null, user.authorities());
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Case.values()).flatMap(c -> Arrays.stream(Action.values())
                .map(a -> Arguments.of(c, a, c.expected[a.ordinal()])));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("cells")
    void roleAndScopeDecide(Case c, Action action, int expected) throws Exception {
        var response = mvc.perform(request(c, action)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(expected);
        if (expected != 200) {
            assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(response.getContentAsString()).doesNotContain("尧禾村第一网格");
            assertThat(jdbc.sql("select name || active from region.grids where code = :code").param("code", YAOHE_1)
                    .query(String.class).single()).isEqualTo("尧禾村第一网格true");
        }
    }

    private RequestBuilder request(Case c, Action action) {
        var auth = authentication(c.authentication());
        String path = "/api/v1/grids/" + YAOHE_1;
        return switch (action) {
            case READ -> get(path).with(auth);
            case UPDATE -> put(path).with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .header("If-Match", "\"" + version() + "\"").content("{\"name\":\"角色矩阵网格\"}");
            case RETIRE -> post(path + "/retire").with(auth).with(csrf());
        };
    }

    private long version() {
        return jdbc.sql("select version from region.grids where code = :code").param("code", YAOHE_1)
                .query(Long.class).single();
    }
}
