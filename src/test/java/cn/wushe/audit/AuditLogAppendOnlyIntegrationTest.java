package cn.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** security.md check 26: the application's database role can only read and append the audit log. */
@SpringBootTest
@ActiveProfiles("test")
class AuditLogAppendOnlyIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    Environment env;

    String county;

    @BeforeEach
    void someEntries() {
        AuditFixture fixture = new AuditFixture(log, jdbc, env);
        county = fixture.freshCounty();
        fixture.record(county, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "update audit.entries set detail = 'changed' where chain = :chain",
            "delete from audit.entries where chain = :chain",
            "truncate audit.entries"})
    void appRoleCannotChangeHistory(String sql) {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("wushe_app");
        assertThatThrownBy(() -> jdbc.sql(sql).params(java.util.Map.of("chain", county)).update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((SQLException) NestedExceptionUtils.getMostSpecificCause(e)).getSQLState())
                        .isEqualTo("42501"));
        assertThat(AuditFixture.entriesIn(jdbc).inChain(county)).hasSize(2).noneMatch(e -> "changed".equals(e.detail()));
    }
}
