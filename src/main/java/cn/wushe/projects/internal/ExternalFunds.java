package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.organizations.OrganizationSummary;
import cn.wushe.organizations.Organizations;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Province or foundation projects (外部资金) an organization of the county carries: funder, amount,
 * period and the funder's report schedule, listed beside the round projects. The county records them
 * (ROUND_MANAGE); the organization sees and reports its own (ORG_OWN); stations view them by region.
 */
@Service
public class ExternalFunds {

    /** Who pays: the province (省级), a foundation (基金会) or another funder. */
    public enum FunderKind { PROVINCE, FOUNDATION, OTHER }

    static final Set<String> FUNDER_KINDS = java.util.Arrays.stream(FunderKind.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toSet());

    private final ProjectStore store;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    ExternalFunds(ProjectStore store, Organizations organizations, AuditLog audit, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewFund(@Nullable UUID organizationId, @Nullable String funderKind, @Nullable String funder,
            @Nullable String title, @Nullable String field, @Nullable BigDecimal amount, @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn, @Nullable Integer reportMonths) {
    }

    public record Fund(UUID id, String countyCode, String regionCode, UUID ownerUnitId, String ownerName, String funderKind,
            String funder, String title, String field, BigDecimal amount, LocalDate startsOn, LocalDate endsOn,
            int reportMonths) {

        public String funderKindLabel() {
            return Messages.text("projects.fund.kind." + funderKind);
        }
    }

    public record FundReport(int number, LocalDate dueOn, @Nullable Instant submittedAt, @Nullable String summary) {
    }

    /** Records an external fund and lays out its reports, one every {@code reportMonths} and one at the end. */
    @Transactional
    public Fund record(Actor actor, NewFund f) {
        OrganizationSummary org = f.organizationId() == null ? null
                : organizations.find(new UnitId(f.organizationId())).orElse(null);
        if (org == null || !actor.can(Permission.ROUND_MANAGE, org.regionCode())) {
            throw DomainException.notFound(Messages.text("projects.fund.organization"));
        }
        if (!FUNDER_KINDS.contains(String.valueOf(f.funderKind()))) {
            throw DomainException.invalid("funderKind", Messages.text("projects.fund.funder-kind"));
        }
        String funder = Text.trimToNull(f.funder());
        if (funder == null || funder.length() < 2 || funder.length() > 60) {
            throw DomainException.invalid("funder", Messages.text("projects.fund.funder"));
        }
        String title = Text.trimToNull(f.title());
        if (title == null || title.length() < 4 || title.length() > 80) {
            throw DomainException.invalid("title", Messages.text("projects.round.title"));
        }
        String field = Text.trimToNull(f.field());
        if (field == null) {
            throw DomainException.invalid("field", Messages.text("projects.fund.field"));
        }
        if (f.amount() == null || f.amount().signum() <= 0) {
            throw DomainException.invalid("amount", Messages.text("projects.fund.amount"));
        }
        if (f.startsOn() == null || f.endsOn() == null || !f.endsOn().isAfter(f.startsOn())) {
            throw DomainException.invalid("endsOn", Messages.text("projects.fund.period"));
        }
        if (f.reportMonths() == null || f.reportMonths() < 1 || f.reportMonths() > 12) {
            throw DomainException.invalid("reportMonths", Messages.text("projects.fund.report-months"));
        }
        UUID id = UUID.randomUUID();
        store.jdbc().sql("""
                insert into projects.external_funds (county_code, id, region_code, owner_unit_id, owner_name, funder_kind,
                    funder, title, field, amount, starts_on, ends_on, report_months, created_at)
                values (:county, :id, :region, :owner, :name, :kind, :funder, :title, :field, :amount, :starts, :ends,
                    :months, :at)
                """).param("county", org.countyCode()).param("id", id).param("region", org.regionCode())
                .param("owner", org.id().value()).param("name", org.name()).param("kind", f.funderKind())
                .param("funder", funder).param("title", title).param("field", field).param("amount", f.amount())
                .param("starts", f.startsOn()).param("ends", f.endsOn()).param("months", f.reportMonths())
                .param("at", ProjectStore.ts(clock.instant())).update();
        List<LocalDate> due = schedule(f.startsOn(), f.endsOn(), f.reportMonths());
        for (int i = 0; i < due.size(); i++) {
            store.jdbc().sql("insert into projects.external_fund_reports (fund_id, number, county_code, due_on) "
                            + "values (:f, :n, :county, :due)")
                    .param("f", id).param("n", i + 1).param("county", org.countyCode()).param("due", due.get(i)).update();
        }
        audit.record(AuditEvent.success("EXTERNAL_FUND_RECORD", "EXTERNAL_FUND", id.toString(), org.regionCode())
                .withDetail(f.amount().toPlainString()));
        return fund(actor, id);
    }

    /** The funder's report days: every {@code months} from the start while before the end, then the end itself. */
    static List<LocalDate> schedule(LocalDate starts, LocalDate ends, int months) {
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate d = starts.plusMonths(months); d.isBefore(ends); d = d.plusMonths(months)) {
            due.add(d);
        }
        due.add(ends);
        return due;
    }

    public List<Fund> funds(Actor actor) {
        ScopeFilter.SqlPredicate scope = scope(actor);
        return store.jdbc().sql("select f.* from projects.external_funds f where " + scope.sql()
                + " order by f.starts_on desc limit 100").params(scope.params()).query(ExternalFunds::fund).list();
    }

    public Fund fund(Actor actor, UUID id) {
        ScopeFilter.SqlPredicate scope = scope(actor);
        return store.jdbc().sql("select f.* from projects.external_funds f where f.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query(ExternalFunds::fund).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.fund.subject")));
    }

    public List<FundReport> reports(UUID fundId) {
        return store.jdbc().sql("select * from projects.external_fund_reports where fund_id = :f order by number")
                .param("f", fundId).query((rs, n) -> new FundReport(rs.getInt("number"), rs.getDate("due_on").toLocalDate(),
                        ProjectStore.instant(rs.getTimestamp("submitted_at")), rs.getString("summary"))).list();
    }

    /** The organization hands in one report to its funder's schedule (own fund only). */
    @Transactional
    public void report(Actor actor, UUID fundId, int number, @Nullable String summary) {
        ScopeFilter.SqlPredicate own = ScopeFilter.ownUnitWithin(actor, Permission.ORG_OWN, "f.owner_unit_id",
                "f.county_code", "f.region_code");
        Fund fund = store.jdbc().sql("select f.* from projects.external_funds f where f.id = :id and " + own.sql())
                .params(own.params()).param("id", fundId).query(ExternalFunds::fund).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.fund.subject")));
        String text = Text.trimToNull(summary);
        if (text == null || text.length() < 4) {
            throw DomainException.invalid("summary", Messages.text("projects.report.summary"));
        }
        int rows = store.jdbc().sql("update projects.external_fund_reports set summary = :s, submitted_at = :at "
                        + "where fund_id = :f and number = :n and submitted_at is null")
                .param("s", text).param("at", ProjectStore.ts(clock.instant())).param("f", fundId).param("n", number).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.fund.report-done"));
        }
        audit.record(AuditEvent.success("EXTERNAL_FUND_REPORT", "EXTERNAL_FUND", fundId.toString(), fund.regionCode())
                .withDetail(String.valueOf(number)));
    }

    private static ScopeFilter.SqlPredicate scope(Actor actor) {
        List<ScopeFilter.SqlPredicate> any = new ArrayList<>();
        any.add(ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "f.county_code", "f.region_code"));
        any.add(ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "f.county_code", "f.region_code"));
        if (actor.can(Permission.ORG_OWN)) {
            any.add(ScopeFilter.ownUnitWithin(actor, Permission.ORG_OWN, "f.owner_unit_id", "f.county_code", "f.region_code"));
        }
        return ProjectScope.anyOf(any);
    }

    static Fund fund(ResultSet rs, int n) throws SQLException {
        return new Fund(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("region_code"),
                rs.getObject("owner_unit_id", UUID.class), rs.getString("owner_name"), rs.getString("funder_kind"),
                rs.getString("funder"), rs.getString("title"), rs.getString("field"), rs.getBigDecimal("amount"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getInt("report_months"));
    }
}
