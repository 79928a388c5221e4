package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * After a restore ({@link RestoreCommand}), when the application has started on the restored
 * directory and before the audit verification runs: the rows per module, counted exactly.
 */
@Component
@ConditionalOnProperty(RestoreCommand.FROM)
class RestoreCounts {

    private final Environment env;

    RestoreCounts(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationStartedEvent.class)
    void print() throws SQLException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDir = Path.of(env.getProperty("wushe.data-dir", "./data")).toAbsolutePath().normalize();
        try (Connection c = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                // the owner owns every table (row-level security does not apply to it); the superuser stays unused
                DatabaseCredentials.OWNER, DatabaseCredentials.load(dataDir).ownerPassword())) {
            out.println(Messages.text("platform.restore.counts"));
            Restore.rowsPerSchema(c).forEach((schema, rows) ->
                    out.println(Messages.text("platform.restore.count", schema, String.valueOf(rows))));
        }
    }
}
