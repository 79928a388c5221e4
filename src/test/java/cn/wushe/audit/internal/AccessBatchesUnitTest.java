package cn.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The shared writer of reads' audit entries: a reader learns of a failed write, and the writer lives on. */
class AccessBatchesUnitTest {

    private static ChainedEntry entry(String action) {
        return new ChainedEntry("610527", 0, 0, Instant.parse("2026-11-23T08:00:00Z"), null, "tester", null, null,
                action, "PERSON", null, "610527", "SUCCESS", null, null, null, null);
    }

    @Test
    void aFailedWriteReachesItsReaderAndTheNextBatchIsWrittenAgain() {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        List<String> written = new CopyOnWriteArrayList<>();
        try (AccessBatches batches = new AccessBatches(entries -> {
            if (databaseDown.get()) {
                throw new IllegalStateException("connection refused");
            }
            entries.forEach(e -> written.add(e.action()));
        })) {
            assertThatThrownBy(() -> batches.append(entry("PERSON_LIST")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("PERSON_LIST");
            assertThat(written).isEmpty();

            databaseDown.set(false);
            batches.append(entry("PERSON_READ"));
            assertThat(written).containsExactly("PERSON_READ");
        }
    }

    @Test
    void afterCloseNothingIsAccepted() {
        AccessBatches batches = new AccessBatches(entries -> { });
        batches.close();
        assertThatThrownBy(() -> batches.append(entry("PERSON_LIST"))).isInstanceOf(IllegalStateException.class);
    }
}
