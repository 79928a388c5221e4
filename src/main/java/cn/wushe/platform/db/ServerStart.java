package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/** What issue 16 adds to a start of the embedded server: waiting for the directory, archiving for backups. */
final class ServerStart {

    private ServerStart() {
    }

    /**
     * @param lockWait     how long a start waits for an instance that is still shutting down
     * @param serverConfig extra {@code postgresql.conf} settings (WAL archiving)
     */
    record Lifecycle(Duration lockWait, Map<String, String> serverConfig) {
    }

    /** Reads {@code wushe.db.lock-wait} and {@code wushe.backup.*}. */
    static Lifecycle lifecycleSettings(Environment env) {
        Map<String, String> config = new LinkedHashMap<>();
        BackupSettings backup = BackupSettings.from(env);
        if (backup.enabled()) {
            String problem = backup.problem();
            if (problem == null) {
                config.putAll(WalArchive.serverSettings(backup, serverAccount(env)));
            } else {
                OrphanedServer.log.error(Messages.text("platform.db.archiving-off", problem));
            }
        }
        return new Lifecycle(env.getProperty("wushe.db.lock-wait", Duration.class, Duration.ofSeconds(60)), config);
    }

    /** The OS account the server runs as (it runs the archive command), null when it runs as the JVM's user. */
    static String serverAccount(Environment env) {
        return EmbeddedServerSecurity.runsAsRoot()
                ? EmbeddedServerSecurity.ensureAccount(env.getProperty("wushe.db.os-account", EmbeddedServerSecurity.DEFAULT_ACCOUNT))
                : null;
    }
}
