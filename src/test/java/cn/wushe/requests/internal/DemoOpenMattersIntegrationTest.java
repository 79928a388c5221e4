package cn.wushe.requests.internal;

import static cn.wushe.requests.RequestsFixtures.COUNTY;
import static cn.wushe.requests.RequestsFixtures.GONGNONG;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.requests.RequestsTestBase;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's open matters come in through the intake: each has a number, its timeline and the one
 * deadline of its clock (or has passed every milestone, marked overdue); some are past their limit
 * and told to the level above, some wait for the committee's signature, some sit at the street office.
 */
class DemoOpenMattersIntegrationTest extends RequestsTestBase {

    @Autowired
    DemoMatters demo;
    @Autowired
    Units units;
    @Autowired
    Catalogue catalogue;

    @Test
    void openDemoMattersRunOnTheirDeadlines() {
        Unit committee = units.ofKind(UnitKind.COMMUNITY_COMMITTEE, GONGNONG).getFirst();
        Unit office = units.ofKind(UnitKind.TOWN_GOVERNMENT, GONGNONG.substring(0, 9)).getFirst();
        List<UUID> before = demoMatters();
        int made = demo.open(COUNTY, committee, office, catalogue.active(COUNTY), demo.words(), new Random(7));
        assertThat(made).isEqualTo(DemoMatters.OPEN_PER_COMMUNITY);

        List<UUID> ids = demoMatters().stream().filter(id -> !before.contains(id)).toList();
        String these = "id in (" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")";
        assertThat(ids).hasSize(made);
        for (UUID id : ids) {
            long deadlines = jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance = :ref")
                    .param("ref", "requests.clock|matter|" + COUNTY + ":" + id).query(Long.class).single();
            boolean overdue = jdbc.sql("select overdue from requests.matters where id = :id").param("id", id)
                    .query(Boolean.class).single();
            assertThat(deadlines == 1 || overdue).as("matter %s runs on its clock or is past its limit", id).isTrue();
        }
        // ages are counted in calendar days (7 per 5 working days): across 春节 (where the shared test clock may stand) fewer are late
        assertThat(count(these + " and (overdue or warned)")).as("some near or past their limit").isPositive();
        assertThat(count(these + " and not overdue")).as("some still within it").isPositive();
        assertThat(count(these + " and status = 'AWAITING_SIGN'")).as("some wait for the committee's signature").isPositive();
        assertThat(count(these + " and level = 'TOWN'")).as("some handed on to the street office").isPositive();
        assertThat(jdbc.sql("select count(*) from requests.matter_events e join requests.matters m on m.id = e.matter_id "
                + "where m." + these + " and e.kind = 'OVERDUE'")
                .query(Long.class).single()).as("overdue is on the timeline").isEqualTo(count(these + " and overdue"));
    }

    List<UUID> demoMatters() {
        return jdbc.sql("select id from requests.matters where submitted_by = :taker").param("taker", DemoMatters.DEMO_TAKER)
                .query(UUID.class).list();
    }

    long count(String where) {
        return jdbc.sql("select count(*) from requests.matters where submitted_by = :taker and " + where)
                .param("taker", DemoMatters.DEMO_TAKER).query(Long.class).single();
    }
}
