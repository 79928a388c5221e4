package cn.wushe.scheduling.internal;

import cn.wushe.platform.BenchmarkReport;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scheduler benchmark: 100,000 deadlines all due at the same instant, each fired as in
 * production (fired-deadline row, one event publication delivering {@code DeadlineDue} to the kind's
 * owner, db-scheduler's completion). Reports the time until the last one fired, lateness
 * percentiles (fired_at − due_at) and CPU core-seconds per deadline (application JVM plus the
 * PostgreSQL processes), beside a plain one-row-per-commit INSERT of as many rows as a reference.
 * {@code -Dbench.deadlines}, {@code -Dbench.threads} and {@code -Dbench.polling} tune a run.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "wushe.data-dir=target/bench-data-scheduling",
        // measured as it runs in production: every commit waits for its WAL to reach the disk
        "wushe.db.durable=true",
        "wushe.regions.import-on-start=false",
        "db-scheduler.threads=${bench.threads:20}",
        "db-scheduler.polling-strategy=${bench.polling:lock-and-fetch}",
        "db-scheduler.polling-interval=1s",
        "spring.datasource.hikari.maximum-pool-size=${bench.pool:30}",
        "logging.level.root=WARN"})
@ActiveProfiles("test")
@Import(DeadlinesBenchmark.Listener.class)
class DeadlinesBenchmark {

    @Autowired
    SchedulerClient scheduler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Value("${bench.deadlines:100000}")
    int count;
    @Value("${db-scheduler.threads}")
    int threads;
    @Value("${db-scheduler.polling-strategy}")
    String polling;
    @Value("${wushe.data-dir}")
    String dataDir;

    @Test
    void firesOneHundredThousandDeadlinesDueInTheSameMinute() throws Exception {
        jdbc.sql("delete from scheduling.fired_deadlines where task_instance like 'bench.%'").update();
        jdbc.sql("delete from scheduling.scheduled_tasks where task_instance like 'bench.%'").update();

        double[] insertPerSecond = plainInsertRates();

        // scheduled in batches straight through the client, with the data Deadlines.schedule writes
        Instant due = clock.instant().plusSeconds(30 + count / 300);
        long scheduleStart = System.nanoTime();
        List<TaskInstance<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(DeadlineTask.DESCRIPTOR.instance("bench.due|thing|" + i).data(DeadlineData.due(due)).build());
            if (batch.size() == 1_000 || i == count - 1) {
                scheduler.scheduleBatch(batch, due);
                batch.clear();
            }
        }
        double scheduleSeconds = (System.nanoTime() - scheduleStart) / 1e9;
        while (clock.instant().isBefore(due)) {
            Thread.sleep(100);
        }
        double cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        while (fired() < count) {
            Thread.sleep(250);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;

        List<Double> lateness = jdbc.sql("""
                select extract(epoch from fired_at - due_at) from scheduling.fired_deadlines
                where task_instance like 'bench.%' order by 1""").query(Double.class).list();
        double lastFired = lateness.getLast();
        double publications = jdbc.sql("""
                select count(*) from event_publication_registry.event_publication where serialized_event like '%bench.due%'""")
                .query(Long.class).single() / (double) count;
        report(insertPerSecond, scheduleSeconds, drainSeconds, lastFired, percentile(lateness, 0.50),
                percentile(lateness, 0.99), cpu, publications);
    }

    /**
     * The references: one row per statement and commit, as each firing commits once (on a fifth
     * of the volume, it is the slow one), and all rows in one INSERT … SELECT.
     */
    private double[] plainInsertRates() throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            // a temporary table lives on one connection: every statement must use the same one
            return plainInsertRates(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        }
    }

    private double[] plainInsertRates(JdbcClient jdbc) {
        jdbc.sql("create temporary table if not exists bench_insert (id bigint primary key, at timestamptz)").update();
        int single = Math.max(1, count / 5);
        long start = System.nanoTime();
        for (int i = 0; i < single; i++) {
            jdbc.sql("insert into bench_insert values (:id, now())").param("id", i).update();
        }
        double perCommit = single / ((System.nanoTime() - start) / 1e9);
        jdbc.sql("truncate bench_insert").update();
        start = System.nanoTime();
        jdbc.sql("insert into bench_insert select g, now() from generate_series(1, :n) g").param("n", count).update();
        double oneStatement = count / ((System.nanoTime() - start) / 1e9);
        jdbc.sql("drop table bench_insert").update();
        return new double[] {perCommit, oneStatement};
    }

    private int fired() {
        return jdbc.sql("select count(*) from scheduling.fired_deadlines where task_instance like 'bench.%'")
                .query(Integer.class).single();
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** This JVM plus the PostgreSQL server and its backends (live and exited), from /proc. */
    private double cpuSeconds() throws IOException {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        String postmaster = Files.readAllLines(Path.of(dataDir, "pg", "postmaster.pid")).getFirst().trim();
        double ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat;
                try {
                    String s = Files.readString(proc.resolve("stat"));
                    stat = s.substring(s.lastIndexOf(')') + 2).split(" ");
                } catch (IOException gone) {
                    continue;
                }
                String pid = proc.getFileName().toString();
                // fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
                if (pid.equals(postmaster)) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                } else if (stat[1].equals(postmaster)) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return jvm + ticks / 100.0;
    }

    private void report(double[] insertPerSecond, double scheduleSeconds, double drainSeconds, double lastFired,
            double p50, double p99, double cpu, double publications) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("## Scheduling: ").append(String.format("%,d", count)).append(" deadlines due at the same instant\n\n");
        s.append("Measured ").append(LocalDateTime.now(clock).withNano(0)).append(" (Asia/Shanghai) by `DeadlinesBenchmark` ")
                .append("(`mvn -B test -Dgroups=benchmark -DexcludedGroups=none -Dtest=DeadlinesBenchmark`), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(Runtime.version().feature())
                .append(", embedded PostgreSQL 17 with durable commits on the same machine; load average before the run ")
                .append(String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" (above the core count means other work shared the machine).\n")
                .append("db-scheduler: ").append(threads).append(" threads, polling strategy `").append(polling)
                .append("`, polling interval 1 s; each firing writes its fired-deadline row and the event publication ")
                .append("for its kind's owner (a no-op `DeadlineHandler`; every module's handler is in the context), ")
                .append("delivers and completes it, and deletes the execution.\n\n");
        s.append("| measure | value | goal |\n|---|---|---|\n");
        s.append(String.format("| time until all fired (from the due instant) | %.1f s | ≤ 60 s |%n", drainSeconds));
        s.append(String.format("| firing rate | %,.0f deadlines/s | ≥ %,.0f/s |%n", count / drainSeconds, count / 60.0));
        s.append(String.format("| lateness p50 / p99 / max (fired_at − due_at) | %.1f s / %.1f s / %.1f s | |%n", p50, p99, lastFired));
        s.append(String.format("| CPU per deadline (application + PostgreSQL) | %.2f core-ms | |%n", cpu * 1000 / count));
        s.append(String.format("| event publications per firing | %.2f | 1 |%n", publications));
        s.append(String.format("| scheduling %,d deadlines in batches of 1,000 | %.1f s | |%n", count, scheduleSeconds));
        s.append(String.format("| reference: plain one-row INSERT, one commit each (%,d rows) | %,.0f rows/s | |%n", count / 5, insertPerSecond[0]));
        s.append(String.format("| reference: %,d rows in one INSERT … SELECT | %,.0f rows/s | |%n", count, insertPerSecond[1]));
        s.append("\n");
        BenchmarkReport.writeSection("scheduling-benchmark", s.toString());
        System.out.println(s);
    }

    /** A module's handler doing nothing, so each firing pays for its delivery as in production. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Listener implements DeadlineHandler {

        @Override
        public Set<String> kinds() {
            return Set.of("bench.due");
        }

        @Override
        public void onDue(DeadlineDue due) {
            // the registry's bookkeeping is what is measured
        }
    }
}
