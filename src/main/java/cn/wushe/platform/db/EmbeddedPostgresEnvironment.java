package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * <p>Migrations run as the owner ({@code postgres}); the application connects as the
 * low-privilege role {@code wushe_app}, so grants in the migrations (for example: the audit log
 * accepts only INSERT and SELECT) hold for the running code. One server per data directory and JVM:
 * test contexts share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String APP_ROLE = "wushe_app";
    static final String DATABASE = "wushe";
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

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
        // issue 16 (lifecycle): an orphan of a crashed run is stopped first; archiving for backups
        ServerStart spec = new ServerStart(dataDir.resolve("pg"), port, durable, ServerStart.lifecycleSettings(env));
        EmbeddedPostgres pg = SERVERS.computeIfAbsent(dataDir, dir -> spec.start());
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + DATABASE;
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", APP_ROLE);
        props.put("spring.datasource.password", "");
        props.put("spring.flyway.url", url);
        props.put("spring.flyway.user", "postgres");
        props.put("spring.flyway.password", "");
        props.put("wushe.db.embedded-port", pg.getPort());
        env.getPropertySources().addFirst(new MapPropertySource("wusheEmbeddedPostgres", props));
    }

    /**
     * @param durable whether a commit waits for its WAL to reach the disk: the zonky builder, made
     *                for throw-away test databases, starts the server with {@code -F} (fsync off) and
     *                {@code synchronous_commit=off}, which loses recent commits on a crash and can
     *                corrupt the cluster on power loss; the registry must survive both, so only the
     *                test profile turns this off
     */
    static EmbeddedPostgres start(Path pgDir, int port, boolean durable, ServerStart.Lifecycle lifecycle) {
        try {
            Files.createDirectories(pgDir);
            OrphanedServer.clear(pgDir, lifecycle.lockWait());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    // stopped by a Spring shutdown handler instead, after the contexts have closed
                    .setRegisterShutdownHook(false)
                    .setPort(port == 0 ? freePort() : port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    // given after the builder's -F, so these win
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setPGStartupWait(lifecycle.startupWait());
            lifecycle.serverConfig().forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            if (!lifecycle.recovering()) {
                createDatabaseAndRole(pg);
            }
            SpringApplication.getShutdownHandlers().add(() -> stop(pg));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.embedded-start-failed", pgDir), e);
        }
    }

    /** Issue 16: replaces the dead server of {@code dataDir} by a new one on the same port and data. */
    static synchronized EmbeddedPostgres restart(Path dataDir) {
        EmbeddedPostgres old = SERVERS.get(dataDir);
        ServerStart spec = ServerStart.of(dataDir.resolve("pg")).withPort(old == null ? 0 : old.getPort());
        if (old != null) {
            try {
                // pg_ctl stop finds no server; what matters is that the directory's lock is released
                old.close();
            } catch (IOException | RuntimeException e) {
                // the server is gone either way
            }
        }
        EmbeddedPostgres pg = spec.start();
        SERVERS.put(dataDir, pg);
        return pg;
    }

    private static void stop(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void createDatabaseAndRole(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'");
            if (!rs.next()) {
                st.execute("create role " + APP_ROLE + " login");
            }
            rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                // code-point order, as libc's C.UTF-8 sorts too, but compared with memcmp instead of
                // strcoll: every index on names and region codes is maintained and searched faster
                // (about a fifth of a roster import's inserts); character classes stay Unicode-aware
                st.execute("create database " + DATABASE + " owner postgres template template0 encoding 'UTF8'"
                        + " locale_provider builtin builtin_locale 'C.UTF-8'");
            }
            st.execute("grant connect, temporary on database " + DATABASE + " to " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException(Messages.text("platform.db.embedded-init-failed"), e);
        }
    }
}
