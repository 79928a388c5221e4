package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.scheduling.Deadlines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk tiers (风险分级): an assessment suggests a tier ({@link TierSuggestion}); choosing another
 * needs a reason; a change to or from red by someone without CARE_TIER_APPROVE waits for approval
 * (待审批) by someone with it. Every assessment is kept as history. Applying a tier sets the next
 * visit ({@link VisitCycle}) and moves its deadline in the same transaction.
 */
@Service
public class TierAssessment {

    private static final String COLUMNS = "id, person_id, county_code, region_code, from_tier, to_tier, suggested_tier, "
            + "factors, reason, status, requested_by, requested_at, decided_by, decided_at, decision_note";

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final CareSettingsStore settings;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;

    TierAssessment(JdbcClient jdbc, Subjects subjects, CareSettingsStore settings, Deadlines deadlines, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.settings = settings;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TierChange assess(Actor actor, UUID personId, Collection<RiskFactor> factors, @Nullable Tier chosen,
            @Nullable String reason) {
        Subject subject = subjects.visible(actor, personId, true).orElseThrow(() -> notFound(personId));
        if (!actor.can(Permission.CARE_MANAGE, subject.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.tier.action-assess"));
        }
        requireActive(subject);
        Tier suggested = TierSuggestion.suggest(factors);
        Tier target = chosen == null ? suggested : chosen;
        String why = Text.trimToNull(reason);
        if (target != suggested && why == null) {
            throw DomainException.invalid("reason", Messages.text("care.tier.reason-required", suggested.label()));
        }
        if (why != null && why.length() > 200) {
            throw DomainException.invalid("reason", Messages.text("care.text.too-long", 200));
        }
        boolean red = target == Tier.RED || subject.tier() == Tier.RED;
        boolean approved = !red || actor.can(Permission.CARE_TIER_APPROVE, subject.regionCode());
        if (!approved && pending(personId).isPresent()) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "tier", Messages.text("care.tier.pending-exists"));
        }
        Instant now = clock.instant();
        TierChange change = new TierChange(UUID.randomUUID(), personId, subject.countyCode(), subject.regionCode(),
                subject.tier(), target, suggested, factors.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(factors)), why,
                approved ? TierChange.Status.APPLIED : TierChange.Status.PENDING, actor.id(), now, null, null, null);
        insert(change);
        if (approved) {
            apply(subject, target, now);
        }
        audit.record(AuditEvent.success(approved ? "CARE_TIER_SET" : "CARE_TIER_REQUEST", "CARE_SUBJECT",
                personId.toString(), subject.regionCode()).withReason(why)
                .withDetail((subject.tier() == null ? "-" : subject.tier().name()) + " → " + target.name()));
        return change;
    }

    /** Approves or rejects a pending change (审批); a rejection states why. */
    @Transactional
    public TierChange decide(Actor actor, UUID changeId, boolean approve, @Nullable String note) {
        TierChange change = load(changeId).orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.tier-change")));
        Subject subject = subjects.visible(actor, change.personId(), true).orElseThrow(() -> notFound(change.personId()));
        if (!actor.can(Permission.CARE_TIER_APPROVE, subject.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.tier.action-approve"));
        }
        if (change.status() != TierChange.Status.PENDING) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "decision", Messages.text("care.tier.decided"));
        }
        String why = Text.trimToNull(note);
        if (!approve && why == null) {
            throw DomainException.invalid("note", Messages.text("care.tier.rejection-reason"));
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update care.tier_changes set status = :status, decided_by = :by, decided_at = :now, decision_note = :note
                where county_code = :county and id = :id and status = 'PENDING'""")
                .param("status", approve ? "APPLIED" : "REJECTED").param("by", actor.id()).param("now", Timestamp.from(now))
                .param("note", why).param("county", change.countyCode()).param("id", changeId).update();
        if (approve) {
            requireActive(subject);
            apply(subject, change.to(), now);
        }
        audit.record(AuditEvent.success(approve ? "CARE_TIER_APPROVE" : "CARE_TIER_REJECT", "CARE_SUBJECT",
                change.personId().toString(), subject.regionCode()).withReason(why).withDetail(change.to().name()));
        return load(changeId).orElseThrow();
    }

    private void apply(Subject subject, Tier tier, Instant now) {
        Instant due = VisitCycle.nextDue(tier, settings.of(subject.countyCode()), subject.lastVisitAt(), now, now);
        subjects.tierSet(subject.personId(), tier, now, due);
        deadlines.schedule(CareDeadlines.visitDue(subject.personId()), due);
    }

    public List<TierChange> history(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from care.tier_changes where person_id = :person order by requested_at desc")
                .param("person", personId).query(TierAssessment::row).list();
    }

    public Optional<TierChange> pending(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from care.tier_changes where person_id = :person and status = 'PENDING'")
                .param("person", personId).query(TierAssessment::row).optional();
    }

    /** Pending changes the actor may decide, oldest first. */
    public List<TierChange> awaiting(Actor actor) {
        var scope = cn.wushe.platform.ScopeFilter.predicate(actor, Permission.CARE_TIER_APPROVE, "t.county_code", "t.region_code");
        return jdbc.sql("select " + COLUMNS.replaceAll("(^|, )", "$1t.") + " from care.tier_changes t where t.status = 'PENDING' and "
                        + scope.sql() + " order by t.requested_at limit 100")
                .params(scope.params()).query(TierAssessment::row).list();
    }

    private Optional<TierChange> load(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from care.tier_changes where id = :id").param("id", id)
                .query(TierAssessment::row).optional();
    }

    private void insert(TierChange c) {
        jdbc.sql("""
                insert into care.tier_changes (county_code, id, person_id, region_code, from_tier, to_tier, suggested_tier,
                    factors, reason, status, requested_by, requested_at)
                values (:county, :id, :person, :region, :from, :to, :suggested, cast(:factors as text[]), :reason, :status, :by, :at)""")
                .param("county", c.countyCode()).param("id", c.id()).param("person", c.personId())
                .param("region", c.regionCode()).param("from", c.from() == null ? null : c.from().name())
                .param("to", c.to().name()).param("suggested", c.suggested().name())
                .param("factors", c.factors().stream().map(Enum::name).toArray(String[]::new)).param("reason", c.reason())
                .param("status", c.status().name()).param("by", c.requestedBy()).param("at", Timestamp.from(c.requestedAt()))
                .update();
    }

    static void requireActive(Subject subject) {
        if (!subject.active()) {
            throw new DomainException(ProblemType.PERSON_CLOSED, Messages.text("care.subject.inactive"));
        }
    }

    static DomainException notFound(UUID personId) {
        return DomainException.notFound(Messages.text("care.subject.person", personId));
    }

    private static TierChange row(ResultSet rs, int n) throws SQLException {
        return new TierChange(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("county_code"), rs.getString("region_code"), Tier.fromCode(rs.getString("from_tier")).orElse(null),
                Tier.valueOf(rs.getString("to_tier")), Tier.valueOf(rs.getString("suggested_tier")),
                Arrays.stream((String[]) rs.getArray("factors").getArray()).map(RiskFactor::valueOf).toList(),
                rs.getString("reason"), TierChange.Status.valueOf(rs.getString("status")),
                rs.getObject("requested_by", UUID.class), rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("decided_by", UUID.class), Subjects.instant(rs, "decided_at"), rs.getString("decision_note"));
    }
}
