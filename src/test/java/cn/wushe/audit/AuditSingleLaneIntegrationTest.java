package cn.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code wushe.audit.lanes=1} every county keeps one chain, lane 0, as before lanes existed:
 * new entries continue the old entries' chain in the old canonical form, and an independent entry
 * into a chain whose only lane the transaction holds waits until that transaction has ended.
 */
@SpringBootTest(properties = "wushe.audit.lanes=1")
@ActiveProfiles("test")
class AuditSingleLaneIntegrationTest extends AuditChainTestBase {

    @Test
    void newEntriesContinueTheChainWrittenBeforeLanes() throws Exception {
        fixture.insertLegacy(county, 2);

        fixture.record(county, 3);

        assertThat(fixture.seqsByLane(county)).isEqualTo(Map.of(0, List.of(1L, 2L, 3L, 4L, 5L)));
        assertThat(verification.verify(county).intact()).isTrue();
    }

    @Test
    void independentEntryIntoTheHeldLaneIsWrittenWhenTheTransactionEnds() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(AuditFixture.event(county, 1));
            log.recordIndependently(AuditFixture.event(county, 2).withOutcome(AuditEvent.Outcome.DENIED));
            assertThat(fixture.entries(county)).isEqualTo(1);
        });

        assertThat(AuditFixture.entriesIn(jdbc).inChain(county)).extracting(AuditFixture.Entry::outcome)
                .containsExactly("SUCCESS", "DENIED");
        assertThat(verification.verify(county).intact()).isTrue();
    }

    @Test
    void readsEntryIntoTheHeldOnlyLaneIsWrittenByTheHoldingTransactionInsteadOfWaitingForIt() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(AuditFixture.event(county, 1));
            // the shared writer would wait for this transaction's lane, and this transaction for the writer
            log.recordAccess(AuditFixture.event(county, 2));
        });

        assertThat(fixture.seqsByLane(county)).isEqualTo(Map.of(0, List.of(1L, 2L)));
        assertThat(verification.verify(county).intact()).isTrue();
    }
}
