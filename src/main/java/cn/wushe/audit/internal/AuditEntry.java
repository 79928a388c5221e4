package cn.wushe.audit.internal;

import cn.wushe.audit.AuditEvent.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit entry as an auditor reads it.
 *
 * @param lane       the lane of the chain the entry belongs to (docs/audit.md "Hash chain")
 * @param actorRoles role codes the actor held at the time
 * @param actorScope region codes the actor's permissions reached at the time
 */
public record AuditEntry(long id, String chain, int lane, long seq, Instant occurredAt, @Nullable UUID actorId,
        @Nullable String actorName, List<String> actorRoles, List<String> actorScope, String action,
        @Nullable String objectType, @Nullable String objectId, @Nullable String objectRegion, Outcome outcome,
        @Nullable String clientIp, @Nullable String requestId, @Nullable String reason, @Nullable String detail) {

    public AuditEntry {
        actorRoles = List.copyOf(actorRoles);
        actorScope = List.copyOf(actorScope);
    }
}
