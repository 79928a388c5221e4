package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Least privilege and row-level security (issue 10 item 10, security.md checks 9 and 26): the
 * application role may delete only from tables whose rows the code deletes, and may truncate, alter
 * or own nothing; the registry tables show a connection only the counties of the scope it set, so a
 * query that forgot its scope predicate returns the actor's counties at most, a raw connection with
 * no scope sees nothing, and a pooled connection never keeps the previous user's scope.
 */
@SpringBootTest
@ActiveProfiles("test")
class DatabaseWallsIntegrationTest {

    /** Tables whose rows a library deletes, not the application's own SQL. */
    static final Map<String, String> LIBRARY_DELETES = Map.of(
            "scheduling.scheduled_tasks", "db-scheduler removes a finished one-time execution",
            "event_publication_registry.event_publication", "Spring Modulith removes completed event publications",
            "identity.spring_session", "Spring Session JDBC removes expired and ended sessions",
            "identity.spring_session_attributes", "Spring Session JDBC removes a session's attributes with it");

    static final String COUNTY_A = "619901";
    static final String COUNTY_B = "619902";

    @Autowired
    JdbcClient app;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${wushe.data-dir}")
    Path dataDir;

    JdbcClient superuser;

    @Autowired
    cn.wushe.platform.FieldCipher cipher;

    @BeforeEach
    void twoCountiesWithOnePersonEach() {
        DatabaseCredentials credentials = DatabaseCredentials.load(dataDir);
        superuser = JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(),
                url, DatabaseCredentials.SUPERUSER, credentials.superuserPassword()));
        for (String county : List.of(COUNTY_A, COUNTY_B)) {
            if (superuser.sql("select count(*) from registry.people where county_code = ?").param(county).query(Integer.class).single() == 0) {
                UUID household = UUID.randomUUID();
                superuser.sql("insert into registry.households (id, county_code, region_code, community_code, created_at, updated_at)"
                        + " values (?, ?, ? || '001001', ? || '001001', now(), now())").params(household, county, county, county).update();
                superuser.sql("""
                        insert into registry.people (id, county_code, region_code, community_code, name, id_doc_type, id_number_enc,
                            id_number_bidx, birth_date, sex, household_id, relation_to_head, created_at, updated_at)
                        values (?, ?, ? || '001001', ? || '001001', '测试', 'RESIDENT_ID', ?, ?, date '1980-01-01', 'MALE', ?, 'SELF', now(), now())
                        """).params(UUID.randomUUID(), county, county, county, cipher.encrypt(county + "198001010000"),
                        "walls-" + county, household).update();
            }
        }
    }

    @AfterEach
    void signOutAndRemoveThePeople() {
        SecurityContextHolder.clearContext();
        superuser.sql("delete from registry.people where county_code in (?, ?)").params(COUNTY_A, COUNTY_B).update();
        superuser.sql("delete from registry.households where county_code in (?, ?)").params(COUNTY_A, COUNTY_B).update();
    }

    @Test
    void aForgottenScopePredicateReturnsOnlyTheActorsCounty() {
        signIn(COUNTY_A);
        List<String> counties = app.sql("select distinct county_code from registry.people where county_code in (?, ?)")
                .params(COUNTY_A, COUNTY_B).query(String.class).list();
        assertThat(counties).containsExactly(COUNTY_A);

        signIn(COUNTY_B);
        assertThat(app.sql("select distinct county_code from registry.people where county_code in (?, ?)")
                .params(COUNTY_A, COUNTY_B).query(String.class).list())
                .as("the pooled connection does not keep the previous user's scope").containsExactly(COUNTY_B);

        SecurityContextHolder.clearContext();
        assertThat(app.sql("select count(distinct county_code) from registry.people where county_code in (?, ?)")
                .params(COUNTY_A, COUNTY_B).query(Integer.class).single()).as("the system's own work sees both").isEqualTo(2);
    }

    @Test
    void anActorCannotWriteIntoACountyOutsideTheirScopeEvenWithoutAPredicate() {
        signIn(COUNTY_A);
        assertThat(app.sql("update registry.people set name = name where county_code = ?").param(COUNTY_B).update())
                .as("rows of county B are invisible to the update").isZero();
        assertThat(app.sql("update registry.people set name = name where county_code = ?").param(COUNTY_A).update()).isPositive();
    }

    @Test
    void aRawConnectionThatSetNoScopeSeesNoPerson() throws SQLException {
        DatabaseCredentials credentials = DatabaseCredentials.load(dataDir);
        try (Connection c = DriverManager.getConnection(url, DatabaseCredentials.APP, credentials.appPassword());
                var rs = c.createStatement().executeQuery("select count(*) from registry.people")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(superuser.sql("select count(*) from registry.people").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theApplicationRoleCannotDeletePeopleNorTruncateAlterOrOwnAnything() {
        String[] refused = {
            "delete from registry.people where false",
            "delete from registry.correction_requests where false",
            "delete from registry.resident_accounts where false",
            "delete from registry.person_changes where false",
            "truncate audit.entries",
            "truncate registry.people",
            "alter table registry.people disable row level security",
            "create table registry.intruder (x int)",
            "create table public.intruder (x int)"};
        for (String sql : refused) {
            assertThatThrownBy(() -> app.sql(sql).update()).as(sql)
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().extracting(e -> ((SQLException) e).getSQLState()).isIn("42501");
        }
        assertThat(superuser.sql("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and c.relkind in ('r', 'p')
                  and (has_table_privilege('wushe_app', c.oid, 'TRUNCATE') or has_table_privilege('wushe_app', c.oid, 'TRIGGER')
                       or has_table_privilege('wushe_app', c.oid, 'REFERENCES') or pg_get_userbyid(c.relowner) = 'wushe_app')
                """).query(Integer.class).single()).isZero();
        assertThat(superuser.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls or rolreplication from pg_roles where rolname = 'wushe_app'")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void everyDeleteGrantIsUsedByTheCode() throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> texts = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(f).toLowerCase().replaceAll("\\s+", " "));
            }
            code = String.join("\n", texts);
        }
        List<String> deletable = superuser.sql("""
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                  and has_table_privilege('wushe_app', c.oid, 'DELETE') order by 1
                """).query(String.class).list();
        Set<String> unused = deletable.stream()
                .filter(t -> !LIBRARY_DELETES.containsKey(t))
                .filter(t -> !Pattern.compile("delete from " + Pattern.quote(t) + "\\b").matcher(code).find())
                .collect(Collectors.toSet());
        assertThat(unused).as("DELETE granted to the application role but never used by its code").isEmpty();
        assertThat(deletable).doesNotContain("registry.people", "audit.entries", "registry.person_changes");
    }

    private static void signIn(String county) {
        Actor actor = new Actor() {
            @Override
            public UUID id() {
                return UUID.nameUUIDFromBytes(county.getBytes());
            }

            @Override
            public String username() {
                return "walls-" + county;
            }

            @Override
            public String displayName() {
                return username();
            }

            @Override
            public Set<String> roles() {
                return Set.of("COUNTY_ADMIN");
            }

            @Override
            public List<RegionScope> scopesFor(Permission permission) {
                return permission == Permission.PERSON_VIEW ? List.of(new RegionScope(county)) : List.of();
            }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
    }
}
