package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;

/**
 * How the embedded server of one data directory is started, kept so that the very same start can
 * be repeated after the server died (same port, same settings; PostgreSQL replays its WAL).
 *
 * @param lifecycle what issue 16 adds to a start: waiting for the lock, archiving for backups
 */
record ServerStart(Path pgDir, int port, boolean durable, Lifecycle lifecycle) {

    private static final Map<Path, ServerStart> STARTED = new ConcurrentHashMap<>();

    /**
     * @param lockWait     how long a start waits for an instance that is still shutting down
     * @param startupWait  how long a start waits for the server to accept connections (crash
     *                     recovery of a large database takes a while)
     * @param serverConfig extra {@code postgresql.conf} settings
     * @param recovering   a restore's archive recovery: the server is read-only until promoted, so
     *                     database and role are not created (they are in the backup)
     */
    record Lifecycle(Duration lockWait, Duration startupWait, Map<String, String> serverConfig, boolean recovering) {

        Lifecycle(Duration lockWait, Duration startupWait, Map<String, String> serverConfig) {
            this(lockWait, startupWait, serverConfig, false);
        }
    }

    EmbeddedPostgres start() {
        STARTED.put(pgDir, this);
        return EmbeddedPostgresEnvironment.start(pgDir, port, durable, lifecycle);
    }

    ServerStart withPort(int newPort) {
        return new ServerStart(pgDir, newPort, durable, lifecycle);
    }

    /** The start that started the server of {@code pgDir} in this JVM. */
    static ServerStart of(Path pgDir) {
        ServerStart start = STARTED.get(pgDir);
        if (start == null) {
            throw new IllegalStateException("no embedded server was started on " + pgDir);
        }
        return start;
    }

    /** Reads the lifecycle settings: {@code wushe.db.lock-wait}, {@code wushe.db.startup-wait}, {@code wushe.backup.*}. */
    static Lifecycle lifecycleSettings(Environment env) {
        Map<String, String> config = new LinkedHashMap<>();
        BackupSettings backup = BackupSettings.from(env);
        if (backup.enabled()) {
            String problem = backup.problem();
            if (problem == null) {
                config.putAll(WalArchive.serverSettings(backup));
            } else {
                OrphanedServer.log.error(Messages.text("platform.db.archiving-off", problem));
            }
        }
        return new Lifecycle(
                env.getProperty("wushe.db.lock-wait", Duration.class, Duration.ofSeconds(60)),
                env.getProperty("wushe.db.startup-wait", Duration.class, Duration.ofMinutes(5)),
                config);
    }
}
