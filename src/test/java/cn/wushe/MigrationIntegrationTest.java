package cn.wushe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every migration applies, in order, to an empty database (as a new deployment's would), creates
 * each module's schema, and grants the application role no more than the code needs.
 */
@SpringBootTest
@ActiveProfiles("test")
class MigrationIntegrationTest {

    @Value("${spring.flyway.url}")
    String url;

    @Value("${wushe.data-dir}")
    java.nio.file.Path dataDir;

    @Autowired
    FlywayProperties flyway;

    @Test
    void allMigrationsApplyToAnEmptyDatabase() throws SQLException {
        var credentials = cn.wushe.platform.db.DatabaseCredentials.load(dataDir);
        String superuser = credentials.superuserPassword();
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String emptyUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
        try (Connection admin = DriverManager.getConnection(url, "postgres", superuser)) {
            admin.createStatement().execute("create database " + database);
        }
        try {
            try (Connection admin = DriverManager.getConnection(url, "postgres", superuser)) {
                admin.createStatement().execute("alter database " + database + " owner to wushe_owner");
                admin.createStatement().execute("revoke all on database " + database + " from public");
                admin.createStatement().execute("grant connect, temporary on database " + database + " to wushe_app");
            }
            // as a deployment migrates: as the owner role, not a superuser
            MigrateResult result = Flyway.configure()
                    .dataSource(emptyUrl, "wushe_owner", credentials.ownerPassword())
                    .locations(flyway.getLocations().toArray(String[]::new))
                    .placeholders(Map.of("appRole", "wushe_app"))
                    .load().migrate();
            assertThat(result.success).isTrue();
            assertThat(result.initialSchemaVersion).isNull();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(5);
            try (Connection c = DriverManager.getConnection(emptyUrl, "wushe_owner", credentials.ownerPassword())) {
                var rs = c.createStatement().executeQuery("select nspname from pg_namespace");
                List<String> schemas = new java.util.ArrayList<>();
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
                assertThat(schemas).contains("audit", "region", "identity", "event_publication_registry");
            }
            try (Connection app = DriverManager.getConnection(emptyUrl, "wushe_app", credentials.appPassword())) {
                assertThatThrownBy(() -> app.createStatement().execute("update audit.entries set detail = 'x'"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
                assertThatThrownBy(() -> app.createStatement().execute("create table region.intruder (x int)"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url, "postgres", superuser)) {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }
}
