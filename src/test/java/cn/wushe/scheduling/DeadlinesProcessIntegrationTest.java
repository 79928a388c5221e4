package cn.wushe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.db.DatabaseCredentials;
import cn.wushe.platform.db.EmbeddedPostgresEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The real application as separate processes on one PostgreSQL (security.md §G items 36–38):
 * killed with SIGKILL while deadlines fire, down for three simulated days, and two nodes at once.
 * Each deadline must fire exactly once: one {@code scheduling.fired_deadlines} row, one event
 * publication in all (for the kind's owner only, though every module owns some kinds), one outcome
 * in the probe handler's table (which dedupes redeliveries, as every module's handler must). Time moves through the probe's clock file, never by waiting for it.
 */
class DeadlinesProcessIntegrationTest {

    private static final Duration WAIT = Duration.ofMinutes(6);

    @TempDir
    static Path work;
    static String baseUrl;
    static JdbcClient admin;

    @BeforeAll
    static void startPostgres() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("processes",
                Map.of("wushe.data-dir", work.resolve("pg-home").toString(), "wushe.db.durable", "false")));
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        String url = env.getRequiredProperty("spring.datasource.url");
        baseUrl = url.substring(0, url.lastIndexOf('/') + 1);
        admin = jdbc("postgres");
    }

    @Test
    void killedWhileFiringAndDownForThreeDaysEveryDeadlineFiresOnceAndTheGapInDueOrder() throws Exception {
        String db = database("crash");
        Path clock = clockFile("crash", Duration.ZERO);
        Instant start = Instant.now();
        List<String> plan = new ArrayList<>();
        int burst = 2_000;
        for (int i = 0; i < burst; i++) {
            plan.add("probe.burst|thing|" + i + "|" + start.plus(Duration.ofHours(1)).plusMillis(i).toEpochMilli());
        }
        // one every 15 minutes over the three days the application will be down
        int gap = 288;
        for (int i = 0; i < gap; i++) {
            plan.add("probe.gap|thing|" + i + "|" + start.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(15L * i)).toEpochMilli());
        }
        Path planFile = planFile("crash", plan);
        JdbcClient jdbc = jdbc(db);

        try (AppProcess first = AppProcess.start(work, "crash-1", baseUrl + db,
                List.of("probe.plan=" + planFile, "probe.clock-file=" + clock, "probe.stall-after=300"))) {
            await(() -> Files.exists(planFile.resolveSibling(planFile.getFileName() + ".done")), first);
            assertThat(pendingDeadlines(jdbc)).isEqualTo(burst + gap);

            setClock(clock, Duration.ofHours(2));
            // a firing between its commit and its completion shows here briefly at any time; past the
            // stall point such executions stay, so the kill surely leaves some behind
            await(() -> fired(jdbc) > 300 && firedButStillPicked(jdbc) > 0, first);
            first.kill();
        }
        int firedBeforeKill = fired(jdbc);
        int stranded = firedButStillPicked(jdbc);
        assertThat(firedBeforeKill).isBetween(301, burst - 1);
        assertThat(stranded).isPositive();

        setClock(clock, Duration.ofDays(3).plusHours(4));
        try (AppProcess second = AppProcess.start(work, "crash-2", baseUrl + db,
                List.of("probe.clock-file=" + clock, "db-scheduler.threads=1"))) {
            await(() -> fired(jdbc) == burst + gap && pendingDeadlines(jdbc) == 0
                    && outcomes(jdbc) == burst + gap && incompletePublications(jdbc) == 0, second);
        }

        assertThat(fired(jdbc)).isEqualTo(burst + gap);
        assertThat(publications(jdbc)).as("one event publication per deadline, for its owner only").isEqualTo(burst + gap);
        assertThat(outcomes(jdbc)).isEqualTo(burst + gap);
        assertThat(jdbc.sql("select count(distinct task_instance) from probe.outcomes").query(Integer.class).single())
                .isEqualTo(burst + gap);
        List<Instant> gapInFiringOrder = jdbc.sql("""
                select due_at from scheduling.fired_deadlines where task_instance like 'probe.gap|%' order by seq""")
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
        assertThat(gapInFiringOrder).hasSize(gap).isSorted();
        // the stranded executions were fired again after the restart and published nothing the second time
        System.out.printf("crash: %d fired before SIGKILL, %d of them still picked; %d deliveries for %d outcomes%n",
                firedBeforeKill, stranded, deliveries(jdbc), outcomes(jdbc));
    }

    @Test
    void twoNodesFireEachDeadlineOnceAndTheSurvivorFinishesAKilledNodesWork() throws Exception {
        String db = database("nodes");
        Path clock = clockFile("nodes", Duration.ZERO);
        Instant due = Instant.now().plus(Duration.ofHours(1));
        int n = 2_000;
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // all due at the same instant
            plan.add("probe.nodes|thing|" + i + "|" + due.toEpochMilli());
        }
        Path planFile = planFile("nodes", plan);
        JdbcClient jdbc = jdbc(db);

        try (AppProcess a = AppProcess.start(work, "node-a", baseUrl + db,
                List.of("probe.plan=" + planFile, "probe.clock-file=" + clock, "probe.stall-after=50"));
                AppProcess b = AppProcess.start(work, "node-b", baseUrl + db, List.of("probe.clock-file=" + clock))) {
            await(() -> Files.exists(planFile.resolveSibling(planFile.getFileName() + ".done")), a);

            setClock(clock, Duration.ofHours(2));
            // node-a has delivered its first 50 and stalls after them with executions fired but not completed
            await(() -> count(jdbc, "select count(*) from probe.outcomes where node = 'node-a'") >= 50
                    && count(jdbc, """
                    select count(*) from scheduling.scheduled_tasks t join scheduling.fired_deadlines f using (task_instance)
                    where t.picked and t.picked_by = 'node-a'""") > 0, a);
            a.kill();
            // node-a's heartbeats stop; node-b finds its executions dead once they are older than the limit
            setClock(clock, Duration.ofHours(4));
            await(() -> fired(jdbc) == n && pendingDeadlines(jdbc) == 0 && outcomes(jdbc) == n
                    && incompletePublications(jdbc) == 0, b);
        }

        assertThat(fired(jdbc)).isEqualTo(n);
        assertThat(publications(jdbc)).isEqualTo(n);
        assertThat(outcomes(jdbc)).isEqualTo(n);
        Map<String, Integer> byNode = jdbc.sql("select node, count(*)::int from probe.outcomes group by node")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byNode).containsKeys("node-a", "node-b");
        System.out.printf("two nodes: outcomes by node %s, %d deliveries%n", byNode, deliveries(jdbc));
    }

    private static String database(String name) {
        admin.sql("create database " + name + " owner wushe_owner template template0 encoding 'UTF8'").update();
        admin.sql("grant connect, temporary on database " + name + " to wushe_app").update();
        JdbcClient db = jdbc(name);
        db.sql("create schema probe").update();
        db.sql("grant usage on schema probe to wushe_app").update();
        db.sql("create table probe.outcomes (task_instance text, due_at timestamptz, node text, primary key (task_instance, due_at))").update();
        db.sql("create table probe.deliveries (task_instance text, due_at timestamptz, node text)").update();
        db.sql("grant select, insert on probe.outcomes, probe.deliveries to wushe_app").update();
        return name;
    }

    private static JdbcClient jdbc(String db) {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), baseUrl + db, DatabaseCredentials.SUPERUSER,
                DatabaseCredentials.load(work.resolve("pg-home")).superuserPassword()));
    }

    private static Path clockFile(String name, Duration offset) throws IOException {
        Path file = work.resolve(name + "-clock");
        setClock(file, offset);
        return file;
    }

    private static void setClock(Path file, Duration offset) throws IOException {
        Path tmp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), Long.toString(offset.toSeconds()));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path planFile(String name, List<String> lines) throws IOException {
        return Files.write(work.resolve(name + "-plan"), lines);
    }

    /** The probe's own deadlines: modules schedule theirs at start too (a county's next 年报, for one). */
    private static int pendingDeadlines(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from scheduling.scheduled_tasks where task_name = 'deadline' and task_instance like 'probe.%'");
    }

    private static int fired(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from scheduling.fired_deadlines where task_instance like 'probe.%'");
    }

    /** Executions whose firing committed but which db-scheduler had not completed when the node died. */
    private static int firedButStillPicked(JdbcClient jdbc) {
        return count(jdbc, """
                select count(*) from scheduling.scheduled_tasks t join scheduling.fired_deadlines f using (task_instance)
                where t.picked""");
    }

    private static int outcomes(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from probe.outcomes");
    }

    private static int deliveries(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from probe.deliveries");
    }

    /** Publications of the probe's firings, to any listener: the kind's owner is the only one that gets one. */
    private static int publications(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from event_publication_registry.event_publication"
                + " where serialized_event like '%probe.%'");
    }

    private static int incompletePublications(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from event_publication_registry.event_publication where completion_date is null");
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    /** Polls a condition (never a fixed sleep); fails with the application's log when it does not come. */
    private static void await(BooleanSupplier condition, AppProcess app) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !app.alive()) {
                throw new AssertionError("condition not reached; application log:\n" + app.tail());
            }
            Thread.sleep(250);
        }
    }
}
