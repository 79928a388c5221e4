package cn.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries of reads ({@link AuditLog#recordAccess}): committed by the shared writer before the call
 * returns, also from a read-only transaction; many concurrent readers leave every lane gap-free and
 * the chain intact; and a transaction that already holds the chain's lane is not left waiting.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditAccessEntriesIntegrationTest extends AuditChainTestBase {

    @Test
    void aReadsEntryIsCommittedWhenTheCallReturnsEvenFromAReadOnlyTransaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(tx -> {
            log.recordAccess(AuditFixture.event(county, 1));
            // another connection already sees it: it was committed, not left to this transaction
            assertThat(fixture.entries(county)).isEqualTo(1);
        });
        assertThat(verification.verify(county).intact()).isTrue();
    }

    @Test
    void concurrentReadersKeepEveryLaneGapFreeAndTheChainIntact() throws Exception {
        int readers = 16;
        int perReader = 40;
        concurrently(readers, reader -> {
            for (int i = 0; i < perReader; i++) {
                log.recordAccess(AuditFixture.event(county, reader * perReader + i));
            }
        });

        assertGapFreeLanesHolding(readers * perReader);
    }

    @Test
    void aTransactionHoldingTheChainsLaneWritesTheReadsEntryItself() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(AuditFixture.event(county, 1));
            log.recordAccess(AuditFixture.event(county, 2));
            assertThat(AuditFixture.entriesIn(jdbc).inChain(county)).as("both in this transaction").hasSize(2);
        });

        assertThat(fixture.seqsByLane(county).values()).containsExactly(List.of(1L, 2L));
    }
}
