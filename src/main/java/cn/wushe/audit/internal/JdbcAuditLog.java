package cn.wushe.audit.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the per-county hash chain. Joins the caller's transaction (so a failed audit write
 * rolls back the business change); a transaction-scoped advisory lock per chain keeps sequence
 * numbers gap-free without serialising writes of different counties.
 */
@Service
class JdbcAuditLog implements AuditLog {

    /** Advisory-lock namespace ("AUDT"), so our chain locks never meet another module's locks. */
    static final int LOCK_NAMESPACE = 0x41554454;
    static final String SYSTEM_CHAIN = "system";
    private static final Pattern REGION = Pattern.compile("\\d{6,}");

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate independent;

    JdbcAuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // PostgreSQL would refuse the insert anyway; say plainly why instead
            throw new IllegalStateException("audit entry '" + event.action()
                    + "' cannot be written in a read-only transaction: make the use case's transaction read-write");
        }
        append(unplaced(event));
    }

    @Override
    public void recordIndependently(AuditEvent event) {
        // the request's actor, address and id are read now, on the request's thread
        ChainedEntry unplaced = unplaced(event);
        Optional<ChainLocks> locks = currentLocks();
        if (locks.isPresent() && locks.get().chains.contains(unplaced.chain())) {
            // this transaction holds the chain's lock until it ends: a second transaction would wait for it forever
            locks.get().deferred.add(unplaced);
        } else {
            independent.executeWithoutResult(status -> append(unplaced));
        }
    }

    private ChainedEntry unplaced(AuditEvent event) {
        Optional<Actor> actor = CurrentActor.find();
        return new ChainedEntry(chainOf(event.objectRegion()), 0,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                actor.map(Actor::id).orElse(null),
                event.actorName() != null ? event.actorName() : actor.map(Actor::username).orElse(null),
                actor.map(a -> String.join(",", a.roles().stream().sorted().toList())).orElse(null),
                actor.map(JdbcAuditLog::scopeOf).orElse(null),
                event.action(), event.objectType(), event.objectId(), event.objectRegion(), event.outcome().name(),
                clientIp(), MDC.get("requestId"), event.reason(), event.detail());
    }

    private void append(ChainedEntry unplaced) {
        // waits for the chain's previous writer to commit; the next statement then sees its row
        jdbc.sql("select pg_advisory_xact_lock(:ns, hashtext(:chain))")
                .param("ns", LOCK_NAMESPACE).param("chain", unplaced.chain()).query().singleRow();
        currentLocks().orElseGet(this::trackLocks).chains.add(unplaced.chain());
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit.entries where chain = :chain order by seq desc limit 1")
                .param("chain", unplaced.chain())
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new Head(0, ChainedEntry.GENESIS));
        ChainedEntry entry = unplaced.at(head.seq() + 1);
        jdbc.sql("""
                insert into audit.entries (chain, seq, occurred_at, actor_id, actor_name, actor_roles, actor_scope,
                    action, object_type, object_id, object_region, outcome, client_ip, request_id, reason, detail,
                    prev_hash, hash)
                values (:chain, :seq, :occurredAt, :actorId, :actorName, :actorRoles, :actorScope, :action,
                    :objectType, :objectId, :objectRegion, :outcome, :clientIp, :requestId, :reason, :detail,
                    :prevHash, :hash)
                """)
                .param("chain", entry.chain()).param("seq", entry.seq())
                .param("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
                .param("actorId", entry.actorId()).param("actorName", entry.actorName())
                .param("actorRoles", entry.actorRoles()).param("actorScope", entry.actorScope())
                .param("action", entry.action()).param("objectType", entry.objectType())
                .param("objectId", entry.objectId()).param("objectRegion", entry.objectRegion())
                .param("outcome", entry.outcome()).param("clientIp", entry.clientIp())
                .param("requestId", entry.requestId()).param("reason", entry.reason())
                .param("detail", entry.detail()).param("prevHash", head.hash()).param("hash", entry.hash(head.hash()))
                .update();
    }

    private Optional<ChainLocks> currentLocks() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(ChainLocks.class::isInstance).map(ChainLocks.class::cast).findFirst();
    }

    private ChainLocks trackLocks() {
        ChainLocks locks = new ChainLocks();
        TransactionSynchronizationManager.registerSynchronization(locks);
        return locks;
    }

    /**
     * Per transaction (synchronizations are suspended with their transaction): the chains whose
     * lock it holds, and independent entries for those chains, written as soon as it has ended.
     */
    private final class ChainLocks implements TransactionSynchronization {

        private final Set<String> chains = new HashSet<>();
        private final List<ChainedEntry> deferred = new ArrayList<>();

        @Override
        public void afterCompletion(int status) {
            for (ChainedEntry entry : deferred) {
                try {
                    independent.executeWithoutResult(tx -> append(entry));
                } catch (RuntimeException e) {
                    // the request is ending anyway; this is the only place left to say it
                    LOG.error("audit entry {} of chain {} could not be written", entry.action(), entry.chain(), e);
                }
            }
        }
    }

    /** The county (first 6 digits) of a region code; anything else, or none, goes to the system chain. */
    static String chainOf(@Nullable String objectRegion) {
        return objectRegion != null && REGION.matcher(objectRegion).matches() ? objectRegion.substring(0, 6)
                : SYSTEM_CHAIN;
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
