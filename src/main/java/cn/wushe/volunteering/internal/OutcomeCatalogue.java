package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.Text;
import java.math.BigDecimal;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 服务成效目录: the outcome counts an organizer enters at confirmation (劝导不文明行为 次, 送餐 份 …),
 * one list per county, kept by whoever manages activities over the whole county. A county that never
 * changed it uses the five defaults; its first change writes them, so the list it sees stays the same.
 * Retiring a kind keeps its label for the counts already entered.
 */
@Service
public class OutcomeCatalogue {

    /** One kind: its code (stored with each count), name and unit (次, 份, 吨 …). */
    public record Kind(String code, String name, String unit, boolean active) {

        public String label() {
            return name + "（" + unit + "）";
        }
    }

    /** The year's counts of one community, in catalogue order. */
    public record CommunityYear(String communityCode, Map<String, BigDecimal> quantities) {

        /** The count as a person writes it: 110, 2.5, 0. */
        public String shown(String code) {
            return plain(quantities.get(code));
        }
    }

    public record YearReport(String countyCode, int year, List<Kind> kinds, List<CommunityYear> communities,
            Map<String, BigDecimal> totals) {

        public String total(String code) {
            return plain(totals.get(code));
        }
    }

    static String plain(@org.jspecify.annotations.Nullable BigDecimal quantity) {
        return quantity == null ? "0" : quantity.stripTrailingZeros().toPlainString();
    }

    /** Outcome counts (服务成效) of one community and kind in a period, with the kind's label. */
    public record OutcomeTotal(String communityCode, String outcome, String label, BigDecimal quantity) {
    }

    private static final List<String> DEFAULTS = Labels.OUTCOMES;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    OutcomeCatalogue(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every kind of the county, retired ones last; the defaults when the county never changed its list. */
    @Transactional(readOnly = true)
    public List<Kind> kinds(String countyCode) {
        List<Kind> stored = jdbc.sql("""
                select code, name, unit, active from volunteering.outcome_kinds where county_code = :county
                order by not active, position, code""")
                .param("county", countyCode)
                .query((rs, n) -> new Kind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
        return stored.isEmpty() ? defaults() : stored;
    }

    /** The kinds an organizer may enter now. */
    public List<Kind> active(String countyCode) {
        return kinds(countyCode).stream().filter(Kind::active).toList();
    }

    /** Refuses a count of a kind that is not (or no longer) in the county's list, or a negative one. */
    void check(String countyCode, Map<String, BigDecimal> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> codes = active(countyCode).stream().map(Kind::code).toList();
        for (Map.Entry<String, BigDecimal> c : counts.entrySet()) {
            if (!codes.contains(c.getKey()) || c.getValue().signum() < 0) {
                throw DomainException.invalid("outcomes", Messages.text("volunteering.hours.outcome-invalid"));
            }
        }
    }

    /** Adds a kind to the county's list; the actor manages activities over the whole county. */
    @Transactional
    public Kind add(Actor actor, String countyCode, String name, String unit) {
        String n = Text.trimToNull(name);
        String u = Text.trimToNull(unit);
        Map<String, String> errors = new LinkedHashMap<>();
        if (n == null || n.length() > 20) {
            errors.put("name", Messages.text("volunteering.outcome-kind.name-required"));
        }
        if (u == null || u.length() > 6) {
            errors.put("unit", Messages.text("volunteering.outcome-kind.unit-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        keeperOrRefuse(actor, countyCode);
        seedDefaults(countyCode);
        String code = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
        int rows = jdbc.sql("""
                insert into volunteering.outcome_kinds (county_code, code, name, unit, active, position, created_at)
                values (:county, :code, :name, :unit, true,
                    (select coalesce(max(position), 0) + 1 from volunteering.outcome_kinds where county_code = :county), :at)
                on conflict do nothing""")
                .param("county", countyCode).param("code", code).param("name", n).param("unit", u)
                .param("at", Times.ts(clock.instant())).update();
        if (rows == 0) {
            throw DomainException.invalid("name", Messages.text("volunteering.outcome-kind.name-taken"));
        }
        audit.record(AuditEvent.success("OUTCOME_KIND_ADD", "OUTCOME_KIND", code, countyCode).withDetail(n + "（" + u + "）"));
        return new Kind(code, n, u, true);
    }

    /** Takes a kind off the list for new confirmations; counts already entered keep it. */
    @Transactional
    public void retire(Actor actor, String countyCode, String code) {
        keeperOrRefuse(actor, countyCode);
        seedDefaults(countyCode);
        int rows = jdbc.sql("update volunteering.outcome_kinds set active = false where county_code = :county and code = :code and active")
                .param("county", countyCode).param("code", code).update();
        if (rows == 0) {
            throw DomainException.notFound(Messages.text("volunteering.outcome-kind.not-found"));
        }
        audit.record(AuditEvent.success("OUTCOME_KIND_RETIRE", "OUTCOME_KIND", code, countyCode));
    }

    /** Whether the actor keeps the county's list: {@code ACTIVITY_MANAGE} over the whole county. */
    public static boolean keeps(Actor actor, String countyCode) {
        return actor.scopesFor(Permission.ACTIVITY_MANAGE).stream().anyMatch(s -> countyCode.startsWith(s.code()));
    }

    /**
     * The county the actor reads outcomes of: the first county among their {@code VOLUNTEER_VIEW} or
     * {@code ACTIVITY_MANAGE} scopes.
     */
    public static Optional<String> countyOf(Actor actor) {
        List<RegionScope> scopes = new ArrayList<>(actor.scopesFor(Permission.VOLUNTEER_VIEW));
        scopes.addAll(actor.scopesFor(Permission.ACTIVITY_MANAGE));
        return scopes.stream().map(RegionScope::code).filter(c -> c.length() >= 6).map(c -> c.substring(0, 6)).findFirst();
    }

    /**
     * 服务成效 of a year per community and kind, inside the actor's {@code VOLUNTEER_VIEW} scope, with the
     * county's catalogue (also retired kinds that have counts).
     */
    @Transactional(readOnly = true)
    public YearReport year(Actor actor, String countyCode, int year) {
        ZonedDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(Times.CHINA);
        List<OutcomeTotal> totals = totals(actor, start.toInstant(), start.plusYears(1).toInstant()).stream()
                .filter(t -> t.communityCode().startsWith(countyCode)).toList();
        List<Kind> kinds = kinds(countyCode).stream()
                .filter(k -> k.active() || totals.stream().anyMatch(t -> t.outcome().equals(k.code()))).toList();
        Map<String, Map<String, BigDecimal>> byCommunity = new LinkedHashMap<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (OutcomeTotal t : totals) {
            byCommunity.computeIfAbsent(t.communityCode(), c -> new LinkedHashMap<>()).merge(t.outcome(), t.quantity(), BigDecimal::add);
            sums.merge(t.outcome(), t.quantity(), BigDecimal::add);
        }
        List<CommunityYear> communities = byCommunity.entrySet().stream()
                .map(e -> new CommunityYear(e.getKey(), e.getValue())).toList();
        return new YearReport(countyCode, year, kinds, communities, sums);
    }

    /** Outcome counts per community and kind in a period (by confirmation time), inside VOLUNTEER_VIEW. */
    @Transactional(readOnly = true)
    public List<OutcomeTotal> totals(Actor actor, Instant from, Instant to) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "o.county_code", "o.region_code");
        Map<String, Map<String, String>> labels = new java.util.HashMap<>();
        return jdbc.sql("select o.county_code, left(o.region_code, 12), o.outcome, sum(o.quantity) from volunteering.outcomes o where "
                        + scope.sql() + " and o.recorded_at >= :from and o.recorded_at < :to group by 1, 2, 3 order by 2, 3")
                .params(scope.params()).param("from", Times.ts(from)).param("to", Times.ts(to))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)}).list()
                .stream().map(r -> {
                    Map<String, String> county = labels.computeIfAbsent((String) r[0],
                            c -> kinds(c).stream().collect(java.util.stream.Collectors.toMap(Kind::code, Kind::label)));
                    return new OutcomeTotal((String) r[1], (String) r[2], county.getOrDefault((String) r[2], (String) r[2]),
                            (BigDecimal) r[3]);
                }).toList();
    }

    private void keeperOrRefuse(Actor actor, String countyCode) {
        if (!keeps(actor, countyCode)) {
            if (countyOf(actor).filter(countyCode::equals).isPresent()) {
                throw DomainException.forbidden(Messages.text("volunteering.outcome-kind.county-only"));
            }
            throw DomainException.notFound(Messages.text("volunteering.outcome-kind.not-found"));
        }
    }

    private void seedDefaults(String countyCode) {
        List<Kind> defaults = defaults();
        for (int i = 0; i < defaults.size(); i++) {
            Kind k = defaults.get(i);
            jdbc.sql("""
                    insert into volunteering.outcome_kinds (county_code, code, name, unit, active, position, created_at)
                    values (:county, :code, :name, :unit, true, :position, :at) on conflict do nothing""")
                    .param("county", countyCode).param("code", k.code()).param("name", k.name()).param("unit", k.unit())
                    .param("position", i).param("at", Times.ts(clock.instant())).update();
        }
    }

    private static List<Kind> defaults() {
        return DEFAULTS.stream().map(code -> {
            String label = Labels.of("result", code);
            int open = label.indexOf('（');
            return new Kind(code, label.substring(0, open), label.substring(open + 1, label.length() - 1), true);
        }).toList();
    }
}
