package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.internal.Alert;
import cn.wushe.care.internal.AlertLevel;
import cn.wushe.care.internal.Alerts;
import cn.wushe.care.internal.CareDeadlines;
import cn.wushe.region.Grids;
import cn.wushe.scheduling.Deadlines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clock moves, the deadlines fire: a visit not made by its due time raises one missed-visit
 * alert for the grid's worker; an alert left open past its working days goes up a level with a
 * notice, once per due time (a redelivered firing changes nothing).
 */
class CareDeadlinesIntegrationTest extends CareIntegrationTestBase {

    @Autowired
    Alerts alerts;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Grids gridsOfRegion;

    @Test
    void aMissedVisitRaisesOneAlertThatEscalatesOncePerDueTime() throws Exception {
        UUID gridWorker = account("care-dl-grid", "GRID_WORKER", GRID_1);
        UUID communityWorker = account("care-dl-community", "COMMUNITY_WORKER", DAOBEI);
        gridsOfRegion.assignWorker(GRID_1, gridWorker, "网格员");
        UUID person = personInGrid1();
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/people/{id}/tier", person),
                "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}")).andExpect(status().isOk());
        Instant due = deadlines.dueAt(CareDeadlines.visitDue(person)).orElseThrow();

        clock.advance(Duration.between(clock.instant(), due).plusHours(1));
        Alert raised = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> missed(person), l -> l.size() == 1).getFirst();

        assertThat(raised.severity()).isEqualTo(Alert.Severity.HIGH);
        assertThat(raised.level()).isEqualTo(AlertLevel.GRID);
        assertThat(raised.owners()).containsExactly(gridWorker);
        assertThat(inbox(gridWorker, raised.id())).isEqualTo(1);
        Instant alertDue = raised.dueAt();
        assertThat(deadlines.dueAt(CareDeadlines.alertDue(raised.id()))).contains(alertDue);

        clock.advance(Duration.between(clock.instant(), alertDue).plusHours(1));
        Alert escalated = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> alerts.find(raised.id()).orElseThrow(), a -> a.level() == AlertLevel.COMMUNITY);

        // every community worker of 道北 owns it now (other tests' accounts there too), the grid worker no longer
        assertThat(escalated.owners()).contains(communityWorker).doesNotContain(gridWorker);
        assertThat(escalated.dueAt()).isAfter(alertDue);
        assertThat(inbox(communityWorker, raised.id())).isEqualTo(1);
        // the same firing delivered again: nothing moves
        Boolean again = tx.execute(s -> alerts.escalate(raised.id(), alertDue));
        assertThat(again).isFalse();
        assertThat(alerts.find(raised.id()).orElseThrow().level()).isEqualTo(AlertLevel.COMMUNITY);
        assertThat(missed(person)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'CARE_ALERT_ESCALATE' and object_id = :id")
                .param("id", raised.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    private List<Alert> missed(UUID person) {
        return alerts.ofPerson(person).stream().filter(a -> a.source() == Alert.Source.MISSED_VISIT).toList();
    }

    private long inbox(UUID user, UUID alert) {
        return jdbc.sql("""
                select count(*) from notifications.inbox i join notifications.notices n on n.id = i.notice_id
                where i.user_id = :user and n.link = :link""")
                .param("user", user).param("link", "/care/alerts/" + alert).query(Long.class).single();
    }
}
