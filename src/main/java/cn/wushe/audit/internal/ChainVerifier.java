package cn.wushe.audit.internal;

import cn.wushe.audit.internal.AuditVerification;
import cn.wushe.platform.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    ChainVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    @Override
    @Transactional(readOnly = true)
    public Report verify() {
        Walk walk = new Walk();
        jdbc.query(SELECT + "order by chain, lane, seq", walk);
        return new Report(walk.finish());
    }

    @Override
    @Transactional(readOnly = true)
    public Report verify(String chain) {
        Walk walk = new Walk();
        jdbc.query(SELECT + "where chain = ? order by lane, seq", walk, chain);
        return new Report(walk.finish());
    }

    /** Walks rows ordered by chain, lane and seq, one lane after another. */
    private static final class Walk implements RowCallbackHandler {

        private final List<ChainReport> done = new ArrayList<>();
        private @Nullable String chain;
        private int lane;
        private long entries;
        private long expectedSeq;
        private String prevHash = ChainedEntry.GENESIS;
        private @Nullable Tampered firstTampered;

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
            }
            entries++;
            String storedHash = rs.getString("hash");
            if (firstTampered == null) {
                firstTampered = check(e, rs.getLong("id"), rs.getString("prev_hash"), storedHash);
            }
            expectedSeq = e.seq() + 1;
            prevHash = storedHash;
        }

        private @Nullable Tampered check(ChainedEntry e, long id, String storedPrev, String storedHash) {
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
            if (!e.hash(prevHash).equals(storedHash)) {
                return new Tampered(e.chain(), e.lane(), e.seq(), id, Kind.CONTENT_CHANGED, Messages.text("audit.chain.content-changed"));
            }
            return null;
        }

        private void closeChain() {
            if (chain != null) {
                done.add(new ChainReport(chain, lane, entries, expectedSeq - 1, prevHash, firstTampered));
            }
        }

        List<ChainReport> finish() {
            closeChain();
            chain = null;
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
