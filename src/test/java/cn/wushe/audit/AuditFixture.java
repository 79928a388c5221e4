package cn.wushe.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helpers over the shared test database: every test writes into a county chain of its own
 * (random {@code 9xxxxx} codes, which no real county has), so tests neither see nor break each
 * other's chains, also when the database survives from an earlier run.
 */
public class AuditFixture {

    private final AuditLog log;
    private final JdbcClient jdbc;
    private final Environment env;

    public AuditFixture(AuditLog log, JdbcClient jdbc, Environment env) {
        this.log = log;
        this.jdbc = jdbc;
        this.env = env;
    }

    /** A county code whose chain has no entries yet. */
    public String freshCounty() {
        while (true) {
            String code = "9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
            if (entries(code) == 0) {
                return code;
            }
        }
    }

    /** {@code n} entries in the county's chain, each in a transaction of its own. */
    public void record(String county, int n) {
        for (int i = 1; i <= n; i++) {
            log.record(event(county, i));
        }
    }

    public static AuditEvent event(String county, int i) {
        return AuditEvent.success("TEST_WRITE", "TEST", county + "-" + i, county + "100001")
                .withDetail("第 " + i + " 条");
    }

    public long entries(String chain) {
        return jdbc.sql("select count(*) from audit.entries where chain = ?").param(chain).query(Long.class).single();
    }

    public long idOf(String chain, long seq) {
        return jdbc.sql("select id from audit.entries where chain = ? and seq = ?").params(chain, seq)
                .query(Long.class).single();
    }

    /**
     * Runs statements in one transaction as the database superuser, the way an intruder with
     * server access would; triggers stay off only inside that transaction.
     */
    public void asSuperuser(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"), "postgres", "");
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                st.execute(sql);
            }
            c.commit();
        }
    }
}
