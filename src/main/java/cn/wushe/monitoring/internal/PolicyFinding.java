package cn.wushe.monitoring.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.care.CareAlerts;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.registry.DirectoryCaller;
import cn.wushe.registry.DirectoryEntry;
import cn.wushe.registry.PersonCriteria;
import cn.wushe.registry.CategoryName;
import cn.wushe.registry.PersonDirectory;
import cn.wushe.registry.PersonId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 政策找人: the county's typed rules run in the database — the registry's side as one bulk read,
 * {@link PersonDirectory#select}, the feed facts as one query here — on a schedule (and on the
 * admin's asking). A hit becomes a care alert "may be eligible" (source POLICY, closed as applied,
 * not eligible or declined); a person a rule found is not raised again by it within the county's
 * quiet period ({@link ComparisonRules#policyQuietDays()}).
 */
@Service
public class PolicyFinding {

    private static final java.util.regex.Pattern CATEGORY = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final JdbcClient jdbc;
    private final PersonDirectory directory;
    private final CareAlerts alerts;
    private final CountyRules countyRules;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PolicyFinding(JdbcClient jdbc, PersonDirectory directory, CareAlerts alerts, CountyRules countyRules, AuditLog audit,
            TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.alerts = alerts;
        this.countyRules = countyRules;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What one run found: per rule, the people it matched and the alerts raised (the rest were quiet). */
    public record RunResult(String countyCode, int rules, int matched, int raised) {
    }

    /** The registry's categories a rule may name, with their Chinese names, for the rule form. */
    public List<CategoryName> categories() {
        return directory.categories();
    }

    public PolicyRule define(Actor actor, PolicyRule.Draft draft) {
        FeedComparison.requireCounty(actor, draft.countyCode());
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Text.trimToNull(draft.name());
        if (name == null || name.length() > 100) {
            errors.put("name", Messages.text("monitoring.policy.name-required"));
        }
        List<String> holds = codes(draft.holds(), "holds", errors);
        List<String> lacks = codes(draft.lacks(), "lacks", errors);
        Set<String> catalogue = directory.categories().stream().map(CategoryName::code).collect(Collectors.toSet());
        if (!errors.containsKey("holds") && !catalogue.containsAll(holds)) {
            errors.put("holds", Messages.text("monitoring.policy.category-unknown"));
        }
        if (!errors.containsKey("lacks") && !catalogue.containsAll(lacks)) {
            errors.put("lacks", Messages.text("monitoring.policy.category-unknown"));
        }
        if (holds.stream().anyMatch(lacks::contains)) {
            errors.put("lacks", Messages.text("monitoring.policy.category-both"));
        }
        range(draft.minAge(), draft.maxAge(), 0, 130, "minAge", errors);
        range(draft.minHousehold(), draft.maxHousehold(), 1, 50, "minHousehold", errors);
        if (draft.factKind() == null && (draft.factMin() != null || draft.factMax() != null)) {
            errors.put("factKind", Messages.text("monitoring.policy.fact-kind-required"));
        }
        if (draft.factKind() != null && draft.factKind() != FeedKind.HOSPITAL_STAY && draft.factKind() != FeedKind.INCOME
                && draft.factKind() != FeedKind.DISABILITY_GRADE) {
            errors.put("factKind", Messages.text("monitoring.policy.fact-kind-numeric"));
        }
        if (draft.factMin() != null && draft.factMax() != null && draft.factMin().compareTo(draft.factMax()) > 0) {
            errors.put("factMin", Messages.text("monitoring.policy.range"));
        }
        if (holds.isEmpty() && lacks.isEmpty() && draft.minAge() == null && draft.maxAge() == null && draft.minHousehold() == null
                && draft.maxHousehold() == null && draft.factKind() == null) {
            errors.put("holds", Messages.text("monitoring.policy.criterion-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        return transaction.execute(status -> {
            jdbc.sql("""
                    insert into monitoring.policy_rules (county_code, id, name, holds, lacks, min_age, max_age, min_household,
                        max_household, fact_kind, fact_min, fact_max, active, created_by, created_at)
                    values (:county, :id, :name, cast(:holds as text[]), cast(:lacks as text[]), :minAge, :maxAge, :minHousehold,
                        :maxHousehold, :factKind, :factMin, :factMax, true, :me, :now)""")
                    .param("county", draft.countyCode()).param("id", id).param("name", name)
                    .param("holds", holds.toArray(String[]::new)).param("lacks", lacks.toArray(String[]::new))
                    .param("minAge", draft.minAge()).param("maxAge", draft.maxAge()).param("minHousehold", draft.minHousehold())
                    .param("maxHousehold", draft.maxHousehold())
                    .param("factKind", draft.factKind() == null ? null : draft.factKind().name())
                    .param("factMin", draft.factMin()).param("factMax", draft.factMax()).param("me", actor.id())
                    .param("now", Timestamp.from(clock.instant())).update();
            audit.record(AuditEvent.success("MONITORING_POLICY_DEFINE", "MONITORING_POLICY", id.toString(), draft.countyCode())
                    .withDetail(name));
            return find(draft.countyCode(), id);
        });
    }

    public List<PolicyRule> list(Actor actor) {
        var scope = ScopeFilter.predicate(actor, Permission.MONITORING_RUN, "r.county_code", "r.county_code");
        return jdbc.sql("select r.* from monitoring.policy_rules r where " + scope.sql() + " order by r.county_code, r.created_at")
                .params(scope.params()).query(PolicyFinding::row).list();
    }

    /** Runs the county's rules now, as the schedule would, for its admin. */
    public RunResult runNow(Actor actor, String countyCode) {
        FeedComparison.requireCounty(actor, countyCode);
        return run(countyCode, false);
    }

    /** Every county with an active rule, each in its own transaction (one county's failure leaves the others). */
    public void runAll() {
        for (String county : jdbc.sql("select distinct county_code from monitoring.policy_rules where active order by 1")
                .query(String.class).list()) {
            run(county, true);
        }
    }

    RunResult run(String countyCode, boolean scheduled) {
        return transaction.execute(status -> {
            // the schedule and an admin's 立即运行 may start together: one run per county at a time, so
            // the second sees the first's hits and no one is alerted twice within the quiet period
            jdbc.sql("select pg_advisory_xact_lock(hashtext('monitoring.policy-finding'), hashtext(:county))")
                    .param("county", countyCode).query().singleRow();
            Instant now = clock.instant();
            ComparisonRules settings = countyRules.of(countyCode);
            Instant quietSince = now.minus(Duration.ofDays(settings.policyQuietDays()));
            List<PolicyRule> rules = jdbc.sql("select * from monitoring.policy_rules r where county_code = :county and active order by created_at")
                    .param("county", countyCode).query(PolicyFinding::row).list();
            int matched = 0;
            int raised = 0;
            for (PolicyRule rule : rules) {
                List<DirectoryEntry> found = candidates(countyCode, rule);
                matched += found.size();
                Set<UUID> quiet = new HashSet<>(jdbc.sql("""
                        select distinct person_id from monitoring.policy_hits where county_code = :county and rule_id = :rule
                            and hit_at > :since and person_id = any(cast(:people as uuid[]))""")
                        .param("county", countyCode).param("rule", rule.id()).param("since", Timestamp.from(quietSince))
                        .param("people", found.stream().map(e -> e.id().toString()).toArray(String[]::new))
                        .query(UUID.class).list());
                List<DirectoryEntry> fresh = found.stream().filter(e -> !quiet.contains(e.id().value())).toList();
                jdbc.sql("""
                        insert into monitoring.policy_hits (county_code, rule_id, person_id, hit_at)
                        select :county, :rule, p, :now from unnest(cast(:people as uuid[])) as p""")
                        .param("county", countyCode).param("rule", rule.id()).param("now", Timestamp.from(now))
                        .param("people", fresh.stream().map(e -> e.id().toString()).toArray(String[]::new)).update();
                String summary = Messages.text("monitoring.alert.policy", rule.name());
                String shown = summary.length() > 200 ? summary.substring(0, 200) : summary;
                raised += alerts.raiseAll(fresh.stream().map(entry -> new CareAlerts.NewAlert(entry.id().value(), entry.regionCode(),
                        CareAlerts.Source.POLICY, CareAlerts.Severity.MEDIUM, shown,
                        "policy:" + rule.id() + ":" + entry.id() + ":" + now.toEpochMilli())).toList());
                jdbc.sql("update monitoring.policy_rules set last_run_at = :now, last_hits = :hits where county_code = :county and id = :id")
                        .param("now", Timestamp.from(now)).param("hits", fresh.size()).param("county", countyCode)
                        .param("id", rule.id()).update();
            }
            AuditEvent event = AuditEvent.success("MONITORING_POLICY_RUN", "MONITORING_POLICY", null, countyCode);
            audit.record((scheduled ? event.byActor("system:monitoring") : event).withDetail("rules " + rules.size() + ", matched " + matched + ", alerts " + raised));
            return new RunResult(countyCode, rules.size(), matched, raised);
        });
    }

    /** The registry's side in one bulk read; a feed-fact rule first narrows to the people whose fact fits. */
    private List<DirectoryEntry> candidates(String countyCode, PolicyRule rule) {
        List<PersonId> among = null;
        if (rule.factKind() != null) {
            among = jdbc.sql("""
                    select person_id from monitoring.person_facts where county_code = :county and kind = :kind
                        and (cast(:min as numeric) is null or (case when value ~ '^-?[0-9]+(\\.[0-9]+)?$'
                            then cast(value as numeric) end) >= cast(:min as numeric))
                        and (cast(:max as numeric) is null or (case when value ~ '^-?[0-9]+(\\.[0-9]+)?$'
                            then cast(value as numeric) end) <= cast(:max as numeric))
                    order by person_id limit :limit""")
                    .param("county", countyCode).param("kind", rule.factKind().name()).param("min", rule.factMin())
                    .param("max", rule.factMax()).param("limit", PersonDirectory.MAX_SELECTED)
                    .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class))).list();
            if (among.isEmpty()) {
                return List.of();
            }
        }
        return directory.select(DirectoryCaller.system("monitoring", Messages.text("monitoring.policy.purpose", rule.name())),
                countyCode, new PersonCriteria(rule.holds(), rule.lacks(), rule.minAge(), rule.maxAge(), rule.minHousehold(),
                        rule.maxHousehold(), among));
    }

    private PolicyRule find(String countyCode, UUID id) {
        return jdbc.sql("select * from monitoring.policy_rules r where county_code = :county and id = :id")
                .param("county", countyCode).param("id", id).query(PolicyFinding::row).single();
    }

    private static PolicyRule row(ResultSet rs, int n) throws SQLException {
        String fact = rs.getString("fact_kind");
        Timestamp lastRun = rs.getTimestamp("last_run_at");
        return new PolicyRule(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("name"),
                List.of((String[]) rs.getArray("holds").getArray()), List.of((String[]) rs.getArray("lacks").getArray()),
                rs.getObject("min_age", Integer.class), rs.getObject("max_age", Integer.class),
                rs.getObject("min_household", Integer.class), rs.getObject("max_household", Integer.class),
                fact == null ? null : FeedKind.valueOf(fact), rs.getBigDecimal("fact_min"), rs.getBigDecimal("fact_max"),
                rs.getBoolean("active"), lastRun == null ? null : lastRun.toInstant(), rs.getObject("last_hits", Integer.class));
    }

    private static List<String> codes(@Nullable List<String> raw, String field, Map<String, String> errors) {
        List<String> codes = raw == null ? List.of() : raw.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (!codes.stream().allMatch(c -> CATEGORY.matcher(c).matches())) {
            errors.put(field, Messages.text("monitoring.policy.category-invalid"));
        }
        return codes;
    }

    private static void range(@Nullable Integer min, @Nullable Integer max, int low, int high, String field,
            Map<String, String> errors) {
        if ((min != null && (min < low || min > high)) || (max != null && (max < low || max > high))
                || (min != null && max != null && min > max)) {
            errors.put(field, Messages.text("care.settings.range", low, high));
        }
    }

}
