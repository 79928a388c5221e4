package cn.wushe.care.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.db.RecentCounts;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A station's figures (关爱工作台账) over the actor's view: people by tier, visits in the last 30 days
 * against the people due, open alerts by age, hazards removed, yuan of resources connected, policy
 * applications completed, open cases and crises. Each figure one aggregate query within {@link CareScope}.
 *
 * <p>The figures of one view are kept for {@link RecentCounts#FRESH_FOR}: a county's screen and its stations'
 * desks ask for the same figures many times a minute, and counting a town's year of visits each time
 * took a core for 0.2 s (docs/benchmarks.md). After that they are recounted behind the screen while
 * it keeps showing them ({@link RecentCounts}), so no caller but the first of a quiet spell waits for
 * a count (at 10,000,000 visits a count took 1.3 s, and every request arriving meanwhile waited for
 * it). The page and the API say when the figures were counted.
 */
@Service
public class CareDashboard {

    /**
     * @param onTime     tiered people whose next visit is not overdue
     * @param alertsAged open alerts by age: under 3 days, 3–7 days, older
     */
    public record Figures(Map<String, Long> tiers, long tiered, long onTime, long overdue, long visits30Days,
            long alertsUnder3Days, long alerts3To7Days, long alertsOlder, long hazardsRemoved, long hazardsOpen,
            BigDecimal yuanConnected, long policyApplied, long openCases, long openCrises, long casesClosedYear,
            Instant asOf) {

        /** Share of tiered people visited within their cycle, in whole percent. */
        public long onTimePercent() {
            return tiered == 0 ? 100 : Math.round(100.0 * onTime / tiered);
        }
    }

    /** Views are a few hundred (one per station and community). */
    private static final int MAX_VIEWS = 2_000;

    private final JdbcClient jdbc;
    private final RecentCounts<Figures> recent;

    CareDashboard(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.recent = new RecentCounts<>("care-dashboard-recount", MAX_VIEWS, transactions);
    }

    /**
     * The figures of the actor's view as of at most {@link RecentCounts#FRESH_FOR} before {@code now}, or, while
     * they are being recounted, as of at most {@link RecentCounts#SHOWN_WHILE_RECOUNTING} ({@link RecentCounts}).
     */
    public Figures figures(Actor actor, Instant now) {
        SqlPredicate view = CareScope.visible(actor, "s");
        StringBuilder key = new StringBuilder(view.sql());
        new java.util.TreeMap<>(view.params()).forEach((name, value) -> key.append('|').append(name).append('=')
                .append(value instanceof Object[] values ? java.util.Arrays.toString(values) : String.valueOf(value)));
        return recent.get(key.toString(), now, at -> count(actor, at)).value();
    }

    @PreDestroy
    void stop() {
        recent.close();
    }

    private Figures count(Actor actor, Instant now) {
        SqlPredicate s = CareScope.visible(actor, "s");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("now", Timestamp.from(now));
        p.put("month_ago", Timestamp.from(now.minus(Duration.ofDays(30))));
        p.put("d3", Timestamp.from(now.minus(Duration.ofDays(3))));
        p.put("d7", Timestamp.from(now.minus(Duration.ofDays(7))));
        Map<String, Long> tiers = new HashMap<>();
        long[] cycle = new long[3];
        jdbc.sql("select coalesce(s.tier, 'NONE') as tier, count(*) as n, count(*) filter (where s.next_due_at >= :now) as on_time,"
                        + " count(*) filter (where s.next_due_at < :now) as overdue from care.subjects s where s.active and "
                        + s.sql() + " group by 1")
                .params(p).query(rs -> {
                    tiers.put(rs.getString("tier"), rs.getLong("n"));
                    if (!"NONE".equals(rs.getString("tier"))) {
                        cycle[0] += rs.getLong("n");
                        cycle[1] += rs.getLong("on_time");
                        cycle[2] += rs.getLong("overdue");
                    }
                });
        SqlPredicate v = CareScope.visible(actor, "v");
        Map<String, Object> pv = new HashMap<>(v.params());
        pv.put("month_ago", p.get("month_ago"));
        long visits = jdbc.sql("select count(*) from care.visits v where v.visited_at >= :month_ago and " + v.sql())
                .params(pv).query(Long.class).single();
        SqlPredicate a = CareScope.visible(actor, "a");
        Map<String, Object> pa = new HashMap<>(a.params());
        pa.putAll(Map.of("d3", p.get("d3"), "d7", p.get("d7")));
        long[] aged = new long[3];
        jdbc.sql("select count(*) filter (where a.created_at >= :d3), count(*) filter (where a.created_at < :d3 and a.created_at >= :d7),"
                        + " count(*) filter (where a.created_at < :d7) from care.alerts a where a.status <> 'CLOSED' and " + a.sql())
                .params(pa).query(rs -> {
                    aged[0] = rs.getLong(1);
                    aged[1] = rs.getLong(2);
                    aged[2] = rs.getLong(3);
                });
        long[] assists = new long[3];
        BigDecimal[] yuan = {BigDecimal.ZERO};
        jdbc.sql("select count(*) filter (where a.kind = 'HAZARD' and a.status = 'CLOSED'),"
                        + " count(*) filter (where a.kind = 'HAZARD' and a.status = 'OPEN'),"
                        + " count(*) filter (where a.kind = 'POLICY' and a.status = 'CLOSED'),"
                        + " coalesce(sum(a.value_yuan) filter (where a.kind = 'RESOURCE'), 0) from care.assists a where " + a.sql())
                .params(a.params()).query(rs -> {
                    assists[0] = rs.getLong(1);
                    assists[1] = rs.getLong(2);
                    assists[2] = rs.getLong(3);
                    yuan[0] = rs.getBigDecimal(4);
                });
        // counts only, no contents: whoever sees the people sees how many cases run among them
        SqlPredicate c = CareScope.visible(actor, "c");
        Map<String, Object> pc = new HashMap<>(c.params());
        pc.put("year_ago", Timestamp.from(now.minus(Duration.ofDays(365))));
        long[] cases = new long[3];
        jdbc.sql("select count(*) filter (where c.status = 'OPEN' and c.kind = 'CASE'),"
                        + " count(*) filter (where c.status = 'OPEN' and c.kind = 'CRISIS' and c.deescalated_at is null),"
                        + " count(*) filter (where c.status = 'CLOSED' and c.closed_at >= :year_ago) from care.cases c where " + c.sql())
                .params(pc).query(rs -> {
                    cases[0] = rs.getLong(1);
                    cases[1] = rs.getLong(2);
                    cases[2] = rs.getLong(3);
                });
        return new Figures(tiers, cycle[0], cycle[1], cycle[2], visits, aged[0], aged[1], aged[2], assists[0], assists[1],
                yuan[0], assists[2], cases[0], cases[1], cases[2], now);
    }
}
