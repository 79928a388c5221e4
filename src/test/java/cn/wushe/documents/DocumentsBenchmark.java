package cn.wushe.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.BenchmarkReport;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What issuing costs: numbering, signing, rendering the A4 page with the embedded font subset and
 * storing it, one after another on one thread (excluded from the normal run:
 * {@code mvn test -Dgroups=benchmark -DexcludedGroups=none -Dtest=DocumentsBenchmark}).
 */
@Tag("benchmark")
class DocumentsBenchmark extends DocumentsIntegrationTestBase {

    static final int WARM_UP = 30;
    static final int RUNS = 200;

    @Test
    void issuingADocument() throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            issue(COMMUNITY);
        }
        long[] micros = new long[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes += issue(COMMUNITY).pdf().length;
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        String section = """
                ## Documents: issuing a certificate
                One thread, %d documents after %d to warm up (serial, HMAC-SM3 signature, A4 PDF with the
                Noto Sans SC subset embedded, encrypted content stored, audit entry): median %.1f ms,
                p95 %.1f ms, p99 %.1f ms; %d KB per PDF on average. A download the resident waits for once;
                the tail is most likely from sharing two cores with other builds (not measured on a quiet machine).
                """.formatted(RUNS, WARM_UP, micros[RUNS / 2] / 1000.0, micros[RUNS * 95 / 100] / 1000.0,
                micros[RUNS * 99 / 100] / 1000.0, bytes / RUNS / 1024);
        assertThat(micros[RUNS / 2]).isPositive();
        BenchmarkReport.writeSection("documents-benchmark", section);
        System.out.println(section);
    }
}
