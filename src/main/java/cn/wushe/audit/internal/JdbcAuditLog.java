package cn.wushe.audit.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the per-county hash chain. Joins the caller's transaction (so a failed audit write
 * rolls back the business change); an advisory lock per chain keeps sequence numbers gap-free
 * without serialising writes of different counties.
 */
@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        Optional<Actor> actor = CurrentActor.find();
        String chain = chainOf(event.objectRegion());
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "audit:" + chain).query().singleRow();
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit.entries where chain = :chain order by seq desc limit 1")
                .param("chain", chain)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new Head(0, ChainedEntry.GENESIS));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ChainedEntry entry = new ChainedEntry(chain, head.seq() + 1, now,
                actor.map(Actor::id).orElse(null),
                event.actorName() != null ? event.actorName() : actor.map(Actor::username).orElse(null),
                actor.map(a -> String.join(",", a.roles().stream().sorted().toList())).orElse(null),
                actor.map(JdbcAuditLog::scopeOf).orElse(null),
                event.action(), event.objectType(), event.objectId(), event.objectRegion(), event.outcome().name(),
                clientIp(), MDC.get("requestId"), event.reason(), event.detail());
        String hash = entry.hash(head.hash());
        jdbc.sql("""
                insert into audit.entries (chain, seq, occurred_at, actor_id, actor_name, actor_roles, actor_scope,
                    action, object_type, object_id, object_region, outcome, client_ip, request_id, reason, detail,
                    prev_hash, hash)
                values (:chain, :seq, :occurredAt, :actorId, :actorName, :actorRoles, :actorScope, :action,
                    :objectType, :objectId, :objectRegion, :outcome, :clientIp, :requestId, :reason, :detail,
                    :prevHash, :hash)
                """)
                .param("chain", entry.chain()).param("seq", entry.seq())
                .param("occurredAt", java.sql.Timestamp.from(entry.occurredAt()))
                .param("actorId", entry.actorId()).param("actorName", entry.actorName())
                .param("actorRoles", entry.actorRoles()).param("actorScope", entry.actorScope())
                .param("action", entry.action()).param("objectType", entry.objectType())
                .param("objectId", entry.objectId()).param("objectRegion", entry.objectRegion())
                .param("outcome", entry.outcome()).param("clientIp", entry.clientIp())
                .param("requestId", entry.requestId()).param("reason", entry.reason())
                .param("detail", entry.detail()).param("prevHash", head.hash()).param("hash", hash)
                .update();
    }

    static String chainOf(@Nullable String objectRegion) {
        return objectRegion != null && objectRegion.length() >= 6 ? objectRegion.substring(0, 6) : "system";
    }

    private static String scopeOf(Actor actor) {
        return Arrays.stream(Permission.values()).flatMap(p -> actor.scopesFor(p).stream())
                .map(RegionScope::code).distinct().sorted().collect(Collectors.joining(","));
    }

    private static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }
}
