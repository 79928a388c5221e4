package cn.wushe.projects.internal;

import cn.wushe.platform.ScopeFilter;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rounds and applications in the {@code projects} schema. */
@Repository
class ProjectStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    void insertRound(Round r, Instant at) {
        jdbc.sql("""
                insert into projects.rounds (county_code, id, region_code, kind, title, funder, budget_total,
                    budget_remaining, opens_at, closes_at, scoring_deadline, correction_days, experts_per_application,
                    blind, min_grade, eligible_kinds, criteria, standards, instalments, project_months, status, version,
                    created_at)
                values (:county, :id, :region, :kind, :title, :funder, :budget, :budget, :opens, :closes, :deadline,
                    :correction, :experts, :blind, :grade, cast(:kinds as text[]), cast(:criteria as jsonb),
                    cast(:standards as jsonb), cast(:instalments as int[]), :months, 'OPEN', 0, :at)
                """)
                .param("county", r.countyCode()).param("id", r.id()).param("region", r.regionCode())
                .param("kind", r.kind().name()).param("title", r.title()).param("funder", r.funder())
                .param("budget", r.budgetTotal()).param("opens", ts(r.opensAt())).param("closes", ts(r.closesAt()))
                .param("deadline", ts(r.scoringDeadline())).param("correction", r.correctionDays())
                .param("experts", r.expertsPerApplication()).param("blind", r.blind()).param("grade", r.minGrade())
                .param("kinds", r.eligibleKinds().toArray(String[]::new)).param("criteria", json(r.criteria()))
                .param("standards", json(r.standards())).param("instalments", r.instalments().toArray(Integer[]::new))
                .param("months", r.projectMonths()).param("at", ts(at)).update();
    }

    Optional<Round> round(UUID id, ScopeFilter.SqlPredicate scope) {
        return jdbc.sql("select r.* from projects.rounds r where r.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query(ProjectStore::round).optional();
    }

    List<Round> rounds(ScopeFilter.SqlPredicate scope, int limit) {
        return jdbc.sql("select r.* from projects.rounds r where " + scope.sql() + " order by r.opens_at desc limit :limit")
                .params(scope.params()).param("limit", limit).query(ProjectStore::round).list();
    }

    /**
     * Takes {@code amount} from the round's remaining budget in one conditional update: of
     * concurrent confirmations only those the budget still covers change a row, so the sum of
     * awards never exceeds the budget whatever the interleaving.
     */
    boolean takeFromBudget(UUID roundId, BigDecimal amount) {
        return jdbc.sql("update projects.rounds set budget_remaining = budget_remaining - :amount, version = version + 1 "
                        + "where id = :id and budget_remaining >= :amount")
                .param("amount", amount).param("id", roundId).update() == 1;
    }

    void roundStatus(UUID id, Round.Status from, Round.Status to) {
        jdbc.sql("update projects.rounds set status = :to, version = version + 1 where id = :id and status = :from")
                .param("to", to.name()).param("id", id).param("from", from.name()).update();
    }

    Optional<Application> application(UUID id, ScopeFilter.SqlPredicate scope, boolean forUpdate) {
        return jdbc.sql("select a.* from projects.applications a where a.id = :id and " + scope.sql()
                        + (forUpdate ? " for update" : ""))
                .params(scope.params()).param("id", id).query(ProjectStore::application).optional();
    }

    List<Application> applicationsOfRound(UUID roundId) {
        return jdbc.sql("select a.* from projects.applications a where a.round_id = :r order by a.rank nulls last, a.created_at")
                .param("r", roundId).query(ProjectStore::application).list();
    }

    static Round round(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("region_code"),
                Round.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("funder"),
                rs.getBigDecimal("budget_total"), rs.getBigDecimal("budget_remaining"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                rs.getTimestamp("scoring_deadline").toInstant(), rs.getInt("correction_days"),
                rs.getInt("experts_per_application"), rs.getBoolean("blind"), rs.getInt("min_grade"),
                strings(rs.getArray("eligible_kinds")),
                JSON.readValue(rs.getString("criteria"), new TypeReference<List<Round.Criterion>>() { }),
                JSON.readValue(rs.getString("standards"), new TypeReference<List<Round.Standard>>() { }),
                Arrays.stream((Integer[]) rs.getArray("instalments").getArray()).toList(), rs.getInt("project_months"),
                Round.Status.valueOf(rs.getString("status")), rs.getLong("version"));
    }

    static Application application(ResultSet rs, int n) throws SQLException {
        String audit = rs.getString("audit_record");
        return new Application(rs.getObject("id", UUID.class), rs.getString("county_code"),
                rs.getObject("round_id", UUID.class), rs.getObject("owner_unit_id", UUID.class), rs.getString("owner_name"),
                rs.getString("region_code"), rs.getString("title"), rs.getString("field"), rs.getString("need"),
                rs.getString("need_refs"), rs.getString("goals"), rs.getString("target_group"),
                (Integer) rs.getObject("beneficiaries"),
                JSON.readValue(rs.getString("budget_lines"), new TypeReference<List<Application.BudgetLine>>() { }),
                rs.getBigDecimal("requested"),
                JSON.readValue(rs.getString("indicators"), new TypeReference<List<Application.Indicator>>() { }),
                JSON.readValue(rs.getString("team"), new TypeReference<List<Application.TeamMember>>() { }),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("submitted_version"),
                instant(rs.getTimestamp("correction_until")), rs.getString("correction_note"),
                rs.getBigDecimal("mean_score"), (Integer) rs.getObject("rank"), rs.getInt("outlier_experts"),
                rs.getBigDecimal("awarded"), rs.getObject("evaluator_id", UUID.class), rs.getString("evaluation"),
                audit == null ? null : JSON.readValue(audit, Application.AuditRecord.class),
                (Integer) rs.getObject("satisfaction"), rs.getLong("version"));
    }

    static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
