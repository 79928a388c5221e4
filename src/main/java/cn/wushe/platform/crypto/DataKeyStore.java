package cn.wushe.platform.crypto;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data keys in {@code platform.data_keys}, each wrapped under a master key ({@link MasterKeys}).
 * The database never holds a data key in clear, and ./data holds no master key outside demo mode:
 * a copy of either alone decrypts nothing.
 */
final class DataKeyStore {

    static final String FIELD = "field";
    static final String BLIND_INDEX = "blind-index";
    static final String SIGNING = "signing";
    static final String CHAIN = "audit-chain";

    private final JdbcClient jdbc;
    private final MasterKeys masters;

    DataKeyStore(DataSource dataSource, MasterKeys masters) {
        this.jdbc = JdbcClient.create(dataSource);
        this.masters = masters;
    }

    record Wrapped(String purpose, int version, String masterId, String wrapped) {
    }

    List<Wrapped> rows() {
        return jdbc.sql("select purpose, version, master_id, wrapped from platform.data_keys order by purpose, version")
                .query((rs, i) -> new Wrapped(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
    }

    /** purpose → version → key, unwrapped. */
    Map<String, Map<Integer, byte[]>> load() {
        Map<String, Map<Integer, byte[]>> keys = new HashMap<>();
        for (Wrapped row : rows()) {
            keys.computeIfAbsent(row.purpose(), p -> new HashMap<>())
                    .put(row.version(), masters.unwrap(row.masterId(), row.wrapped(), row.purpose(), row.version()));
        }
        return keys;
    }

    /** Stores {@code key} wrapped, unless another node stored this purpose and version first (its key wins). */
    void addIfMissing(String purpose, int version, byte[] key) {
        jdbc.sql("insert into platform.data_keys (purpose, version, master_id, wrapped) values (?, ?, ?, ?) on conflict do nothing")
                .params(purpose, version, masters.primaryId(), masters.wrap(purpose, version, key)).update();
    }

    static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * Re-wraps under the primary master key every data key another master key wraps: the whole cost
     * of a master-key rotation (a handful of rows; the encrypted data is not touched).
     *
     * @return how many keys were re-wrapped
     */
    int rewrap() {
        int changed = 0;
        for (Wrapped row : rows()) {
            if (row.masterId().equals(masters.primaryId())) {
                continue;
            }
            byte[] key = masters.unwrap(row.masterId(), row.wrapped(), row.purpose(), row.version());
            changed += jdbc.sql("update platform.data_keys set master_id = ?, wrapped = ?, rewrapped_at = now()"
                            + " where purpose = ? and version = ? and master_id = ?")
                    .params(masters.primaryId(), masters.wrap(row.purpose(), row.version(), key), row.purpose(),
                            row.version(), row.masterId())
                    .update();
        }
        return changed;
    }
}
