package cn.wushe.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ships the head of every lane of every chain to {@link ShippedHeads} at least every
 * {@code wushe.audit.head-interval} (at most one minute), and once more at shutdown; each head is
 * also logged to the logger {@value #SYSLOG_LOGGER}, which a deployment can route to syslog or
 * another host. Only lanes whose head moved are written.
 */
class HeadShipper implements SmartLifecycle {

    static final String SYSLOG_LOGGER = "wushe.audit.heads";
    private static final Logger log = LoggerFactory.getLogger(HeadShipper.class);
    private static final Logger syslog = LoggerFactory.getLogger(SYSLOG_LOGGER);

    /** Loose index scan over (chain, lane): one index probe per lane, however long the log. */
    private static final String HEADS = """
            with recursive lanes as (
                (select chain, lane from audit.entries order by chain, lane limit 1)
                union all
                select n.chain, n.lane from lanes l cross join lateral (
                    select e.chain, e.lane from audit.entries e where (e.chain, e.lane) > (l.chain, l.lane)
                    order by e.chain, e.lane limit 1) n
            )
            select l.chain, l.lane, h.seq, h.hash from lanes l cross join lateral (
                select e.seq, e.hash from audit.entries e where e.chain = l.chain and e.lane = l.lane
                order by e.seq desc limit 1) h
            """;

    private final JdbcClient jdbc;
    private final ShippedHeads heads;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Long> shipped = new ConcurrentHashMap<>();
    private final Map<String, Long> firstKeyed = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    HeadShipper(JdbcClient jdbc, ShippedHeads heads, Clock clock, Duration interval) {
        this.jdbc = jdbc;
        this.heads = heads;
        this.clock = clock;
        this.interval = interval;
    }

    /** Writes the heads that moved since the last shipment; returns how many lines were written. */
    synchronized int ship() {
        if (shipped.isEmpty()) {
            heads.latest().values().forEach(h -> shipped.put(h.name(), h.seq()));
        }
        List<ShippedHeads.Head> moved = new ArrayList<>();
        jdbc.sql(HEADS).query(rs -> {
            String chain = rs.getString(1);
            int lane = rs.getInt(2);
            long seq = rs.getLong(3);
            String name = chain + "-" + lane;
            if (shipped.getOrDefault(name, -1L) != seq) {
                moved.add(new ShippedHeads.Head(chain, lane, seq, rs.getString(4), clock.instant(), null));
            }
        });
        List<ShippedHeads.Head> lines = moved.stream().map(h -> new ShippedHeads.Head(h.chain(), h.lane(), h.seq(), h.hash(),
                h.shippedAt(), firstKeyedSeq(h.chain(), h.lane()))).toList();
        heads.append(lines);
        lines.forEach(h -> {
            shipped.put(h.name(), h.seq());
            syslog.info(ShippedHeads.line(h));
        });
        return lines.size();
    }

    /** The lane's switch point from plain to keyed links; fixed once found, so asked once per lane. */
    private Long firstKeyedSeq(String chain, int lane) {
        String name = chain + "-" + lane;
        Long known = firstKeyed.get(name);
        if (known != null) {
            return known;
        }
        Long seq = jdbc.sql("select seq from audit.entries where chain = ? and lane = ? and mac = 'hmac-sm3' order by seq limit 1")
                .params(chain, lane).query(Long.class).optional().orElse(null);
        if (seq != null) {
            firstKeyed.put(name, seq);
        }
        return seq;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("audit-head-shipper").factory());
        timer.scheduleWithFixedDelay(this::shipQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void shipQuietly() {
        try {
            ship();
        } catch (RuntimeException e) {
            log.error("Could not ship the audit chain heads", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
            timer = null;
            shipQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Stops before the data source closes (which stops at the default phase's end). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
