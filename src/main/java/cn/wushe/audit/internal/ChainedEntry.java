package cn.wushe.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit row as it is hashed: {@code hash = SM3(prevHash ‖ canonical(row))}. The canonical form
 * length-prefixes every field so that no two different rows can produce the same text.
 */
record ChainedEntry(String chain, long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorName,
        @Nullable String actorRoles, @Nullable String actorScope, String action, @Nullable String objectType,
        @Nullable String objectId, @Nullable String objectRegion, String outcome, @Nullable String clientIp,
        @Nullable String requestId, @Nullable String reason, @Nullable String detail) {

    static final String GENESIS = "0".repeat(64);

    String canonical() {
        StringBuilder sb = new StringBuilder(256);
        for (Object field : new Object[] {chain, seq, occurredAt.toEpochMilli(), actorId, actorName, actorRoles,
                actorScope, action, objectType, objectId, objectRegion, outcome, clientIp, requestId, reason, detail}) {
            if (field == null) {
                sb.append("-1:");
            } else {
                String s = field.toString();
                sb.append(s.length()).append(':').append(s);
            }
            sb.append('|');
        }
        return sb.toString();
    }

    String hash(String prevHash) {
        return cn.wushe.platform.Sm3.hex(prevHash + canonical());
    }
}
