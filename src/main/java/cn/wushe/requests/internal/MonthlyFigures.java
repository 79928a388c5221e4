package cn.wushe.requests.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.db.RecentCounts;
import cn.wushe.platform.files.SafeText;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.Units;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly figures per unit (committee, street office, department): received, signed in time (响应率),
 * resolved (解决率), satisfied (满意率: unrated never counts), on time, average working days,
 * returns, reopenings, 急难愁盼 solved, top items and places. A month is frozen on the 1st of the
 * next (a deadline that re-schedules itself); until then it is computed live. A county
 * administrator sees every unit of the county, a unit's lead their own units.
 */
@Component
public class MonthlyFigures implements ApplicationRunner, DeadlineHandler {

    static final String FREEZE = "requests.figures-freeze";
    /** A matter counts as received by the unit it arrived at, by intake, forward, send-back, decline or reopening. */
    private static final String ARRIVALS = "('SUBMITTED', 'FORWARDED', 'SENT_BACK', 'DECLINED', 'REOPENED')";

    public record Row(UUID unitId, String unit, int received, int signedInTime, int resolved, int rated, int satisfied,
            int onTime, @Nullable BigDecimal averageDays, int returns, int reopenings, int urgentSolved, String topItems,
            String topPlaces) {

        public String rate(int part, int whole) {
            return whole == 0 ? "—" : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
        }

        public String responseRate() {
            return rate(signedInTime, received);
        }

        public String resolutionRate() {
            return rate(resolved, received);
        }

        public String satisfactionRate() {
            return rate(satisfied, resolved);
        }

        public String onTimeRate() {
            return rate(onTime, resolved);
        }
    }

    /** @param countedAt when live figures were counted (kept a minute, see {@link #live}); null when frozen */
    public record Figures(YearMonth month, boolean frozen, List<Row> rows, @Nullable Instant countedAt) {
    }

    /**
     * A month's live figures are counted over its whole timeline (about 4 s of a core for a month of
     * 500,000 matters), and supervisors' screens ask for them together: kept per county and month
     * like the care dashboard's.
     */
    private final RecentCounts<List<Row>> live;

    private final JdbcClient jdbc;
    private final Units units;
    private final Regions regions;
    private final WorkingCalendar calendar;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;
    private final String homeCounty;

    MonthlyFigures(JdbcClient jdbc, Units units, Regions regions, WorkingCalendar calendar, Deadlines deadlines, AuditLog audit,
            Clock clock, @Value("${wushe.home-county:610527}") String homeCounty, PlatformTransactionManager transactions) {
        this.live = new RecentCounts<>("requests-figures-recount", 1_000, transactions);
        this.jdbc = jdbc;
        this.units = units;
        this.regions = regions;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
        this.homeCounty = homeCounty;
    }

    /** The figures of {@code month} the actor may see: frozen when frozen, else live. */
    @Transactional(readOnly = true)
    public Figures of(Actor actor, String countyCode, YearMonth month) {
        boolean county = actor.can(Permission.MATTER_CATALOGUE, countyCode);
        Set<UUID> own = actor.can(Permission.MATTER_SUPERVISE) ? actor.unitIds() : Set.of();
        if (!county && own.isEmpty()) {
            throw DomainException.notFound(Messages.text("requests.object.figures"));
        }
        List<Row> frozen = frozen(countyCode, month);
        boolean isFrozen = !frozen.isEmpty();
        RecentCounts.Counted<List<Row>> counted = isFrozen ? null
                : live.get(countyCode + "|" + month, clock.instant(), at -> compute(countyCode, month));
        List<Row> rows = counted == null ? frozen : counted.value();
        return new Figures(month, isFrozen, rows.stream().filter(r -> county || own.contains(r.unitId())).toList(),
                counted == null ? null : counted.asOf());
    }

    /** Freezes {@code month} of the county: its figures are computed once more and kept as they are. */
    @Transactional
    public int freeze(String countyCode, YearMonth month) {
        List<Row> rows = compute(countyCode, month);
        jdbc.sql("delete from requests.monthly_figures where county_code = :county and month = :month")
                .param("county", countyCode).param("month", Date.valueOf(month.atDay(1))).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (Row r : rows) {
            jdbc.sql("""
                    insert into requests.monthly_figures (county_code, month, unit_id, unit_name, received, signed_in_time, resolved,
                        rated, satisfied, on_time, average_days, returns, reopenings, urgent_solved, top_items, top_places, frozen_at)
                    values (:county, :month, :unit, :name, :received, :signed, :resolved, :rated, :satisfied, :onTime, :avg,
                        :returns, :reopenings, :urgent, :items, :places, :now)
                    """).param("county", countyCode).param("month", Date.valueOf(month.atDay(1))).param("unit", r.unitId())
                    .param("name", r.unit()).param("received", r.received()).param("signed", r.signedInTime())
                    .param("resolved", r.resolved()).param("rated", r.rated()).param("satisfied", r.satisfied())
                    .param("onTime", r.onTime()).param("avg", r.averageDays()).param("returns", r.returns())
                    .param("reopenings", r.reopenings()).param("urgent", r.urgentSolved()).param("items", r.topItems())
                    .param("places", r.topPlaces()).param("now", now).update();
        }
        audit.record(AuditEvent.success("MATTER_FIGURES_FREEZE", "MATTER_FIGURES", month.toString(), countyCode)
                .withDetail(String.valueOf(rows.size())));
        return rows.size();
    }

    private List<Row> frozen(String countyCode, YearMonth month) {
        return jdbc.sql("select * from requests.monthly_figures where county_code = :county and month = :month order by unit_name")
                .param("county", countyCode).param("month", Date.valueOf(month.atDay(1)))
                .query((rs, i) -> new Row(rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getInt("received"),
                        rs.getInt("signed_in_time"), rs.getInt("resolved"), rs.getInt("rated"), rs.getInt("satisfied"),
                        rs.getInt("on_time"), rs.getBigDecimal("average_days"), rs.getInt("returns"), rs.getInt("reopenings"),
                        rs.getInt("urgent_solved"), rs.getString("top_items"), rs.getString("top_places"))).list();
    }

    /** One pass over the month's timeline and the matters it names, grouped by unit. */
    List<Row> compute(String countyCode, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(MatterIntake.CHINA).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(MatterIntake.CHINA).toInstant();
        Map<String, Object> params = Map.of("county", countyCode, "from", Timestamp.from(from), "to", Timestamp.from(to));
        Map<UUID, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select unit, sum(received)::int, sum(signed)::int, sum(returns)::int, sum(reopenings)::int from (
                    select e.to_unit_id as unit, count(distinct e.matter_id) as received, 0 as signed, 0 as returns, 0 as reopenings
                    from requests.matter_events e where e.county_code = :county and e.at >= :from and e.at < :to
                      and e.kind in """ + ARRIVALS + """
                 group by e.to_unit_id
                    union all
                    select e.unit_id, 0, count(distinct e.matter_id) filter (where e.kind = 'SIGNED'),
                        count(*) filter (where e.kind = 'RETURNED'), 0
                    from requests.matter_events e where e.county_code = :county and e.at >= :from and e.at < :to
                      and e.kind in ('SIGNED', 'RETURNED') group by e.unit_id
                    union all
                    select e.to_unit_id, 0, 0, 0, count(*) from requests.matter_events e
                    where e.county_code = :county and e.at >= :from and e.at < :to and e.kind = 'REOPENED' group by e.to_unit_id
                ) x where unit is not null group by unit
                """).params(params).query((rs, i) -> counts.put(rs.getObject(1, UUID.class),
                        new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) })).list();
        Map<UUID, List<Instant[]>> durations = new LinkedHashMap<>();
        Map<UUID, int[]> closings = new LinkedHashMap<>();
        jdbc.sql("""
                select m.closing_unit_id, m.submitted_at, m.closed_at, m.rating, m.closed_on_time, m.urgent
                from requests.matters m where m.county_code = :county and m.status = 'CLOSED' and not m.rejected
                    and m.closed_at >= :from and m.closed_at < :to
                """).params(params).query((rs, i) -> {
                    UUID unit = rs.getObject(1, UUID.class);
                    int[] c = closings.computeIfAbsent(unit, k -> new int[4]);
                    c[0]++;
                    int rating = rs.getInt(4);
                    if (!rs.wasNull()) {
                        c[1]++;
                        c[2] += rating >= 4 ? 1 : 0;
                    }
                    c[3] += rs.getBoolean(5) ? 1 : 0;
                    durations.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Instant[] { rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getBoolean(6) ? Instant.EPOCH : null });
                    return unit;
                }).list();
        Map<UUID, String> topItems = top("""
                select e.to_unit_id, c.name, count(distinct e.matter_id) from requests.matter_events e
                join requests.matters m on m.county_code = e.county_code and m.id = e.matter_id
                join requests.catalogue_items c on c.county_code = m.county_code and c.id = m.item_id
                where e.county_code = :county and e.at >= :from and e.at < :to and e.kind in """ + ARRIVALS + """
                 and e.to_unit_id is not null group by 1, 2
                """, params, false);
        Map<UUID, String> topPlaces = top("""
                select e.to_unit_id, left(m.region_code, 12), count(distinct e.matter_id) from requests.matter_events e
                join requests.matters m on m.county_code = e.county_code and m.id = e.matter_id
                where e.county_code = :county and e.at >= :from and e.at < :to and e.kind in """ + ARRIVALS + """
                 and e.to_unit_id is not null group by 1, 2
                """, params, true);
        List<Row> rows = new ArrayList<>();
        Set<UUID> all = new java.util.LinkedHashSet<>(counts.keySet());
        all.addAll(closings.keySet());
        for (UUID unit : all) {
            int[] c = counts.getOrDefault(unit, new int[4]);
            int[] k = closings.getOrDefault(unit, new int[4]);
            List<Instant[]> spans = durations.getOrDefault(unit, List.of());
            rows.add(new Row(unit, units.find(new UnitId(unit)).map(Unit::name).orElse(unit.toString()), c[0], c[1], k[0], k[1],
                    k[2], k[3], averageWorkingDays(spans, countyCode), c[2], c[3],
                    (int) spans.stream().filter(s -> s[2] != null).count(), topItems.getOrDefault(unit, ""),
                    topPlaces.getOrDefault(unit, "")));
        }
        rows.sort(java.util.Comparator.comparing(Row::unit));
        return rows;
    }

    private @Nullable BigDecimal averageWorkingDays(List<Instant[]> spans, String countyCode) {
        if (spans.isEmpty()) {
            return null;
        }
        try {
            long sum = 0;
            for (Instant[] s : spans) {
                sum += Math.max(0, calendar.workingDaysBetween(s[0], s[1], countyCode));
            }
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(spans.size()), 2, RoundingMode.HALF_UP);
        } catch (DomainException e) {
            return null; // a span reaching a year without a calendar has no working-day count
        }
    }

    /** The three largest groups per unit, as "name (count)" joined by 、. */
    private Map<UUID, String> top(String sql, Map<String, Object> params, boolean regionNames) {
        Map<UUID, List<Object[]>> byUnit = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((rs, i) -> byUnit.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new Object[] { rs.getString(2), rs.getLong(3) })).list();
        Map<UUID, String> result = new LinkedHashMap<>();
        byUnit.forEach((unit, groups) -> result.put(unit, groups.stream()
                .sorted((a, b) -> Long.compare((Long) b[1], (Long) a[1])).limit(3)
                .map(g -> (regionNames ? regions.find((String) g[0]).map(Region::name).orElse((String) g[0]) : (String) g[0])
                        + "（" + g[1] + "）")
                .collect(Collectors.joining("、"))));
        return result;
    }

    /** The figures as a spreadsheet (cells guarded against formula injection); audited. */
    @Transactional
    public void export(Actor actor, String countyCode, YearMonth month, OutputStream out) {
        Figures figures = of(actor, countyCode, month);
        try {
            Workbook wb = new Workbook(out, Messages.text("registry.workbook.application"), "1.0");
            Worksheet sheet = wb.newWorksheet(SafeText.of(Messages.text("requests.figures.sheet", month.toString())));
            List<String> headers = List.of(Messages.text("requests.figures.unit"), Messages.text("requests.figures.received"),
                    Messages.text("requests.figures.response-rate"), Messages.text("requests.figures.resolution-rate"),
                    Messages.text("requests.figures.satisfaction-rate"), Messages.text("requests.figures.on-time-rate"),
                    Messages.text("requests.figures.average-days"), Messages.text("requests.figures.returns"),
                    Messages.text("requests.figures.reopenings"), Messages.text("requests.figures.urgent-solved"),
                    Messages.text("requests.figures.top-items"), Messages.text("requests.figures.top-places"));
            for (int c = 0; c < headers.size(); c++) {
                sheet.inlineString(0, c, headers.get(c));
                sheet.width(c, c == 0 || c >= 10 ? 30 : 12);
            }
            int r = 1;
            for (Row row : figures.rows()) {
                List<String> cells = List.of(row.unit(), String.valueOf(row.received()), row.responseRate(), row.resolutionRate(),
                        row.satisfactionRate(), row.onTimeRate(), row.averageDays() == null ? "" : row.averageDays().toPlainString(),
                        String.valueOf(row.returns()), String.valueOf(row.reopenings()), String.valueOf(row.urgentSolved()),
                        row.topItems(), row.topPlaces());
                for (int c = 0; c < cells.size(); c++) {
                    sheet.inlineString(r, c, SafeText.of(cells.get(c)));
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEvent.success("MATTER_FIGURES_EXPORT", "MATTER_FIGURES", month.toString(), countyCode)
                .withDetail(String.valueOf(figures.rows().size())));
    }

    /** Keeps one freeze deadline ahead: 01:00 on the 1st of next month. */
    @Override
    public void run(ApplicationArguments args) {
        scheduleNext(homeCounty);
    }

    void scheduleNext(String countyCode) {
        ZonedDateTime now = clock.instant().atZone(MatterIntake.CHINA);
        Instant next = YearMonth.from(now).plusMonths(1).atDay(1).atTime(1, 0).atZone(MatterIntake.CHINA).toInstant();
        DeadlineRef ref = new DeadlineRef(FREEZE, "county", countyCode);
        Optional<Instant> due = deadlines.dueAt(ref);
        if (due.isEmpty() || !due.get().equals(next)) {
            deadlines.schedule(ref, next);
        }
    }

    @PreDestroy
    void stop() {
        live.close();
    }

    @Override
    public Set<String> kinds() {
        return Set.of(FREEZE);
    }

    @Override
    public void onDue(DeadlineDue due) {
        if (!due.is(FREEZE)) {
            return;
        }
        String county = due.deadline().objectId();
        freeze(county, YearMonth.from(due.dueAt().atZone(MatterIntake.CHINA)).minusMonths(1));
        scheduleNext(county);
    }
}
