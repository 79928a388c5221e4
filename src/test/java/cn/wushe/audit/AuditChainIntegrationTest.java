package cn.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.audit.AuditFixture.Placed;
import cn.wushe.audit.internal.AuditVerification.Kind;
import cn.wushe.audit.internal.AuditVerification.Report;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-county hash chain and its lanes (security.md checks 26, 27): it verifies when untouched,
 * a superuser's edit or deletion is reported at exactly that place (lane and sequence number),
 * concurrent writers spread over lanes and keep each gap-free, entries written before lanes existed
 * still verify, and the entry lives and dies with the business transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditChainIntegrationTest extends AuditChainTestBase {

    @Test
    void chainOfManyEntriesVerifies() {
        fixture.record(county, 25);

        Report chain = verification.verify(county);
        assertThat(chain.intact()).isTrue();
        assertThat(chain.entriesChecked()).isEqualTo(25);
        assertThat(chain.chains()).isNotEmpty().allSatisfy(lane -> {
            assertThat(lane.chain()).isEqualTo(county);
            assertThat(lane.headSeq()).isEqualTo(lane.entries());
        });
        assertThat(verification.verify().forChain(county)).isEqualTo(chain);
    }

    @Test
    void superuserEditIsReportedAtExactlyThatEntry() throws Exception {
        fixture.record(county, AuditFixture.FOR_AN_INNER_ENTRY);
        Placed edited = fixture.inner(county);

        fixture.tamper("update audit.entries set detail = '改过了' where id = " + edited.id());

        Report report = verification.verify().forChain(county);
        assertThat(report.firstTampered()).singleElement().satisfies(first -> {
            assertThat(first.chain()).isEqualTo(county);
            assertThat(first.lane()).isEqualTo(edited.lane());
            assertThat(first.seq()).isEqualTo(edited.seq());
            assertThat(first.id()).isEqualTo(edited.id());
            assertThat(first.kind()).isEqualTo(Kind.CONTENT_CHANGED);
        });
        assertThat(verification.verify(county).firstTampered()).isEqualTo(report.firstTampered());
    }

    @Test
    void deletedEntryIsReportedAsASequenceGap() throws Exception {
        fixture.record(county, AuditFixture.FOR_AN_INNER_ENTRY);
        Placed deleted = fixture.inner(county);

        fixture.tamper("delete from audit.entries where id = " + deleted.id());

        assertThat(verification.verify(county).firstTampered()).singleElement().satisfies(first -> {
            assertThat(first.lane()).isEqualTo(deleted.lane());
            assertThat(first.seq()).isEqualTo(deleted.seq());
            assertThat(first.id()).isNull();
            assertThat(first.kind()).isEqualTo(Kind.MISSING_ENTRY);
        });
    }

    @Test
    void overwrittenHashIsReportedAtThatEntry() throws Exception {
        fixture.record(county, AuditFixture.FOR_AN_INNER_ENTRY);
        Placed overwritten = fixture.inner(county);

        fixture.tamper("update audit.entries set hash = repeat('a', 64) where id = " + overwritten.id());

        assertThat(verification.verify(county).firstTampered()).singleElement().satisfies(first -> {
            assertThat(first.lane()).isEqualTo(overwritten.lane());
            assertThat(first.seq()).isEqualTo(overwritten.seq());
            assertThat(first.kind()).isEqualTo(Kind.CONTENT_CHANGED);
        });
    }

    @Test
    void entryMovedToAnotherLaneIsDetected() throws Exception {
        fixture.record(county, AuditFixture.FOR_AN_INNER_ENTRY);
        Placed moved = fixture.inner(county);
        int otherLane = fixture.seqsByLane(county).keySet().stream().filter(l -> l != moved.lane()).findFirst()
                .orElseThrow();

        fixture.tamper("update audit.entries set lane = " + otherLane + ", seq = 1000 where id = " + moved.id());

        Report report = verification.verify(county);
        assertThat(report.forLane(county, moved.lane()).firstTampered()).isNotNull()
                .satisfies(first -> assertThat(first.seq()).isEqualTo(moved.seq()));
        assertThat(report.forLane(county, otherLane).intact()).isFalse();
    }

    @Test
    void concurrentWritersKeepEveryLaneGapFree() throws Exception {
        int threads = 8;
        int perThread = 50;
        // each record() runs in a transaction of its own
        concurrently(threads, thread -> fixture.record(county, perThread));

        assertThat(assertGapFreeLanesHolding(threads * perThread)).hasSizeGreaterThan(1);
    }

    @Test
    void aTransactionTakesOneLaneOfAChainAndKeepsIt() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(AuditFixture.event(county, 1));
            log.record(AuditFixture.event(county, 2));
            // the lane is picked by one statement trying lanes in turn: it must stop at the first it gets
            assertThat(jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")
                    .query(Long.class).single()).isEqualTo(1);
        });

        assertThat(fixture.seqsByLane(county).values()).containsExactly(List.of(1L, 2L));
    }

    @Test
    void entriesWrittenBeforeLanesStillVerifyAndLaneZeroContinuesThem() throws Exception {
        fixture.insertLegacy(county, 3);
        assertThat(verification.verify(county).forLane(county, 0))
                .satisfies(lane -> {
                    assertThat(lane.intact()).isTrue();
                    assertThat(lane.entries()).isEqualTo(3);
                });

        fixture.record(county, 30);

        Report report = verification.verify(county);
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(33);
        assertThat(fixture.seqsByLane(county).get(0)).startsWith(1L, 2L, 3L);
    }

    @Test
    void entryIsGoneWhenTheBusinessTransactionRollsBack() {
        fixture.record(county, 1);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(AuditFixture.event(county, 2));
            assertThat(fixture.entries(county)).isEqualTo(2);
            tx.setRollbackOnly();
        });

        assertThat(fixture.entries(county)).isEqualTo(1);
        fixture.record(county, 1);
        assertThat(verification.verify(county).intact()).isTrue();
    }

    @Test
    void independentEntryStaysWhenTheBusinessTransactionRollsBack() {
        String otherCounty = fixture.freshCounty();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(AuditFixture.event(county, 1));
            // same chain as the entry above, one of whose lanes this transaction holds; and another chain
            log.recordIndependently(AuditFixture.event(county, 2).withOutcome(AuditEvent.Outcome.DENIED));
            log.recordIndependently(AuditFixture.event(otherCounty, 1).withOutcome(AuditEvent.Outcome.DENIED));
            assertThat(fixture.entries(otherCounty)).isEqualTo(1);
            tx.setRollbackOnly();
        });

        assertThat(outcomes(county)).containsExactly("DENIED");
        assertThat(outcomes(otherCounty)).containsExactly("DENIED");
        assertThat(verification.verify(county).intact()).isTrue();
    }

    private List<String> outcomes(String chain) {
        return AuditFixture.entriesIn(jdbc).inChain(chain).stream().map(AuditFixture.Entry::outcome).toList();
    }

    @Test
    void readOnlyTransactionIsRefusedPlainly() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(tx -> log.record(AuditFixture.event(county, 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(fixture.entries(county)).isZero();
    }
}
