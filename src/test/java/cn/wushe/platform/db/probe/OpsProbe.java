package cn.wushe.platform.db.probe;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.operations.internal.BackupJob;
import cn.wushe.operations.internal.BackupRuns;
import cn.wushe.platform.db.Restore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Test-only endpoints of the application started as a process by {@code CrashRecoveryProcessTest}:
 * an acknowledged write (an audit entry, so the hash chain is part of every check), a backup now,
 * a WAL switch that waits until the segment is archived, and the rows per schema. Never on the
 * production classpath; named in {@code spring.main.sources}, so only that process has it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OpsProbe {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain probeChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/probe/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    RouterFunction<ServerResponse> probeRoutes(AuditLog audit, TransactionTemplate tx, BackupJob backups,
                                               BackupRuns runs, Environment env) {
        return RouterFunctions.route()
                .POST("/probe/write", request -> {
                    String tag = request.param("tag").orElse("w");
                    tx.executeWithoutResult(s -> audit.record(
                            AuditEvent.success("probe.write", "probe", tag, null).byActor("probe")));
                    return ServerResponse.status(HttpStatus.CREATED).body(tag);
                })
                .POST("/probe/backup", request -> {
                    backups.run(BackupRuns.Trigger.ADMIN, null);
                    BackupRuns.Run run = runs.latest(1).getFirst();
                    return ServerResponse.ok().body(run.status() + " " + run.backupName() + " " + run.message());
                })
                .POST("/probe/switch-wal", request -> {
                    try (Connection c = owner(env); Statement st = c.createStatement()) {
                        String segment = text(st, "select pg_walfile_name(pg_switch_wal())");
                        while (text(st, "select coalesce(last_archived_wal, '') from pg_stat_archiver").compareTo(segment) < 0) {
                            Thread.sleep(100);
                        }
                        return ServerResponse.ok().body(segment);
                    }
                })
                .GET("/probe/audit", request -> {
                    try (Connection c = owner(env); var st = c.prepareStatement("select count(*) from audit.entries where action = ?")) {
                        st.setString(1, request.param("action").orElseThrow());
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            return ServerResponse.ok().body(Long.toString(rs.getLong(1)));
                        }
                    }
                })
                .GET("/probe/counts", request -> {
                    try (Connection c = owner(env)) {
                        return ServerResponse.ok().body(Restore.rowsPerSchema(c).entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
                    }
                })
                .build();
    }

    /** The superuser: switching WAL and counting every schema's rows (row-level security included) are its. */
    private static Connection owner(Environment env) throws java.sql.SQLException {
        java.nio.file.Path dataDir = java.nio.file.Path.of(env.getRequiredProperty("wushe.data-dir")).toAbsolutePath().normalize();
        return DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                cn.wushe.platform.db.DatabaseCredentials.SUPERUSER,
                cn.wushe.platform.db.DatabaseCredentials.load(dataDir).superuserPassword());
    }

    private static String text(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
