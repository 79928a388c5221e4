package cn.wushe.audit;

import cn.wushe.platform.Sm3;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helpers over the shared test database: every test writes into a county chain of its own
 * (random {@code 9xxxxx} codes, which no real county has), so tests neither see nor break each
 * other's chains, also when the database survives from an earlier run. Tests of every module read
 * the log through {@link #entriesIn}, so the table's shape is known in one place of the tests.
 */
public class AuditFixture {

    /** One entry as tests assert on it. */
    public record Entry(long id, String chain, long seq, UUID actorId, String actorName, String actorRoles,
            String actorScope, String action, String objectId, String objectRegion, String outcome, String clientIp,
            String requestId, String reason, String detail, boolean timed) {
    }

    /** Reads of the audit log for assertions; each method is one query, oldest entry first unless it says otherwise. */
    public static Entries entriesIn(JdbcClient jdbc) {
        return new Entries(jdbc);
    }

    public static final class Entries {

        private static final String SELECT = """
                select id, chain, seq, actor_id, actor_name, actor_roles, actor_scope, action, object_id, object_region,
                       outcome, client_ip, request_id, reason, detail, occurred_at is not null from audit.entries
                """;

        private final JdbcClient jdbc;

        private Entries(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public List<Entry> withAction(String action) {
            return query("where action = ? order by id", action);
        }

        /** Entries of one action on one object. */
        public List<Entry> about(String action, String objectId) {
            return query("where action = ? and object_id = ? order by id", action, objectId);
        }

        public List<Entry> byActor(String actorName) {
            return query("where actor_name = ? order by id", actorName);
        }

        /** In the order of the chain's sequence numbers. */
        public List<Entry> inChain(String chain) {
            return query("where chain = ? order by seq", chain);
        }

        public Optional<Entry> withRequestId(String requestId) {
            return query("where request_id = ?", requestId).stream().findFirst();
        }

        /** The newest entry of the action; fails when there is none. */
        public Entry latest(String action) {
            return query("where action = ? order by id desc limit 1", action).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no audit entry " + action));
        }

        public long count() {
            return jdbc.sql("select count(*) from audit.entries").query(Long.class).single();
        }

        public long count(String action) {
            return jdbc.sql("select count(*) from audit.entries where action = ?").param(action).query(Long.class).single();
        }

        /** How many entries carry {@code text} in their detail or reason: a secret must never be among them. */
        public long mentioning(String text) {
            return jdbc.sql("select count(*) from audit.entries where strpos(coalesce(detail, '') || coalesce(reason, ''), ?) > 0")
                    .param(text).query(Long.class).single();
        }

        private List<Entry> query(String where, Object... params) {
            var spec = jdbc.sql(SELECT + where);
            for (Object param : params) {
                spec = spec.param(param);
            }
            return spec.query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3),
                    rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                    rs.getString(14), rs.getString(15), rs.getBoolean(16))).list();
        }
    }

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
        return entriesIn(jdbc).inChain(chain).size();
    }

    /** Where an entry sits: its row id, lane and sequence number in that lane. */
    public record Placed(long id, int lane, long seq) {
    }

    /** Entries to record before {@link #inner}: 65 over at most 32 lanes put three in some lane. */
    public static final int FOR_AN_INNER_ENTRY = 65;

    /**
     * The first-written entry of the chain that is neither first nor last in its lane, so that a
     * break there can only be reported there; record {@link #FOR_AN_INNER_ENTRY} entries first.
     */
    public Placed inner(String chain) {
        return jdbc.sql("""
                select id, lane, seq from audit.entries e where chain = ? and seq >= 2
                  and exists (select 1 from audit.entries n where n.chain = e.chain and n.lane = e.lane and n.seq = e.seq + 1)
                order by id limit 1
                """).param(chain).query((rs, i) -> new Placed(rs.getLong(1), rs.getInt(2), rs.getLong(3))).single();
    }

    /** Sequence numbers per lane of the chain, in order. */
    public Map<Integer, List<Long>> seqsByLane(String chain) {
        Map<Integer, List<Long>> lanes = new TreeMap<>();
        jdbc.sql("select lane, seq from audit.entries where chain = ? order by lane, seq").param(chain)
                .query(rs -> {
                    lanes.computeIfAbsent(rs.getInt(1), l -> new ArrayList<>()).add(rs.getLong(2));
                });
        return lanes;
    }

    /**
     * {@code n} entries as they were written before lanes existed (no lane column given, so lane 0),
     * hashed by the canonical form as docs/audit.md spells it, independently of the application's code.
     */
    public void insertLegacy(String county, int n) throws SQLException {
        String prev = "0".repeat(64);
        List<String> inserts = new ArrayList<>();
        for (int seq = 1; seq <= n; seq++) {
            long millis = 1_767_225_600_000L + seq;
            String canonical = "6:" + county + "|" + String.valueOf(seq).length() + ":" + seq + "|13:" + millis
                    + "|-1:|-1:|-1:|-1:|6:LEGACY|-1:|-1:|-1:|7:SUCCESS|-1:|-1:|-1:|-1:|";
            String hash = Sm3.hex(prev + canonical);
            inserts.add("insert into audit.entries (chain, seq, occurred_at, action, outcome, prev_hash, hash, mac) values ('"
                    + county + "', " + seq + ", to_timestamp(" + millis + " / 1000.0), 'LEGACY', 'SUCCESS', '" + prev
                    + "', '" + hash + "', 'sm3')");
            prev = hash;
        }
        asSuperuser(inserts.toArray(String[]::new));
    }

    /**
     * Runs statements in one transaction as the database superuser, the way an intruder with
     * server access would; triggers stay off only inside that transaction.
     */
    /** Changes history as a superuser can: with the append-only triggers off, in one transaction. */
    public void tamper(String statement) throws SQLException {
        asSuperuser("alter table audit.entries disable trigger user", statement,
                "alter table audit.entries enable trigger user");
    }

    public void asSuperuser(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                cn.wushe.platform.db.DatabaseCredentials.SUPERUSER, cn.wushe.platform.db.DatabaseCredentials
                        .load(java.nio.file.Path.of(env.getRequiredProperty("wushe.data-dir"))).superuserPassword());
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                st.execute(sql);
            }
            c.commit();
        }
    }
}
