package cn.wushe.audit.internal;

import cn.wushe.platform.ChainKey;
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
 * Entries of lane 0 (all entries written before lanes existed, and the lane they continue) use
 * exactly that form; entries of lanes 1.. write the lane as a 17th field right after the chain, so
 * the hash also binds an entry to its lane. Field counts differ, so the two forms never collide.
 *
 * @param chain county code (6 digits) or {@code system}
 * @param lane  which of the chain's lanes (each its own hash chain), from 0
 * @param seq   position in the lane from 1; 0 while the entry is not yet placed (see {@link #at})
 */
record ChainedEntry(String chain, int lane, long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorName,
        @Nullable String actorRoles, @Nullable String actorScope, String action, @Nullable String objectType,
        @Nullable String objectId, @Nullable String objectRegion, String outcome, @Nullable String clientIp,
        @Nullable String requestId, @Nullable String reason, @Nullable String detail) {

    /** The {@code prev_hash} of every chain's first entry. */
    static final String GENESIS = "0".repeat(64);

    /** The same facts placed at {@code position} of lane {@code inLane}. */
    ChainedEntry at(int inLane, long position) {
        return new ChainedEntry(chain, inLane, position, occurredAt, actorId, actorName, actorRoles, actorScope, action,
                objectType, objectId, objectRegion, outcome, clientIp, requestId, reason, detail);
    }

    String canonical() {
        StringBuilder sb = new StringBuilder(256);
        Object[] fields = lane == 0
                ? new Object[] {chain, seq, occurredAt.toEpochMilli(), actorId, actorName, actorRoles, actorScope,
                    action, objectType, objectId, objectRegion, outcome, clientIp, requestId, reason, detail}
                : new Object[] {chain, lane, seq, occurredAt.toEpochMilli(), actorId, actorName, actorRoles,
                    actorScope, action, objectType, objectId, objectRegion, outcome, clientIp, requestId, reason,
                    detail};
        for (Object field : fields) {
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

    /** The plain link of entries written before the chain was keyed ({@code mac = 'sm3'}). */
    String hash(String prevHash) {
        return Sm3.hex(prevHash + canonical());
    }

    /** The keyed link ({@code mac = 'hmac-sm3'}): {@code HMAC-SM3(chainKey, prevHash ‖ canonical(row))}. */
    String keyedHash(String prevHash, ChainKey key) {
        return key.hmacHex(prevHash + canonical());
    }

    /** Values of the {@code mac} column. */
    static final String PLAIN = "sm3";
    static final String KEYED = "hmac-sm3";
}
