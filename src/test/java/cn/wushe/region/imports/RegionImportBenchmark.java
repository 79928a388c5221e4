package cn.wushe.region.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.db.EmbeddedPostgresEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * How fast the full tree of China loads (up to the commit, and separately until its trigram name
 * index is built after the commit), against the floor of a plain COPY of the same five files
 * into unindexed tables, both on one fresh database (its own server under target/, not the test
 * database). Not a unit test: run it on purpose and commit the section it writes to
 * docs/benchmarks.md:
 * {@code mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=RegionImportBenchmark}.
 */
@Tag("benchmark")
class RegionImportBenchmark {

    static final Path DATA_DIR = Path.of("target/benchmark-data");
    static final Path REPORT = Path.of("docs/benchmarks.md");
    static final String START = "<!-- region-import -->";
    static final String END = "<!-- /region-import -->";

    /** The owner's password: the plain copies and the floor run as the owner, as migrations do. */
    static String owner = "";

    @Test
    void loadsAllOfChinaAgainstAPlainCopy() throws Exception {
        String loadBefore = loadAverage();
        deleteRecursively(DATA_DIR);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("benchmark", Map.of("wushe.data-dir", DATA_DIR.toString())));
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        String url = env.getRequiredProperty("spring.datasource.url");
        owner = env.getRequiredProperty("spring.flyway.password");
        Flyway.configure().dataSource(url, "wushe_owner", owner)
                .locations("classpath:db/migration/__root", "classpath:db/migration/region")
                .placeholders(Map.of("appRole", env.getRequiredProperty("spring.datasource.username")))
                .load().migrate();

        Duration plainFirst = plainCopy(url);
        SimpleDriverDataSource app = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                env.getRequiredProperty("spring.datasource.username"), env.getRequiredProperty("spring.datasource.password"));
        Clock clock = Clock.system(ClockConfiguration.ZONE);
        RegionImport regionImport = new RegionImport(app, new DataSourceTransactionManager(app), clock);
        ImportResult full = regionImport.importFrom(RegionFiles.bundled());
        Duration plainSecond = plainCopy(url);
        ImportResult warm = regionImport.importFrom(RegionFiles.bundled());
        ImportResult unchanged = regionImport.importFrom(RegionFiles.bundled(), true);

        assertThat(full.inserted()).isEqualTo(665_276);
        assertThat(full.searchIndex()).isPositive();
        assertThat(warm.skipped()).isTrue();
        assertThat(unchanged.inserted() + unchanged.updated()).isZero();
        Duration[] floor = finalRowsFloor(url);
        Duration plain = plainFirst.compareTo(plainSecond) <= 0 ? plainFirst : plainSecond;
        double ratio = (double) full.took().toMillis() / plain.toMillis();
        String machine = "%d CPUs (`nproc`), %s memory, %s; load average %s before, %s after".formatted(
                Runtime.getRuntime().availableProcessors(), memory(), cpuModel(), loadBefore, loadAverage());
        String section = report(clock, serverVersion(url), machine, full, plainFirst, plainSecond, ratio, warm,
                unchanged, floor);
        System.out.println(section);
        writeSection(section);
    }

    /** The floor: the five files streamed by COPY into plain, unindexed tables of text columns. */
    static Duration plainCopy(String url) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url, "wushe_owner", owner)) {
            c.createStatement().execute("drop schema if exists bench cascade; create schema bench");
            long start = System.nanoTime();
            for (TreeFile file : TreeFile.values()) {
                c.createStatement().execute("create table bench." + file.stagingTable() + " (" + file.columnDefinitions() + ")");
                try (InputStream csv = RegionFiles.bundled().openCsv(file)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench." + file.stagingTable() + " ("
                            + file.columnList() + ") from stdin with (format csv, header true)", csv);
                }
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /**
     * Where the time goes: the final rows (with their full names) written into an unindexed table,
     * then the trigram index built on them, as the owner; neither is part of the import.
     */
    static Duration[] finalRowsFloor(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "wushe_owner", owner)) {
            c.createStatement().execute("create table bench.final_rows (like region.regions)");
            long start = System.nanoTime();
            c.createStatement().execute("insert into bench.final_rows select * from region.regions order by code");
            long inserted = System.nanoTime();
            c.createStatement().execute("create index on bench.final_rows using gin (name gin_trgm_ops)");
            return new Duration[] {Duration.ofNanos(inserted - start), Duration.ofNanos(System.nanoTime() - inserted)};
        }
    }

    static String serverVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "wushe_owner", owner);
                var rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String report(Clock clock, String pgVersion, String machine, ImportResult full, Duration plainFirst,
            Duration plainSecond, double ratio, ImportResult warm, ImportResult unchanged, Duration[] floor) {
        return """
                %s
                ## Region tree import (区划导入)

                Run on %s with `mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=RegionImportBenchmark`
                (fresh embedded PostgreSQL %s under target/benchmark-data, JDK %s).
                Machine: %s (the machine is shared; times vary with its load).

                | what | time |
                |---|---|
                | plain COPY of the 5 gzipped files into unindexed tables (before / after ours) | %d ms / %d ms |
                | **our first load of all of China** (%,d nodes, one transaction, up to its commit: tree usable, searchable by code and by name) | **%d ms** |
                | … of which COPY into staging tables and checks | %d ms |
                | … of which full names, insert into region.regions with its primary key, then building its parent and county indexes | %d ms |
                | ratio load / faster plain COPY (goal ≤ 2×) | **%.2f×** |
                | after the commit: trigram index on names built (until then name search scans the table) | %d ms |
                | search index ready: load + trigram index, ratio to the faster plain COPY | %d ms (%.2f×) |
                | for comparison: the same final rows (with full names) copied into an unindexed table | %d ms |
                | for comparison: building the trigram index alone on those rows | %d ms |
                | warm start, files unchanged (checksums compared, import skipped) | %d ms |
                | forced re-import of unchanged files (0 inserted, 0 updated) | %d ms |

                The first load (region.regions empty) drops the parent, county and trigram indexes through the owner
                functions of migration V3_3, inserts the rows, rebuilds the two B-trees before the commit and the
                trigram index after it; name search works meanwhile by a sequential scan. The goal (load ≤ 2× a
                plain COPY) is not met: what remains is the COPY into staging with its checks and the insert into
                the table with its primary key (compare the unindexed copy of the final rows above).
                %s
                """.formatted(START, LocalDate.now(clock), pgVersion, System.getProperty("java.version"), machine,
                plainFirst.toMillis(), plainSecond.toMillis(), full.nodes().total(), full.took().toMillis(),
                full.staging().toMillis(), full.merge().toMillis(), ratio, full.searchIndex().toMillis(),
                full.took().plus(full.searchIndex()).toMillis(),
                (double) full.took().plus(full.searchIndex()).toMillis() / Math.min(plainFirst.toMillis(), plainSecond.toMillis()),
                floor[0].toMillis(), floor[1].toMillis(),
                warm.took().toMillis(), unchanged.took().toMillis(), END);
    }

    static void writeSection(String section) throws IOException {
        String existing = Files.exists(REPORT) ? Files.readString(REPORT, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int from = existing.indexOf(START);
        int to = existing.indexOf(END);
        String updated = from >= 0 && to > from
                ? existing.substring(0, from) + section.strip() + existing.substring(to + END.length())
                : existing.stripTrailing() + "\n\n" + section.strip() + "\n";
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, updated, StandardCharsets.UTF_8);
    }

    static String loadAverage() throws IOException {
        Path file = Path.of("/proc/loadavg");
        return Files.isReadable(file) ? String.join(" ", Arrays.copyOf(Files.readString(file).split(" "), 3)) : "unknown";
    }

    static String memory() throws IOException {
        return lineOf(Path.of("/proc/meminfo"), "MemTotal")
                .map(l -> "%.1f GiB".formatted(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    static String cpuModel() throws IOException {
        return lineOf(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
    }

    static java.util.Optional<String> lineOf(Path file, String prefix) throws IOException {
        if (!Files.isReadable(file)) {
            return java.util.Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.delete(p);
                }
            }
        }
    }
}
