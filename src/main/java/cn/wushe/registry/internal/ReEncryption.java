package cn.wushe.registry.internal;

import cn.wushe.platform.FieldCipher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every encrypted registry value to the primary key version (key rotation) while the
 * application keeps serving: rows are taken in id order in batches, each batch locked, rewritten
 * and committed on its own, so other writers wait at most one batch, and values under older
 * versions keep decrypting meanwhile. Idempotent and resumable: a row already under the primary
 * version is skipped, so a run that stopped half-way is simply run again.
 */
@Service
public class ReEncryption {

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);
    public static final int BATCH = 500;

    /** The tables with encrypted columns, keyed by their primary key {@code id}. */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("registry.people", List.of("id_number_enc", "phone_enc", "address_detail_enc", "health_enc", "income_band_enc"));
        COLUMNS.put("registry.households", List.of("address_detail_enc"));
        COLUMNS.put("registry.related_parties", List.of("phone_enc"));
        COLUMNS.put("registry.correction_requests", List.of("proposed_value_enc"));
        COLUMNS.put("registry.export_requests", List.of("filter_name_enc"));
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    ReEncryption(JdbcTemplate jdbc, FieldCipher cipher, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
    }

    /** Rows rewritten per table. */
    public record Report(Map<String, Integer> rewritten) {

        public int total() {
            return rewritten.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Report run() {
        return run(BATCH, Integer.MAX_VALUE);
    }

    /** @param maxBatches stops after this many batches per table (a test simulates an interrupted run with it) */
    public Report run(int batchSize, int maxBatches) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        COLUMNS.forEach((table, columns) -> counts.put(table, table(table, columns, batchSize, maxBatches)));
        log.info("Re-encryption to key v{} finished: {}", cipher.primaryVersion(), counts);
        return new Report(counts);
    }

    private int table(String table, List<String> columns, int batchSize, int maxBatches) {
        String prefix = cipher.primaryPrefix() + "%";
        String stale = String.join(" or ", columns.stream().map(c -> "(" + c + " is not null and " + c + " not like ?)").toList());
        String select = "select id, " + String.join(", ", columns) + " from " + table + " where id > ? and (" + stale
                + ") order by id limit ? for update";
        String update = "update " + table + " set " + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + " where id = ?";
        UUID after = new UUID(0, 0);
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            final UUID from = after;
            List<Object[]> rows = tx.execute(status -> rewrite(select, update, columns, prefix, from, batchSize));
            if (rows == null || rows.isEmpty()) {
                break;
            }
            total += rows.size();
            after = (UUID) rows.get(rows.size() - 1)[columns.size()];
        }
        return total;
    }

    private List<Object[]> rewrite(String select, String update, List<String> columns, String prefix, UUID after, int batchSize) {
        Object[] args = new Object[columns.size() + 2];
        args[0] = after;
        for (int i = 0; i < columns.size(); i++) {
            args[i + 1] = prefix;
        }
        args[args.length - 1] = batchSize;
        List<Object[]> updates = new ArrayList<>();
        jdbc.query(select, rs -> {
            Object[] values = new Object[columns.size() + 1];
            for (int i = 0; i < columns.size(); i++) {
                values[i] = reencrypt(rs.getString(i + 2));
            }
            values[columns.size()] = rs.getObject(1, UUID.class);
            updates.add(values);
        }, args);
        jdbc.batchUpdate(update, updates);
        return updates;
    }

    private @Nullable String reencrypt(@Nullable String stored) {
        if (stored == null || cipher.versionOf(stored) == cipher.primaryVersion()) {
            return stored;
        }
        return cipher.encrypt(cipher.decrypt(stored));
    }
}
