package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The embedded server as a deployment starts it (no test profile): a commit must survive a crash
 * and a power cut, so the WAL is flushed at commit, whatever the embedded-database library's own
 * defaults for throw-away test databases are.
 */
class EmbeddedPostgresDurabilityIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void deploymentDatabaseFlushesEveryCommitToDisk() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("deployment", Map.of("wushe.data-dir", dataDir.toString())));
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
                env.getRequiredProperty("spring.datasource.url"), DatabaseCredentials.SUPERUSER,
                DatabaseCredentials.load(dataDir).superuserPassword()));

        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }
}
