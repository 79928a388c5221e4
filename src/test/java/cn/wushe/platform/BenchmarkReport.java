package cn.wushe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
