package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded server as a deployment starts it, attacked from the same machine (issue 10 item 1,
 * security.md item 5): no role gets in without its password, another OS account gets in neither
 * through TCP nor through a socket nor by reading the password file, the server never runs as root,
 * and a data directory an earlier version created (trust, no passwords, everything owned by the
 * superuser and root) is secured in place at start.
 */
class EmbeddedDatabaseSecurityIntegrationTest {

    @TempDir
    static Path work;
    static Path dataDir;
    static String url;
    static int port;
    static DatabaseCredentials credentials;

    @BeforeAll
    static void start() {
        dataDir = work.resolve("data");
        StandardEnvironment env = start(dataDir);
        url = env.getRequiredProperty("spring.datasource.url");
        port = env.getRequiredProperty("wushe.db.embedded-port", Integer.class);
        credentials = DatabaseCredentials.load(dataDir);
    }

    private static StandardEnvironment start(Path data) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("wushe.data-dir", data.toString(), "wushe.db.durable", "false")));
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void noRoleConnectsWithoutItsPassword() {
        for (String role : List.of(DatabaseCredentials.SUPERUSER, DatabaseCredentials.OWNER, DatabaseCredentials.APP)) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "").close())
                    .as("no password for %s", role).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres").close())
                    .as("wrong password for %s", role).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
        }
    }

    @Test
    void theServerListensOnTheLoopbackOnlyWithoutSocketAndTheOwnerIsNoSuperuser() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url, DatabaseCredentials.OWNER, credentials.ownerPassword());
                var st = c.createStatement()) {
            assertThat(value(st, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThat(value(st, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                    .isEqualTo(DatabaseCredentials.OWNER);
        }
        // the superuser's password is kept for the attacker's part in tests (and an operator's emergency)
        try (Connection c = DriverManager.getConnection(url, DatabaseCredentials.SUPERUSER, credentials.superuserPassword());
                var st = c.createStatement()) {
            assertThat(value(st, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(value(st, "show unix_socket_directories")).isEmpty();
            assertThat(value(st, "show password_encryption")).isEqualTo("scram-sha-256");
            assertThat(value(st, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
            assertThat(value(st, "select count(*)::text from pg_authid where rolcanlogin"
                    + " and (rolpassword is null or rolpassword not like 'SCRAM-SHA-256$%')")).isEqualTo("0");
        }
        assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
    }

    @Test
    void theServerNeverRunsAsRootAndItsFilesAreItsAccountsOnly() throws IOException {
        assumeTrue(EmbeddedServerSecurity.runsAsRoot(), "the root path is what CI and this machine run");
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().trim());
        String uid = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
        assertThat(uid.split("\\s+")[1]).isNotEqualTo("0");
        assertThat(Files.getOwner(dataDir.resolve("pg")).getName()).isEqualTo(EmbeddedServerSecurity.DEFAULT_ACCOUNT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("pg")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(DatabaseCredentials.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherOsAccountIsRefusedThroughTcpSocketAndFiles() throws Exception {
        assumeTrue(EmbeddedServerSecurity.runsAsRoot(), "only root can act as another account here");
        Path psql = Path.of("/usr/bin/psql");
        if (Files.isExecutable(psql)) {
            for (String role : List.of(DatabaseCredentials.SUPERUSER, DatabaseCredentials.OWNER, DatabaseCredentials.APP)) {
                Result tcp = asNobody(psql.toString(), "-w", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", role,
                        "-d", "wushe", "-c", "select 1");
                assertThat(tcp.status()).as(tcp.output()).isNotZero();
                assertThat(tcp.output()).contains("password");
            }
            // the client's default socket directories: nothing listens there for this server
            Result socket = asNobody(psql.toString(), "-w", "-p", Integer.toString(port), "-U", "postgres", "-d", "wushe",
                    "-c", "select 1");
            assertThat(socket.status()).isNotZero();
        }
        assertThat(Files.exists(Path.of("/tmp/.s.PGSQL." + port))).isFalse();
        Result read = asNobody("cat", dataDir.resolve(DatabaseCredentials.FILE).toString());
        assertThat(read.status()).isNotZero();
        assertThat(read.output()).doesNotContain(credentials.superuserPassword());
        assertThat(asNobody("ls", dataDir.resolve("pg").toString()).status()).isNotZero();
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsSecuredInPlace() throws Exception {
        Path old = work.resolve("old-data");
        Files.createDirectories(old);
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(old.resolve("pg"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setLocaleConfig("locale", "C.UTF-8").start();
                Connection c = legacy.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create role wushe_app login");
            st.execute("create database wushe");
            try (Connection w = legacy.getDatabase("postgres", "wushe").getConnection(); var ws = w.createStatement()) {
                ws.execute("create schema registry");
                ws.execute("create table registry.people (id bigserial primary key, name text)");
                ws.execute("insert into registry.people (name) values ('张三')");
                ws.execute("grant usage on schema registry to wushe_app");
                ws.execute("grant select on registry.people to wushe_app");
            }
        }
        String oldUrl = start(old).getRequiredProperty("spring.datasource.url");
        DatabaseCredentials upgraded = DatabaseCredentials.load(old);

        assertThatThrownBy(() -> DriverManager.getConnection(oldUrl, "postgres", "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(oldUrl, "wushe_app", "").close()).isInstanceOf(SQLException.class);
        assertThat(Files.readString(old.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
        try (Connection c = DriverManager.getConnection(oldUrl, DatabaseCredentials.OWNER, upgraded.ownerPassword());
                var st = c.createStatement()) {
            assertThat(value(st, "select pg_get_userbyid(relowner) from pg_class where oid = 'registry.people'::regclass"))
                    .isEqualTo(DatabaseCredentials.OWNER);
            assertThat(value(st, "select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'registry'"))
                    .isEqualTo(DatabaseCredentials.OWNER);
            st.execute("insert into registry.people (name) values ('李四')");
        }
        try (Connection c = DriverManager.getConnection(oldUrl, DatabaseCredentials.APP, upgraded.appPassword());
                var st = c.createStatement()) {
            assertThat(value(st, "select string_agg(name, ',' order by id) from registry.people")).isEqualTo("张三,李四");
        }
        if (EmbeddedServerSecurity.runsAsRoot()) {
            assertThat(Files.getOwner(old.resolve("pg/base")).getName()).isEqualTo(EmbeddedServerSecurity.DEFAULT_ACCOUNT);
        }
    }

    private static String value(java.sql.Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    record Result(int status, String output) {
    }

    private static Result asNobody(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(Path.of("/").toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
