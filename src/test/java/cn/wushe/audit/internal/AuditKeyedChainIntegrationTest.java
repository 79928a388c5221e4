package cn.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.audit.AuditFixture;
import cn.wushe.audit.AuditFixture.Placed;
import cn.wushe.audit.AuditLog;
import cn.wushe.audit.internal.AuditVerification.Kind;
import cn.wushe.audit.internal.AuditVerification.Tampered;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The keyed chain (issue 10 item 5, security.md check 26): a database superuser who forges an entry
 * and re-chains the lane with plain SM3 (all he can compute without the key) is named at the forged
 * entry; cutting entries off the end is caught against the heads shipped outside the database; and a
 * lane written before the switch keeps verifying, with its switch point shipped and enforced.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditKeyedChainIntegrationTest {

    @Autowired
    AuditLog log;

    @Autowired
    AuditVerification verification;

    @Autowired
    HeadShipper shipper;

    @Autowired
    ShippedHeads heads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    AuditFixture fixture;
    String county;

    @BeforeEach
    void ownChain() {
        fixture = new AuditFixture(log, jdbc, env);
        county = fixture.freshCounty();
    }

    @Test
    void aForgedEntryReChainedWithPlainSm3ByASuperuserIsNamed() throws Exception {
        fixture.record(county, AuditFixture.FOR_AN_INNER_ENTRY);
        assertThat(jdbc.sql("select distinct mac from audit.entries where chain = ?").param(county).query(String.class).list())
                .containsExactly("hmac-sm3");
        Placed forged = fixture.inner(county);

        rechainPlain(forged, "detail = '已核实，无异常'");

        List<Tampered> found = verification.verify(county).firstTampered();
        assertThat(found).singleElement().satisfies(first -> {
            assertThat(first.lane()).isEqualTo(forged.lane());
            assertThat(first.seq()).isEqualTo(forged.seq());
            assertThat(first.id()).isEqualTo(forged.id());
            assertThat(first.kind()).isEqualTo(Kind.UNKEYED_LINK);
        });
    }

    @Test
    void aWholeLaneReChainedWithPlainSm3IsCaughtByItsShippedSwitchPoint() throws Exception {
        fixture.insertLegacy(county, 3);
        // lanes are taken from a random start: write until one new entry has continued lane 0
        for (int i = 0; i < 1_000 && fixture.seqsByLane(county).get(0).size() < 4; i++) {
            fixture.record(county, 1);
        }
        assertThat(fixture.seqsByLane(county).get(0)).as("a new entry continues lane 0").startsWith(1L, 2L, 3L, 4L);
        assertThat(verification.verify(county).intact()).as("plain entries before the switch still verify").isTrue();
        shipper.ship();
        assertThat(heads.latest().get(county + "-0").firstKeyedSeq()).isEqualTo(4L);

        long keyedId = jdbc.sql("select id from audit.entries where chain = ? and lane = 0 and seq = 4").param(county)
                .query(Long.class).single();
        rechainPlain(new Placed(keyedId, 0, 4), "detail = null");

        assertThat(verification.verify(county).firstTampered()).singleElement().satisfies(first -> {
            assertThat(first.seq()).isEqualTo(4);
            assertThat(first.id()).isEqualTo(keyedId);
            assertThat(first.kind()).isEqualTo(Kind.UNKEYED_LINK);
        });
    }

    @Test
    void entriesCutOffTheEndAreCaughtAgainstTheShippedHeads() throws Exception {
        fixture.record(county, 3);
        assertThat(shipper.ship()).isPositive();
        assertThat(shipper.ship()).as("only heads that moved are shipped again").isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(heads.file()))).isEqualTo("rw-------");
        var last = jdbc.sql("select lane, max(seq) from audit.entries where chain = ? group by lane order by 1 limit 1")
                .param(county).query((rs, i) -> new long[] {rs.getInt(1), rs.getLong(2)}).single();

        fixture.tamper("delete from audit.entries where chain = '" + county + "' and lane = " + last[0] + " and seq = " + last[1]);

        assertThat(verification.verify(county).firstTampered()).singleElement().satisfies(first -> {
            assertThat(first.lane()).isEqualTo((int) last[0]);
            assertThat(first.seq()).isEqualTo(last[1]);
            assertThat(first.kind()).isEqualTo(Kind.MISSING_ENTRY);
            assertThat(first.problem()).contains("末尾记录被删除");
        });
    }

    /**
     * What a superuser without the key can do: change the entry, then recompute its link and every
     * later link of its lane with plain SM3, marked as plain, with the append-only trigger off.
     */
    private void rechainPlain(Placed from, String change) throws SQLException {
        fixture.tamper("update audit.entries set " + change + " where id = " + from.id());
        List<String> updates = new ArrayList<>(List.of("alter table audit.entries disable trigger user"));
        String prev = jdbc.sql("select hash from audit.entries where chain = ? and lane = ? and seq = ?")
                .params(county, from.lane(), from.seq() - 1).query(String.class).optional().orElse(ChainedEntry.GENESIS);
        for (var row : jdbc.sql("select * from audit.entries where chain = ? and lane = ? and seq >= ? order by seq")
                .params(county, from.lane(), from.seq()).query((rs, i) -> new Object[] {rs.getLong("id"), new ChainedEntry(
                        rs.getString("chain"), rs.getInt("lane"), rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"), rs.getString("actor_roles"), rs.getString("actor_scope"),
                        rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                        rs.getString("object_region"), rs.getString("outcome"), rs.getString("client_ip"),
                        rs.getString("request_id"), rs.getString("reason"), rs.getString("detail"))}).list()) {
            String hash = ((ChainedEntry) row[1]).hash(prev);
            updates.add("update audit.entries set mac = 'sm3', prev_hash = '" + prev + "', hash = '" + hash + "' where id = " + row[0]);
            prev = hash;
        }
        updates.add("alter table audit.entries enable trigger user");
        fixture.asSuperuser(updates.toArray(String[]::new));
    }
}
