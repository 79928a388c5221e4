package cn.wushe.audit.internal;

import cn.wushe.audit.internal.AuditVerification;
import cn.wushe.platform.ChainKey;
import cn.wushe.platform.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams each lane of each chain in sequence order and recomputes its hashes. The rows come through a
 * server-side cursor (fetch size inside a transaction), so memory stays flat however long the log.
 * One statement reads all chains, so they are checked against one snapshot.
 */
@Service
class ChainVerifier implements AuditVerification {

    private static final int FETCH_SIZE = 2_000;
    private static final String SELECT = "select * from audit.entries ";

    private final JdbcTemplate jdbc;
    private final ChainKey key;
    private final ShippedHeads shipped;

    ChainVerifier(DataSource dataSource, ChainKey key, ShippedHeads shipped) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.key = key;
        this.shipped = shipped;
    }

    @Override
    @Transactional(readOnly = true)
    public Report verify() {
        Walk walk = new Walk(key, shipped.latest());
        jdbc.query(SELECT + "order by chain, lane, seq", walk);
        return new Report(walk.finish(null));
    }

    @Override
    @Transactional(readOnly = true)
    public Report verify(String chain) {
        Walk walk = new Walk(key, shipped.latest());
        jdbc.query(SELECT + "where chain = ? order by lane, seq", walk, chain);
        return new Report(walk.finish(chain));
    }

    /** Walks rows ordered by chain, lane and seq, one lane after another. */
    private static final class Walk implements RowCallbackHandler {

        private final ChainKey key;
        /** Heads shipped outside the database, by lane name; each is checked, then removed. */
        private final Map<String, ShippedHeads.Head> heads;
        private final List<ChainReport> done = new ArrayList<>();
        /** Whether the current lane has passed its switch from plain to keyed links. */
        private boolean keyed;
        private @Nullable String chain;
        private int lane;
        private long entries;
        private long expectedSeq;
        private String prevHash = ChainedEntry.GENESIS;
        private @Nullable Tampered firstTampered;

        Walk(ChainKey key, Map<String, ShippedHeads.Head> heads) {
            this.key = key;
            this.heads = new HashMap<>(heads);
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            ChainedEntry e = map(rs);
            if (!e.chain().equals(chain) || e.lane() != lane) {
                closeChain();
                chain = e.chain();
                lane = e.lane();
                entries = 0;
                expectedSeq = 1;
                prevHash = ChainedEntry.GENESIS;
                firstTampered = null;
                keyed = false;
            }
            entries++;
            String storedHash = rs.getString("hash");
            if (firstTampered == null) {
                firstTampered = check(e, rs.getLong("id"), rs.getString("prev_hash"), storedHash, rs.getString("mac"));
            }
            expectedSeq = e.seq() + 1;
            prevHash = storedHash;
        }

        private @Nullable Tampered check(ChainedEntry e, long id, String storedPrev, String storedHash, String mac) {
            if (e.seq() > expectedSeq) {
                String missing = e.seq() - 1 == expectedSeq ? String.valueOf(expectedSeq)
                        : expectedSeq + "–" + (e.seq() - 1);
                return new Tampered(e.chain(), e.lane(), expectedSeq, null, Kind.MISSING_ENTRY,
                        Messages.text("audit.chain.missing", missing));
            }
            if (e.seq() < expectedSeq) {
                return new Tampered(e.chain(), e.lane(), e.seq(), id, Kind.UNEXPECTED_ENTRY,
                        Messages.text("audit.chain.inserted", expectedSeq, e.seq()));
            }
            if (!storedPrev.equals(prevHash)) {
                return new Tampered(e.chain(), e.lane(), e.seq(), id, Kind.BROKEN_LINK,
                        Messages.text("audit.chain.link-broken"));
            }
            ShippedHeads.Head head = heads.get(e.chain() + "-" + e.lane());
            boolean plain = ChainedEntry.PLAIN.equals(mac);
            if (plain && (keyed || (head != null && head.firstKeyedSeq() != null && e.seq() >= head.firstKeyedSeq()))) {
                // re-chained with plain SM3 by someone without the key: the keyed links began before this entry
                return new Tampered(e.chain(), e.lane(), e.seq(), id, Kind.UNKEYED_LINK, Messages.text("audit.chain.unkeyed"));
            }
            keyed |= !plain;
            String expected = plain ? e.hash(prevHash) : e.keyedHash(prevHash, key);
            if (!expected.equals(storedHash)) {
                return new Tampered(e.chain(), e.lane(), e.seq(), id, Kind.CONTENT_CHANGED, Messages.text("audit.chain.content-changed"));
            }
            if (head != null && head.seq() == e.seq() && !head.hash().equals(storedHash)) {
                return new Tampered(e.chain(), e.lane(), e.seq(), id, Kind.HEAD_MISMATCH,
                        Messages.text("audit.chain.head-mismatch", head.shippedAt()));
            }
            return null;
        }

        /** A lane that ends before the head shipped for it lost its last entries. */
        private @Nullable Tampered cutOff(String chainName, int laneNo, long headSeq) {
            ShippedHeads.Head head = heads.remove(chainName + "-" + laneNo);
            if (head == null || head.seq() <= headSeq) {
                return null;
            }
            String missing = head.seq() == headSeq + 1 ? String.valueOf(head.seq()) : (headSeq + 1) + "–" + head.seq();
            return new Tampered(chainName, laneNo, headSeq + 1, null, Kind.MISSING_ENTRY,
                    Messages.text("audit.chain.cut-off", missing, head.shippedAt()));
        }

        private void closeChain() {
            if (chain != null) {
                Tampered cut = cutOff(chain, lane, expectedSeq - 1);
                done.add(new ChainReport(chain, lane, entries, expectedSeq - 1, prevHash, firstTampered != null ? firstTampered : cut));
            }
        }

        /** @param only the chain verified, or null for all: a shipped lane with no entry left is reported too */
        List<ChainReport> finish(@Nullable String only) {
            closeChain();
            chain = null;
            heads.values().stream().filter(h -> only == null || h.chain().equals(only))
                    .sorted(java.util.Comparator.comparing(ShippedHeads.Head::chain).thenComparingInt(ShippedHeads.Head::lane))
                    .forEach(h -> done.add(new ChainReport(h.chain(), h.lane(), 0, 0, null, cutOff(h.chain(), h.lane(), 0))));
            return List.copyOf(done);
        }
    }

    private static ChainedEntry map(ResultSet rs) throws SQLException {
        return new ChainedEntry(rs.getString("chain"), rs.getInt("lane"), rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_roles"),
                rs.getString("actor_scope"), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("object_region"), rs.getString("outcome"),
                rs.getString("client_ip"), rs.getString("request_id"), rs.getString("reason"), rs.getString("detail"));
    }
}
