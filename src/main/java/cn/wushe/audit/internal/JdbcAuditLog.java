package cn.wushe.audit.internal;

import cn.wushe.platform.ChainKey;
import cn.wushe.platform.RequestOrigin;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the per-county hash chain. Joins the caller's transaction (so a failed audit write
 * rolls back the business change). Each county's chain is split into lanes, each its own hash
 * chain; a transaction-scoped advisory lock per lane keeps its sequence numbers gap-free, and a
 * transaction takes whichever lane is free, so writers of one county (and of different counties)
 * do not queue on one lock.
 */
@Service
class JdbcAuditLog implements AuditLog, DisposableBean {

    /** Advisory-lock namespace ("AUDT"), so our chain locks never meet another module's locks. */
    static final int LOCK_NAMESPACE = 0x41554454;
    static final String SYSTEM_CHAIN = "system";
    private static final Pattern REGION = Pattern.compile("\\d{6,}");

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final TransactionTemplate independent;
    private final int lanes;
    private final AccessBatches access;
    private final ChainKey chainKey;

    JdbcAuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock, PlatformTransactionManager transactions,
            AuditProperties properties, ChainKey chainKey) {
        this.jdbc = jdbc;
        this.chainKey = chainKey;
        this.named = named;
        this.clock = clock;
        this.lanes = properties.lanes();
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.access = new AccessBatches(entries -> independent.executeWithoutResult(status -> appendAll(entries)));
    }

    @Override
    public void recordAccess(AuditEvent event) {
        // the request's actor, address and id are read now, on the request's thread
        ChainedEntry unplaced = unplaced(event);
        if (heldLane(unplaced.chain()).isPresent()) {
            // this transaction holds a lane of the chain: the shared writer might end up waiting for it
            append(unplaced, Set.of());
            return;
        }
        access.append(unplaced);
    }

    @Override
    public void destroy() {
        access.close();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // PostgreSQL would refuse the insert anyway; say plainly why instead
            throw new IllegalStateException("audit entry '" + event.action()
                    + "' cannot be written in a read-only transaction: make the use case's transaction read-write");
        }
        append(unplaced(event), Set.of());
    }

    @Override
    public void recordIndependently(AuditEvent event) {
        // the request's actor, address and id are read now, on the request's thread
        ChainedEntry unplaced = unplaced(event);
        Set<Integer> held = heldLane(unplaced.chain()).map(Set::of).orElse(Set.of());
        if (held.size() >= lanes) {
            // this transaction holds the chain's only lane until it ends: a second transaction would wait for it forever
            currentLocks().orElseThrow().deferred.add(unplaced);
        } else {
            independent.executeWithoutResult(status -> append(unplaced, held));
        }
    }

    private ChainedEntry unplaced(AuditEvent event) {
        Optional<Actor> actor = CurrentActor.find();
        return new ChainedEntry(chainOf(event.objectRegion()), 0, 0,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                actor.map(Actor::id).orElse(null),
                event.actorName() != null ? event.actorName() : actor.map(Actor::username).orElse(null),
                actor.map(a -> String.join(",", a.roles().stream().sorted().toList())).orElse(null),
                actor.map(JdbcAuditLog::scopeOf).orElse(null),
                event.action(), event.objectType(), event.objectId(), event.objectRegion(), event.outcome().name(),
                RequestOrigin.clientIp(), RequestOrigin.requestId(), event.reason(), event.detail());
    }

    /** @param avoid lanes held by a suspended transaction of this thread: waiting for them would never end */
    private void append(ChainedEntry unplaced, Set<Integer> avoid) {
        append(unplaced.chain(), List.of(unplaced), avoid);
    }

    /** Entries of several chains, in order within each chain, in the current transaction. */
    private void appendAll(List<ChainedEntry> unplaced) {
        Map<String, List<ChainedEntry>> byChain = new LinkedHashMap<>();
        unplaced.forEach(e -> byChain.computeIfAbsent(e.chain(), c -> new ArrayList<>()).add(e));
        byChain.forEach((chain, entries) -> append(chain, entries, Set.of()));
    }

    /** Appends {@code unplaced} (all of {@code chain}) to one lane, the lane taken and its head read once. */
    private void append(String chain, List<ChainedEntry> unplaced, Set<Integer> avoid) {
        Head head = takeLane(chain, avoid);
        String prevHash = head.hash();
        List<MapSqlParameterSource> rows = new ArrayList<>(unplaced.size());
        for (int i = 0; i < unplaced.size(); i++) {
            ChainedEntry entry = unplaced.get(i).at(head.lane(), head.seq() + 1 + i);
            String hash = entry.keyedHash(prevHash, chainKey);
            rows.add(new MapSqlParameterSource()
                    .addValue("chain", entry.chain()).addValue("lane", entry.lane()).addValue("seq", entry.seq())
                    .addValue("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
                    .addValue("actorId", entry.actorId()).addValue("actorName", entry.actorName())
                    .addValue("actorRoles", entry.actorRoles()).addValue("actorScope", entry.actorScope())
                    .addValue("action", entry.action()).addValue("objectType", entry.objectType())
                    .addValue("objectId", entry.objectId()).addValue("objectRegion", entry.objectRegion())
                    .addValue("outcome", entry.outcome()).addValue("clientIp", entry.clientIp())
                    .addValue("requestId", entry.requestId()).addValue("reason", entry.reason())
                    .addValue("detail", entry.detail()).addValue("prevHash", prevHash).addValue("hash", hash));
            prevHash = hash;
        }
        String insert = """
                insert into audit.entries (chain, lane, seq, occurred_at, actor_id, actor_name, actor_roles,
                    actor_scope, action, object_type, object_id, object_region, outcome, client_ip, request_id,
                    reason, detail, prev_hash, hash, mac)
                values (:chain, :lane, :seq, :occurredAt, :actorId, :actorName, :actorRoles, :actorScope, :action,
                    :objectType, :objectId, :objectRegion, :outcome, :clientIp, :requestId, :reason, :detail,
                    :prevHash, :hash, 'hmac-sm3')
                """;
        if (rows.size() == 1) {
            named.update(insert, rows.getFirst());
        } else {
            named.batchUpdate(insert, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** A lane this transaction now holds, and the last entry of that lane (seq 0 and the genesis hash if none). */
    private record Head(int lane, long seq, String hash) {
    }

    /**
     * Locks one lane of the chain until the transaction ends and reads its head, in one statement
     * ({@code audit.take_lane}): the lane it already holds, else the first free one starting at a
     * random lane, else (all busy) waits for the random one.
     */
    private Head takeLane(String chain, Set<Integer> avoid) {
        ChainLocks locks = currentLocks().orElseGet(this::trackLocks);
        Integer held = locks.lanes.get(chain);
        List<Integer> order;
        if (held != null) {
            order = List.of(held); // advisory locks are re-entrant: taking it again returns at once
        } else {
            int start = ThreadLocalRandom.current().nextInt(lanes);
            order = IntStream.range(0, lanes).map(i -> (start + i) % lanes).boxed().filter(l -> !avoid.contains(l)).toList();
        }
        Head head = jdbc.sql("select lane, seq, hash from audit.take_lane(:chain, cast(string_to_array(:order, ',') as int[]), :ns)")
                .param("chain", chain).param("ns", LOCK_NAMESPACE)
                .param("order", order.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .query((rs, i) -> new Head(rs.getInt(1), rs.getLong(2),
                        rs.getString(3) == null ? ChainedEntry.GENESIS : rs.getString(3)))
                .single();
        locks.lanes.put(chain, head.lane());
        return head;
    }

    /** The lane of {@code chain} the current transaction holds, if any. */
    private Optional<Integer> heldLane(String chain) {
        return currentLocks().map(l -> l.lanes.get(chain));
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
     * Per transaction (synchronizations are suspended with their transaction): the lane of each
     * chain whose lock it holds, and independent entries it could not write at once (the chain has
     * one lane only, which it holds), written as soon as it has ended.
     */
    private final class ChainLocks implements TransactionSynchronization {

        private final Map<String, Integer> lanes = new HashMap<>();
        private final List<ChainedEntry> deferred = new ArrayList<>();

        @Override
        public void afterCompletion(int status) {
            for (ChainedEntry entry : deferred) {
                try {
                    independent.executeWithoutResult(tx -> append(entry, Set.of()));
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

}
