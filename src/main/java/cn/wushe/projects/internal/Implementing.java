package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.projects.InstalmentDue;
import cn.wushe.projects.ProjectAccepted;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's implementation (实施) and acceptance (结项验收): the organization reports progress and
 * the final account (budget vs actual); an overdue report holds the next instalment; a third-party
 * evaluator (assigned) grades it; the manager records the financial audit and accepts — only with
 * the final report, the audit and the evaluation, and the last instalment only on a pass.
 */
@Service
public class Implementing implements DeadlineHandler {

    private final ProjectStore store;
    private final Transitions transitions;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final Bundles bundles;

    Implementing(ProjectStore store, Transitions transitions, ApplicationEventPublisher events, AuditLog audit, Clock clock,
            Bundles bundles) {
        this.bundles = bundles;
        this.store = store;
        this.transitions = transitions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record Report(int number, String kind, java.time.Instant dueAt, java.time.@Nullable Instant submittedAt,
            @Nullable String summary, @Nullable BigDecimal spent, @Nullable Integer beneficiaries, boolean overdue) {
    }

    public record Instalment(int number, BigDecimal amount, java.time.LocalDate dueOn, boolean last, String status,
            @Nullable String heldReason) {
    }

    public List<Report> reports(UUID id) {
        java.time.Instant now = clock.instant();
        return store.jdbc().sql("select number, kind, due_at, submitted_at, summary, spent, beneficiaries from projects.reports "
                        + "where application_id = :a order by number").param("a", id)
                .query((rs, n) -> {
                    java.time.Instant due = rs.getTimestamp(3).toInstant();
                    java.time.Instant sub = ProjectStore.instant(rs.getTimestamp(4));
                    return new Report(rs.getInt(1), rs.getString(2), due, sub, rs.getString(5), rs.getBigDecimal(6),
                            (Integer) rs.getObject(7), sub == null && due.isBefore(now));
                }).list();
    }

    public List<Instalment> instalments(UUID id) {
        return store.jdbc().sql("select number, amount, due_on, final, status, held_reason from projects.instalments "
                        + "where application_id = :a order by number").param("a", id)
                .query((rs, n) -> new Instalment(rs.getInt(1), rs.getBigDecimal(2), rs.getDate(3).toLocalDate(),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6))).list();
    }

    /** The organization submits a report (进度或结项报告): what was done, money spent, people reached. */
    @Transactional
    public void submitReport(Actor actor, UUID id, int number, @Nullable String summary, @Nullable BigDecimal spent,
            @Nullable Integer beneficiaries) {
        Application a = store.application(id, ProjectScope.own(actor), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        if (a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.report.not-running"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (Text.trimToNull(summary) == null) {
            errors.put("summary", Messages.text("projects.report.summary"));
        }
        if (spent == null || spent.signum() < 0 || a.awarded() != null && spent.compareTo(a.awarded()) > 0) {
            errors.put("spent", Messages.text("projects.report.spent"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int rows = store.jdbc().sql("update projects.reports set submitted_at = :at, summary = :s, spent = :spent, "
                        + "beneficiaries = :b where application_id = :a and number = :n and submitted_at is null")
                .param("at", ProjectStore.ts(clock.instant())).param("s", Text.trimToNull(summary)).param("spent", spent)
                .param("b", beneficiaries).param("a", id).param("n", number).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.report.submitted"));
        }
        audit.record(AuditEvent.success("PROJECT_REPORT", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(String.valueOf(number)));
    }

    /**
     * Pays an instalment (拨付). Refused while a report is overdue (the instalment is held) and, for
     * the last one, until the project passed acceptance.
     */
    @Transactional
    public void pay(Actor actor, UUID id, int number) {
        Application a = managed(actor, id);
        Instalment i = instalments(id).stream().filter(x -> x.number() == number).findFirst()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.instalment.subject")));
        if (i.status().equals("PAID")) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.instalment.paid"));
        }
        if (i.last() && a.status() != ApplicationStatus.ACCEPTED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.instalment.last-needs-pass"));
        }
        if (!i.last() && a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.report.not-running"));
        }
        if (reports(id).stream().anyMatch(Report::overdue)) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.instalment.held"));
        }
        store.jdbc().sql("update projects.instalments set status = 'PAID', paid_at = :at, held_reason = null "
                        + "where application_id = :a and number = :n")
                .param("at", ProjectStore.ts(clock.instant())).param("a", id).param("n", number).update();
        audit.record(AuditEvent.success("INSTALMENT_PAY", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(number + ":" + i.amount().toPlainString()));
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Confirming.INSTALMENT_DUE);
    }

    /** An instalment fell due: held when a report is overdue, else {@link InstalmentDue}. Idempotent. */
    @Override
    public void onDue(DeadlineDue due) {
        if (!due.is(Confirming.INSTALMENT_DUE)) {
            return;
        }
        String[] parts = due.deadline().objectId().split(":");
        UUID id = UUID.fromString(parts[0]);
        int number = Integer.parseInt(parts[1]);
        Application a = store.application(id, ScopeFilter.unscoped("a deadline of this project fired"), false).orElse(null);
        if (a == null || a.status() != ApplicationStatus.CONFIRMED) {
            return;
        }
        Instalment i = instalments(id).stream().filter(x -> x.number() == number).findFirst().orElse(null);
        if (i == null || !i.status().equals("PENDING")) {
            return;
        }
        if (reports(id).stream().anyMatch(Report::overdue)) {
            store.jdbc().sql("update projects.instalments set status = 'HELD', held_reason = :r where application_id = :a "
                            + "and number = :n and status = 'PENDING'")
                    .param("r", Messages.text("projects.instalment.held")).param("a", id).param("n", number).update();
            audit.record(AuditEvent.success("INSTALMENT_HOLD", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                    .withDetail(String.valueOf(number)).byActor("system"));
        } else {
            events.publishEvent(new InstalmentDue(id, number, i.amount(), a.countyCode()));
        }
    }

    /** Assigns the third-party evaluator (第三方评估机构) by their account id. */
    @Transactional
    public void assignEvaluator(Actor actor, UUID id, UUID evaluator) {
        Application a = managed(actor, id);
        store.jdbc().sql("update projects.applications set evaluator_id = :e, version = version + 1 where id = :a")
                .param("e", evaluator).param("a", id).update();
        audit.record(AuditEvent.success("EVALUATOR_ASSIGN", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(evaluator.toString()));
    }

    /** The assigned evaluator's grade (优秀/良好/合格/不合格) and the beneficiaries' satisfaction, after the final report. */
    @Transactional
    public void evaluate(Actor actor, UUID id, @Nullable String evaluation, @Nullable Integer satisfaction) {
        ScopeFilter.SqlPredicate assigned = new ScopeFilter.SqlPredicate("a.evaluator_id = :evaluator",
                Map.of("evaluator", actor.id())).and(ScopeFilter.predicate(actor, Permission.PROJECT_EVALUATE,
                "a.county_code", "a.region_code"));
        Application a = store.application(id, assigned, true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        if (a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.report.not-running"));
        }
        if (!List.of("EXCELLENT", "GOOD", "PASS", "FAIL").contains(String.valueOf(evaluation))) {
            throw DomainException.invalid("evaluation", Messages.text("projects.acceptance.evaluation"));
        }
        if (satisfaction == null || satisfaction < 0 || satisfaction > 100) {
            throw DomainException.invalid("satisfaction", Messages.text("projects.acceptance.satisfaction"));
        }
        requireFinalReport(id);
        store.jdbc().sql("update projects.applications set evaluation = :e, satisfaction = :s, version = version + 1 "
                + "where id = :a").param("e", evaluation).param("s", satisfaction).param("a", id).update();
        audit.record(AuditEvent.success("PROJECT_EVALUATE", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(evaluation));
    }

    /** The financial audit (财务审计): auditor, conclusion and amount questioned. */
    @Transactional
    public void recordAudit(Actor actor, UUID id, @Nullable String auditor, @Nullable String conclusion,
            @Nullable BigDecimal questioned) {
        Application a = managed(actor, id);
        if (Text.trimToNull(auditor) == null || Text.trimToNull(conclusion) == null || questioned == null
                || questioned.signum() < 0) {
            throw DomainException.invalid("auditor", Messages.text("projects.acceptance.audit-fields"));
        }
        Application.AuditRecord record = new Application.AuditRecord(auditor.strip(), conclusion.strip(), questioned);
        store.jdbc().sql("update projects.applications set audit_record = cast(:r as jsonb), version = version + 1 where id = :a")
                .param("r", ProjectStore.json(record)).param("a", id).update();
        audit.record(AuditEvent.success("PROJECT_FINANCIAL_AUDIT", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(questioned.toPlainString()));
    }

    /** 结项验收: passes (ACCEPTED) unless the evaluation is 不合格 (FAILED); needs the final report, audit and evaluation. */
    @Transactional
    public Application accept(Actor actor, UUID id) {
        Application a = managed(actor, id);
        requireFinalReport(id);
        if (a.auditRecord() == null) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.acceptance.no-audit"));
        }
        if (a.evaluation() == null) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.acceptance.no-evaluation"));
        }
        bundles.requireSitesAccepted(id);
        boolean passed = !a.evaluation().equals("FAIL");
        boolean library = passed && (a.evaluation().equals("EXCELLENT") || a.evaluation().equals("GOOD"));
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(RoundManagement.CHINA));
        Map<String, @Nullable Object> columns = new java.util.HashMap<>();
        columns.put("in_library", library);
        columns.put("library_since", library ? today : null);
        columns.put("library_checked_on", library ? today : null);
        transitions.move(a, passed ? ApplicationStatus.ACCEPTED : ApplicationStatus.FAILED, columns, null);
        events.publishEvent(new ProjectAccepted(id, a.ownerUnitId(), a.countyCode(), a.evaluation(), passed));
        return managed(actor, id);
    }

    private void requireFinalReport(UUID id) {
        if (reports(id).stream().noneMatch(r -> r.kind().equals("FINAL") && r.submittedAt() != null)) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.acceptance.no-final-report"));
        }
    }

    private Application managed(Actor actor, UUID id) {
        return store.application(id, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
    }
}
