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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * An expert's side of scoring (评审). Only an assignment opens an application to its expert, and
 * only while the round is scoring and before its deadline (else 404). Before anything is shown the
 * expert declares conflicts (回避申报); a declared conflict draws a substitute, a "no conflict"
 * contradicted by the pool's record (employer now or within two years) is refused. Scores are per
 * criterion within its points, once, before the deadline. Blind rounds show the copy without the
 * applicant, with a warning when the text names it anyway.
 */
@Service
public class Reviewing {

    private final ProjectStore store;
    private final ExpertAssignment assignment;
    private final AuditLog audit;
    private final Clock clock;

    Reviewing(ProjectStore store, ExpertAssignment assignment, AuditLog audit, Clock clock) {
        this.store = store;
        this.assignment = assignment;
        this.audit = audit;
        this.clock = clock;
    }

    /** One assignment as its expert sees it in the list. */
    public record Assigned(UUID applicationId, String roundTitle, String title, String status, Instant deadline) {
    }

    /** What the expert reads: the locked version (blind or full), the criteria and their own state. */
    public record ReviewView(UUID applicationId, String roundTitle, boolean blind, boolean namesApplicant,
            Map<String, Object> content, List<Round.Criterion> criteria, String status, Instant deadline,
            @Nullable List<BigDecimal> myScores) {
    }

    public List<Assigned> assignments(Actor actor) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.APPLICATION_SCORE, "a.county_code", "a.region_code");
        return store.jdbc().sql("select s.application_id, r.title as round_title, a.title, s.status, r.scoring_deadline "
                        + "from projects.assignments s join projects.applications a on a.id = s.application_id "
                        + "join projects.rounds r on r.id = a.round_id where s.expert_id = :me and r.status = 'SCORING' "
                        + "and s.status <> 'CONFLICT' and r.scoring_deadline > :now and " + scope.sql()
                        + " order by r.scoring_deadline, a.id")
                .params(scope.params()).param("me", actor.id()).param("now", ProjectStore.ts(clock.instant()))
                .query((rs, n) -> new Assigned(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    private record Ctx(Application application, Round round, String status) {
    }

    /** The expert's live assignment in an open window, locked; else 404. */
    private Ctx assigned(Actor actor, UUID applicationId, boolean forUpdate) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.APPLICATION_SCORE, "a.county_code", "a.region_code");
        String status = store.jdbc().sql("select s.status from projects.assignments s join projects.applications a "
                        + "on a.id = s.application_id where s.application_id = :a and s.expert_id = :me and s.status <> 'CONFLICT' and "
                        + scope.sql() + (forUpdate ? " for update of s" : ""))
                .params(scope.params()).param("a", applicationId).param("me", actor.id()).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        Application a = store.application(applicationId, ScopeFilter.unscoped("the expert's assignment was checked above"),
                false).orElseThrow();
        Round round = store.round(a.roundId(), ScopeFilter.unscoped("the round of an assigned application")).orElseThrow();
        if (round.status() != Round.Status.SCORING || !clock.instant().isBefore(round.scoringDeadline())) {
            throw DomainException.notFound(Messages.text("projects.application.subject"));
        }
        return new Ctx(a, round, status);
    }

    public ReviewView view(Actor actor, UUID applicationId) {
        Ctx c = assigned(actor, applicationId, false);
        Map<String, Object> content = Map.of();
        boolean names = false;
        if (!c.status().equals("ASSIGNED")) {
            var row = store.jdbc().sql("select snapshot, blind_snapshot, names_applicant from projects.application_versions "
                            + "where application_id = :a order by number desc limit 1")
                    .param("a", applicationId).query((rs, n) -> Map.entry(rs.getString(c.round().blind() ? 2 : 1),
                            rs.getBoolean(3))).single();
            content = ProjectStore.JSON.readValue(row.getKey(), new TypeReference<Map<String, Object>>() { });
            names = c.round().blind() && row.getValue();
            audit.record(AuditEvent.success("APPLICATION_REVIEW_READ", Transitions.OBJECT_TYPE, applicationId.toString(),
                    c.application().regionCode()));
        }
        List<BigDecimal> mine = c.status().equals("SUBMITTED") ? store.jdbc().sql(
                        "select points from projects.scores where application_id = :a and expert_id = :me order by criterion")
                .param("a", applicationId).param("me", actor.id()).query(BigDecimal.class).list() : null;
        return new ReviewView(applicationId, c.round().title(), c.round().blind(), names, content, c.round().criteria(),
                c.status(), c.round().scoringDeadline(), mine);
    }

    /** 回避申报: must come before the application opens; a conflict hands the assignment to a substitute. */
    @Transactional
    public void declare(Actor actor, UUID applicationId, boolean conflict, @Nullable String reason) {
        Ctx c = assigned(actor, applicationId, true);
        if (!c.status().equals("ASSIGNED")) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.review.declared"));
        }
        if (!conflict && detectedConflict(actor.id(), c.application().ownerUnitId())) {
            throw new DomainException(ProblemType.CONFLICT_UNDECLARED, Messages.text("projects.review.conflict-detected"));
        }
        String why = Text.trimToNull(reason);
        if (conflict && why == null) {
            throw DomainException.invalid("reason", Messages.text("projects.review.reason-required"));
        }
        store.jdbc().sql("update projects.assignments set status = :s, conflict_reason = :r, declared_at = :at "
                        + "where application_id = :a and expert_id = :me")
                .param("s", conflict ? "CONFLICT" : "CLEAR").param("r", why).param("at", ProjectStore.ts(clock.instant()))
                .param("a", applicationId).param("me", actor.id()).update();
        audit.record(AuditEvent.success(conflict ? "EXPERT_CONFLICT" : "EXPERT_DECLARE_CLEAR", Transitions.OBJECT_TYPE,
                applicationId.toString(), c.application().regionCode()).withReason(why));
        if (conflict) {
            assignment.substitute(c.application().countyCode(), c.application());
        }
    }

    private boolean detectedConflict(UUID expert, UUID owner) {
        LocalDate since = LocalDate.ofInstant(clock.instant(), RoundManagement.CHINA).minusYears(2);
        return store.jdbc().sql("select exists (select 1 from projects.experts where user_id = :e and "
                        + "(employer_unit_id = :o or (former_unit_id = :o and former_until >= :since)))")
                .param("e", expert).param("o", owner).param("since", java.sql.Date.valueOf(since)).query(Boolean.class).single();
    }

    /** Scores per criterion, each within its points; stored once with their total. */
    @Transactional
    public BigDecimal score(Actor actor, UUID applicationId, List<@Nullable BigDecimal> points) {
        Ctx c;
        try {
            c = assigned(actor, applicationId, true);
        } catch (DomainException e) {
            if (isLate(actor, applicationId)) {
                throw new DomainException(ProblemType.WINDOW_CLOSED, Messages.text("projects.review.late"));
            }
            throw e;
        }
        if (c.status().equals("ASSIGNED")) {
            throw new DomainException(ProblemType.CONFLICT_UNDECLARED, Messages.text("projects.review.declare-first"));
        }
        if (c.status().equals("SUBMITTED")) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.review.submitted"));
        }
        List<Round.Criterion> criteria = c.round().criteria();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (points.size() != criteria.size()) {
            errors.put("points", Messages.text("projects.review.count", criteria.size()));
        }
        for (int i = 0; i < Math.min(points.size(), criteria.size()); i++) {
            BigDecimal p = points.get(i);
            if (p == null || p.signum() < 0 || p.compareTo(BigDecimal.valueOf(criteria.get(i).max())) > 0) {
                errors.put("points" + i, Messages.text("projects.review.range", criteria.get(i).name(), criteria.get(i).max()));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < criteria.size(); i++) {
            BigDecimal p = java.util.Objects.requireNonNull(points.get(i));
            total = total.add(p);
            store.jdbc().sql("insert into projects.scores (application_id, expert_id, criterion, county_code, points) "
                            + "values (:a, :e, :c, :county, :p)")
                    .param("a", applicationId).param("e", actor.id()).param("c", i).param("county", c.application().countyCode())
                    .param("p", p).update();
        }
        store.jdbc().sql("update projects.assignments set status = 'SUBMITTED', submitted_at = :at, total = :t "
                        + "where application_id = :a and expert_id = :me")
                .param("at", ProjectStore.ts(clock.instant())).param("t", total).param("a", applicationId)
                .param("me", actor.id()).update();
        audit.record(AuditEvent.success("APPLICATION_SCORE", Transitions.OBJECT_TYPE, applicationId.toString(),
                c.application().regionCode()).withDetail(total.toPlainString()));
        return total;
    }

    /** An assignment of the actor exists but the window has passed. */
    private boolean isLate(Actor actor, UUID applicationId) {
        return store.jdbc().sql("select exists (select 1 from projects.assignments s join projects.applications a on a.id = "
                        + "s.application_id join projects.rounds r on r.id = a.round_id where s.application_id = :a and "
                        + "s.expert_id = :me and s.status <> 'CONFLICT' and r.scoring_deadline <= :now)")
                .param("a", applicationId).param("me", actor.id()).param("now", ProjectStore.ts(clock.instant()))
                .query(Boolean.class).single();
    }
}
