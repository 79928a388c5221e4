package cn.wushe.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.CareIntegrationTestBase;
import cn.wushe.platform.db.RecentCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A station's figures as a big screen asks for them: counted once per minute, then shown while a
 * recount runs behind them, and counted while the caller waits only after a quiet spell.
 */
class CareDashboardIntegrationTest extends CareIntegrationTestBase {

    @Autowired
    CareDashboard dashboard;

    @Test
    void figuresAreKeptAMinuteThenRecountedBehindTheScreenAndCountedAfreshAfterAQuietSpell() throws Exception {
        // far beyond any other test's moment, so no figures of this view are already kept for it
        Instant t0 = clock.instant().plus(Duration.ofDays(400));
        CareDashboard.Figures first = dashboard.figures(TOWN_STATION, t0);
        assertThat(first.asOf()).isEqualTo(t0);

        tier(personInGrid1());
        CareDashboard.Figures withinAMinute = dashboard.figures(TOWN_STATION, t0.plusSeconds(30));
        assertThat(withinAMinute).isSameAs(first);

        // stale: the kept figures are shown at once, and a recount brings the new person in
        Instant t1 = t0.plus(RecentCounts.FRESH_FOR).plusSeconds(1);
        assertThat(dashboard.figures(TOWN_STATION, t1).asOf()).isEqualTo(t0);
        CareDashboard.Figures recounted = awaitCountedAt(t1);
        assertThat(recounted.tiered()).isEqualTo(first.tiered() + 1);

        // after a quiet spell the caller waits for a count of its own
        tier(personInGrid1());
        Instant t2 = t1.plus(RecentCounts.SHOWN_WHILE_RECOUNTING).plusSeconds(1);
        CareDashboard.Figures afterQuiet = dashboard.figures(TOWN_STATION, t2);
        assertThat(afterQuiet.asOf()).isEqualTo(t2);
        assertThat(afterQuiet.tiered()).isEqualTo(first.tiered() + 2);
    }

    private void tier(UUID person) throws Exception {
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/people/{id}/tier", person),
                "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}")).andExpect(status().isOk());
    }

    /** The recount runs on the dashboard's own thread; this waits for its result, not for a time. */
    private CareDashboard.Figures awaitCountedAt(Instant at) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            CareDashboard.Figures figures = dashboard.figures(TOWN_STATION, at);
            if (figures.asOf().equals(at)) {
                return figures;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the recount did not finish within 10 s");
    }
}
