package cn.wushe.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The next visit: one cycle of the tier from the last visit (or the tier's start), never sooner than a day after a change. */
class VisitCycleUnitTest {

    static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    static final CareSettings DEFAULTS = CareSettings.defaults("610527");

    @ParameterizedTest(name = "{0}, last visit {1} days ago → due in {2} days")
    @CsvSource({
            // never visited: one cycle from the tier's start (now)
            "RED, , 7",
            "YELLOW, , 14",
            "BLUE, , 30",
            "GREEN, , 90",
            // visited 10 days ago, made yellow now: 14 days from the visit, 4 from now
            "YELLOW, 10, 4",
            // green, visited 60 days ago, made red mid-cycle: the red week ran out, so due after the day of grace
            "RED, 60, 1",
            // green, visited 20 days ago, made blue: 30 from the visit
            "BLUE, 20, 10",
    })
    void countsTheNewCycleFromTheSameBase(Tier tier, Integer daysSinceVisit, int dueInDays) {
        Instant lastVisit = daysSinceVisit == null ? null : NOW.minus(Duration.ofDays(daysSinceVisit));

        Instant due = VisitCycle.nextDue(tier, DEFAULTS, lastVisit, NOW, NOW);

        assertThat(due).isEqualTo(NOW.plus(Duration.ofDays(dueInDays)));
    }

    @ParameterizedTest(name = "{0} visited {1} days ago → due in {2} days")
    @CsvSource({"RED, 0, 7", "RED, 3, 4", "GREEN, 6, 84", "YELLOW, 0, 14"})
    void aVisitStartsAWholeCycle(Tier tier, int daysAgo, int dueInDays) {
        Instant due = VisitCycle.afterVisit(tier, DEFAULTS, NOW.minus(Duration.ofDays(daysAgo)), NOW);

        assertThat(due).isEqualTo(NOW.plus(Duration.ofDays(dueInDays)));
    }

    @ParameterizedTest(name = "county cycle {0} days for red")
    @CsvSource({"3", "10"})
    void aCountysOwnCycleApplies(int redDays) {
        CareSettings own = new CareSettings("610527", redDays, 14, 30, 90, 3, 24, 1);

        assertThat(VisitCycle.nextDue(Tier.RED, own, null, NOW, NOW)).isEqualTo(NOW.plus(Duration.ofDays(redDays)));
    }
}
