package cn.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The unit predicates of {@link ScopeFilter} run in real PostgreSQL over rows shaped like the next
 * modules' tables (a project owned by a unit, a matter assigned to a person or a unit): own unit
 * sees its rows, another unit's rows stay invisible, and the region predicate still applies.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UnitPredicatesSqlIntegrationTest {

    private static final UUID ORG_A = UUID.fromString("a0000000-0000-0000-0000-00000000000a");
    private static final UUID ORG_B = UUID.fromString("b0000000-0000-0000-0000-00000000000b");
    private static final UUID DEPT = UUID.fromString("d0000000-0000-0000-0000-00000000000d");
    private static final UUID WORKER = UUID.fromString("c0000000-0000-0000-0000-00000000000c");

    /** name, owner unit, assigned user, assigned unit, county, region */
    private static final String ROWS = """
            with x(name, owner_unit_id, assignee_user_id, assignee_unit_id, county_code, region_code) as (values
                ('a-chengguan', cast('%1$s' as uuid), null::uuid, cast('%3$s' as uuid), '610527', '610527001001'),
                ('a-yaohe',     cast('%1$s' as uuid), cast('%4$s' as uuid), null::uuid, '610527', '610527102200'),
                ('b-chengguan', cast('%2$s' as uuid), null::uuid, cast('%2$s' as uuid), '610527', '610527001002'),
                ('a-pucheng',   cast('%1$s' as uuid), null::uuid, cast('%3$s' as uuid), '610526', '610526102001'))
            """.formatted(ORG_A, ORG_B, DEPT, WORKER);

    @Autowired
    JdbcClient jdbc;

    private List<String> visible(ScopeFilter.SqlPredicate predicate) {
        return jdbc.sql(ROWS + "select name from x where " + predicate.sql() + " order by name")
                .params(predicate.params()).query(String.class).list();
    }

    private static TestActor actor(String scope, UUID... units) {
        return TestActor.of("unit-sql-" + scope + units.length, "ORG_STAFF", scope, Permission.PERSON_VIEW).inUnits(units);
    }

    @Test
    void ownUnitSeesItsRowsAndNotAnotherUnits() {
        assertThat(visible(ScopeFilter.ownUnit(actor("610527", ORG_A), "x.owner_unit_id")))
                .containsExactly("a-chengguan", "a-pucheng", "a-yaohe");
        assertThat(visible(ScopeFilter.ownUnit(actor("610527", ORG_B), "x.owner_unit_id"))).containsExactly("b-chengguan");
        assertThat(visible(ScopeFilter.ownUnit(actor("610527", ORG_A, ORG_B), "x.owner_unit_id")))
                .containsExactly("a-chengguan", "a-pucheng", "a-yaohe", "b-chengguan");
        assertThat(visible(ScopeFilter.ownUnit(actor("610527"), "x.owner_unit_id"))).isEmpty();
    }

    @Test
    void ownUnitWithinTheRegionDropsRowsOutsideIt() {
        assertThat(visible(ScopeFilter.ownUnitWithin(actor("610527001", ORG_A), Permission.PERSON_VIEW,
                "x.owner_unit_id", "x.county_code", "x.region_code"))).containsExactly("a-chengguan");
        assertThat(visible(ScopeFilter.ownUnitWithin(actor("610527", ORG_A), Permission.PERSON_VIEW,
                "x.owner_unit_id", "x.county_code", "x.region_code"))).containsExactly("a-chengguan", "a-yaohe");
    }

    @Test
    void assignedToMeOrMyUnit() {
        TestActor departmentMember = actor("610527", DEPT);
        assertThat(visible(ScopeFilter.assignedToMeOrMyUnit(departmentMember, "x.assignee_user_id", "x.assignee_unit_id")))
                .containsExactly("a-chengguan", "a-pucheng");
        assertThat(visible(ScopeFilter.assignedWithin(departmentMember, Permission.PERSON_VIEW, "x.assignee_user_id",
                "x.assignee_unit_id", "x.county_code", "x.region_code"))).containsExactly("a-chengguan");

        TestActor worker = new TestActor(WORKER, "worker", "worker", Set.of("GRID_WORKER"),
                java.util.Map.of(Permission.PERSON_VIEW, List.of(new RegionScope("610527"))));
        assertThat(visible(ScopeFilter.assignedToMeOrMyUnit(worker, "x.assignee_user_id", "x.assignee_unit_id")))
                .containsExactly("a-yaohe");
        assertThat(visible(ScopeFilter.assignedToMeOrMyUnit(worker.inUnits(ORG_B), "x.assignee_user_id",
                "x.assignee_unit_id"))).containsExactly("a-yaohe", "b-chengguan");
    }
}
