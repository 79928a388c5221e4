package cn.wushe.audit.internal;

import cn.wushe.platform.Sm3;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit row as it is hashed: {@code hash = SM3(prevHash ‖ canonical(row))}, hex-encoded.
 *
 * <p>The canonical form is fixed (docs/audit.md): the 16 fields below in this order, each written
 * as {@code <length>:<text>|} where length counts the UTF-16 code units of the text ({@code -1:|}
 * for null), the time as epoch milliseconds. Length prefixes make the encoding injective: no two
 * different rows give the same text. Changing it breaks the verification of every existing entry.
 *
 * @param seq position in the chain from 1; 0 while the entry is not yet placed (see {@link #at})
 */
record ChainedEntry(String chain, long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorName,
        @Nullable String actorRoles, @Nullable String actorScope, String action, @Nullable String objectType,
        @Nullable String objectId, @Nullable String objectRegion, String outcome, @Nullable String clientIp,
        @Nullable String requestId, @Nullable String reason, @Nullable String detail) {

    /** The {@code prev_hash} of every chain's first entry. */
    static final String GENESIS = "0".repeat(64);

    /** The same facts placed at {@code position} of the chain. */
    ChainedEntry at(long position) {
        return new ChainedEntry(chain, position, occurredAt, actorId, actorName, actorRoles, actorScope, action,
                objectType, objectId, objectRegion, outcome, clientIp, requestId, reason, detail);
    }

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
        return Sm3.hex(prevHash + canonical());
    }
}
