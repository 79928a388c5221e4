package cn.wushe.audit.internal;

import cn.wushe.audit.AuditVerification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams each chain in sequence order and recomputes its hashes; memory stays flat. */
@Service
class ChainVerifier implements AuditVerification {

    private final JdbcClient jdbc;

    ChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Report verify() {
        List<Tampered> tampered = new ArrayList<>();
        Set<String> broken = new HashSet<>();
        long[] checked = {0};
        String[] chain = {null};
        long[] expectedSeq = {0};
        String[] prev = {ChainedEntry.GENESIS};
        jdbc.sql("select * from audit.entries order by chain, seq").query((ResultSet rs) -> {
            ChainedEntry e = map(rs);
            if (!e.chain().equals(chain[0])) {
                chain[0] = e.chain();
                expectedSeq[0] = 1;
                prev[0] = ChainedEntry.GENESIS;
            }
            checked[0]++;
            if (broken.contains(e.chain())) {
                return;
            }
            long id = rs.getLong("id");
            String problem = null;
            if (e.seq() != expectedSeq[0]) {
                problem = "序号不连续：应为 " + expectedSeq[0] + "，实为 " + e.seq() + "（记录被删除或插入）";
            } else if (!rs.getString("prev_hash").equals(prev[0])) {
                problem = "前序哈希不符（前一条记录被改动或删除）";
            } else if (!e.hash(prev[0]).equals(rs.getString("hash"))) {
                problem = "内容与哈希不符（本条记录被改动）";
            }
            if (problem != null) {
                broken.add(e.chain());
                tampered.add(new Tampered(e.chain(), e.seq(), id, problem));
            }
            expectedSeq[0] = e.seq() + 1;
            prev[0] = rs.getString("hash");
        });
        int chains = jdbc.sql("select count(distinct chain) from audit.entries").query(Integer.class).single();
        return new Report(checked[0], chains, List.copyOf(tampered));
    }

    private static ChainedEntry map(ResultSet rs) throws SQLException {
        return new ChainedEntry(rs.getString("chain"), rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_roles"),
                rs.getString("actor_scope"), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("object_region"), rs.getString("outcome"),
                rs.getString("client_ip"), rs.getString("request_id"), rs.getString("reason"), rs.getString("detail"));
    }
}
