package cn.wushe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The benchmarks' shared report, docs/benchmarks.md: each benchmark owns one marked section of it. */
public final class BenchmarkReport {

    private static final Path FILE = Path.of("docs/benchmarks.md");

    private BenchmarkReport() {
    }

    /**
     * Replaces the section between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, or
     * appends it when the file has none yet; the rest of the file stays as it is.
     */
    public static void writeSection(String name, String section) throws IOException {
        String text = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmarks\n";
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String block = begin + "\n" + section + end;
        text = text.contains(begin) ? text.substring(0, text.indexOf(begin)) + block + text.substring(text.indexOf(end) + end.length())
                : text.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(FILE, text);
    }

    /**
     * Waits for the clients and sums them up as {p50 ms, p99 ms, requests per second, errors}. Each
     * client returns its latencies in nanoseconds followed by its error count in the last slot.
     */
    public static double[] summary(List<Future<long[]>> futures, long startNanos, ExecutorService pool) throws Exception {
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            for (int i = 0; i < l.length - 1; i++) {
                all.add(l[i]);
            }
            errors += l[l.length - 1];
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new double[] {all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.size() / seconds, errors};
    }
}
