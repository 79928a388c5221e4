package cn.wushe.audit;

import cn.wushe.audit.internal.AuditVerification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** What the audit chain tests share: the log, its verification, and a county chain of each test's own. */
abstract class AuditChainTestBase {

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

    /** One writer's share of a concurrent run; {@code writer} counts from 0. */
    interface Writer {
        void write(int writer) throws Exception;
    }

    /** Runs {@code writers} writers at once and waits for all of them; the first failure fails the test. */
    static void concurrently(int writers, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int each = w;
                futures.add(pool.submit(() -> {
                    writer.write(each);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The chain holds {@code entries} entries, each lane numbered 1, 2, 3… without a gap, and verifies intact. */
    Map<Integer, List<Long>> assertGapFreeLanesHolding(int entries) {
        Map<Integer, List<Long>> lanes = fixture.seqsByLane(county);
        assertThat(lanes.values().stream().mapToInt(List::size).sum()).isEqualTo(entries);
        lanes.forEach((lane, seqs) -> assertThat(seqs).as("lane %d", lane)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
        assertThat(verification.verify(county).intact()).isTrue();
        return lanes;
    }
}
