package cn.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.audit.AuditVerification.ChainReport;
import cn.wushe.audit.AuditVerification.Kind;
import cn.wushe.audit.AuditVerification.Tampered;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-county hash chain (security.md checks 26, 27): it verifies when untouched, a superuser's
 * edit or deletion is reported at exactly that place, concurrent writers keep it gap-free, and the
 * entry lives and dies with the business transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditChainIntegrationTest {

    @Autowired
    AuditLog log;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @Autowired
    PlatformTransactionManager transactions;

    AuditFixture fixture;
    String county;

    @BeforeEach
    void ownChain() {
        fixture = new AuditFixture(log, jdbc, env);
        county = fixture.freshCounty();
    }

    @Test
    void chainOfManyEntriesVerifies() {
        fixture.record(county, 25);

        ChainReport chain = verification.verify(county);
        assertThat(chain.intact()).isTrue();
        assertThat(chain.entries()).isEqualTo(25);
        assertThat(chain.headSeq()).isEqualTo(25);
        assertThat(verification.verify().forChain(county)).isEqualTo(chain);
    }

    @Test
    void superuserEditIsReportedAtExactlyThatEntry() throws Exception {
        fixture.record(county, 10);
        long edited = fixture.idOf(county, 4);

        fixture.asSuperuser("alter table audit.entries disable trigger user",
                "update audit.entries set detail = '改过了' where id = " + edited,
                "alter table audit.entries enable trigger user");

        Tampered first = verification.verify().forChain(county).firstTampered();
        assertThat(first).isNotNull();
        assertThat(first.chain()).isEqualTo(county);
        assertThat(first.seq()).isEqualTo(4);
        assertThat(first.id()).isEqualTo(edited);
        assertThat(first.kind()).isEqualTo(Kind.CONTENT_CHANGED);
        assertThat(verification.verify(county).firstTampered()).isEqualTo(first);
    }

    @Test
    void deletedEntryIsReportedAsASequenceGap() throws Exception {
        fixture.record(county, 10);

        fixture.asSuperuser("alter table audit.entries disable trigger user",
                "delete from audit.entries where chain = '" + county + "' and seq = 6",
                "alter table audit.entries enable trigger user");

        Tampered first = verification.verify(county).firstTampered();
        assertThat(first).isNotNull();
        assertThat(first.seq()).isEqualTo(6);
        assertThat(first.id()).isNull();
        assertThat(first.kind()).isEqualTo(Kind.MISSING_ENTRY);
    }

    @Test
    void overwrittenHashIsReportedAtThatEntry() throws Exception {
        fixture.record(county, 5);

        fixture.asSuperuser("alter table audit.entries disable trigger user",
                "update audit.entries set hash = repeat('a', 64) where chain = '" + county + "' and seq = 2",
                "alter table audit.entries enable trigger user");

        Tampered first = verification.verify(county).firstTampered();
        assertThat(first).isNotNull();
        assertThat(first.seq()).isEqualTo(2);
        assertThat(first.kind()).isEqualTo(Kind.CONTENT_CHANGED);
    }

    @Test
    void concurrentWritersKeepTheChainGapFree() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // each record() runs in a transaction of its own
                writers.add(pool.submit(() -> fixture.record(county, perThread)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Long> seqs = jdbc.sql("select seq from audit.entries where chain = ? order by seq").param(county)
                .query(Long.class).list();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        assertThat(verification.verify(county).intact()).isTrue();
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
            // same chain as the entry above, whose lock this transaction holds; and another chain
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
        return jdbc.sql("select outcome from audit.entries where chain = ? order by seq").param(chain)
                .query(String.class).list();
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
