package cn.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The canonical form (docs/audit.md): lane 0 keeps the form of entries written before lanes
 * existed, so they verify unchanged; lanes 1.. hash their lane too.
 */
class ChainedEntryUnitTest {

    static ChainedEntry entry(int lane) {
        return new ChainedEntry("610527", lane, 1, Instant.ofEpochMilli(1_767_225_600_000L), null, null, null, null,
                "LEGACY", null, null, null, "SUCCESS", null, null, null, null);
    }

    @Test
    void laneZeroKeepsTheFormWrittenBeforeLanes() {
        assertThat(entry(0).canonical())
                .isEqualTo("6:610527|1:1|13:1767225600000|-1:|-1:|-1:|-1:|6:LEGACY|-1:|-1:|-1:|7:SUCCESS|-1:|-1:|-1:|-1:|");
    }

    @Test
    void otherLanesHashTheirLaneAfterTheChain() {
        assertThat(entry(3).canonical())
                .isEqualTo("6:610527|1:3|1:1|13:1767225600000|-1:|-1:|-1:|-1:|6:LEGACY|-1:|-1:|-1:|7:SUCCESS|-1:|-1:|-1:|-1:|");
        assertThat(entry(3).hash(ChainedEntry.GENESIS)).isNotEqualTo(entry(4).hash(ChainedEntry.GENESIS));
    }
}
