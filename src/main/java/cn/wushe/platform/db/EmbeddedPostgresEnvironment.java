package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 server (binaries from the zonky Maven artifact) with its data under
 * {@code ${wushe.data-dir}/pg} when {@code spring.datasource.url} is not set, and points the
 * ordinary {@code spring.datasource.*} and {@code spring.flyway.*} settings at it.
 *
 * <p>Migrations run as the owner ({@code wushe_owner}, not a superuser); the application connects as the
 * low-privilege role {@code wushe_app}, each with its generated password ({@link DatabaseCredentials}), so grants in the migrations (for example: the audit log
 * accepts only INSERT and SELECT) hold for the running code. One server per data directory and JVM:
 * test contexts share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATABASE = "wushe";
    private static final Map<Path, PostgresServerProcess> SERVERS = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        // after application.yml and profiles are read
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("wushe.db.embedded", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("wushe.data-dir", "./data")).toAbsolutePath().normalize();
        int port = env.getProperty("wushe.db.port", Integer.class, 0);
        boolean durable = env.getProperty("wushe.db.durable", Boolean.class, true);
        String osAccount = env.getProperty("wushe.db.os-account", EmbeddedServerSecurity.DEFAULT_ACCOUNT);
        // issue 16 (lifecycle): the directory's lock, an orphan of a crashed run stopped, archiving for backups
        ServerStart.Lifecycle lifecycle = ServerStart.lifecycleSettings(env);
        PostgresServerProcess pg = SERVERS.computeIfAbsent(dataDir, dir -> start(dir, port, durable, osAccount, lifecycle));
        DatabaseCredentials credentials = DatabaseCredentials.load(dataDir);
        String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + DATABASE;
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", DatabaseCredentials.APP);
        props.put("spring.datasource.password", credentials.appPassword());
        props.put("spring.flyway.url", url);
        props.put("spring.flyway.user", DatabaseCredentials.OWNER);
        props.put("spring.flyway.password", credentials.ownerPassword());
        props.put("wushe.db.embedded-port", pg.port());
        env.getPropertySources().addFirst(new MapPropertySource("wusheEmbeddedPostgres", props));
    }

    /**
     * @param durable whether a commit waits for its WAL to reach the disk: a throw-away test
     *                database need not (fsync and synchronous_commit off), the registry must survive
     *                a crash and a power loss, so only the test profile turns this off
     */
    static PostgresServerProcess start(Path dataDir, int port, boolean durable, String osAccount,
            ServerStart.Lifecycle lifecycle) {
        Map<String, String> tuning = new java.util.LinkedHashMap<>();
        tuning.put("max_connections", "200");
        tuning.put("shared_buffers", "256MB");
        tuning.put("max_wal_size", "2GB");
        tuning.put("timezone", "Asia/Shanghai");
        tuning.put("fsync", durable ? "on" : "off");
        tuning.put("synchronous_commit", durable ? "on" : "off");
        try {
            OrphanedServer.clear(dataDir, lifecycle.lockWait());
            tuning.putAll(lifecycle.serverConfig());
            // security (passwords, account, pg_hba, socket, roles) lives in EmbeddedServerSecurity
            PostgresServerProcess pg = EmbeddedServerSecurity.prepare(dataDir.resolve("pg"), port == 0 ? freePort() : port,
                    tuning, osAccount, DatabaseCredentials.loadOrCreate(dataDir), DATABASE);
            pg.start();
            SpringApplication.getShutdownHandlers().add(pg::stop);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.embedded-start-failed", dataDir.resolve("pg")), e);
        }
    }

    /**
     * Issue 16: starts the dead server of {@code dataDir} again on the same port and data (PostgreSQL
     * replays its WAL), once the backends of the dead one are gone.
     */
    static synchronized PostgresServerProcess restart(Path dataDir) {
        PostgresServerProcess pg = SERVERS.get(dataDir);
        if (pg == null) {
            throw new IllegalStateException("no embedded server was started on " + dataDir);
        }
        OrphanedServer.awaitBackendsGone(pg.dataDirectory(), java.time.Duration.ofSeconds(10));
        pg.start();
        return pg;
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
