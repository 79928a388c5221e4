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
import cn.wushe.platform.Text;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running a round (ROUND_MANAGE over its county): open it with budget, standards, criteria and
 * eligibility; close the application window, which checks every submission and assigns experts;
 * decide after scoring (ranking and cut-line); the committee's decision is then confirmed one
 * application at a time ({@link Confirming}).
 */
@Service
public class RoundManagement {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String OBJECT_TYPE = "ROUND";

    private final ProjectStore store;
    private final Transitions transitions;
    private final ExpertAssignment assignment;
    private final Organizations organizations;
    private final Objections objections;
    private final AuditLog audit;
    private final Clock clock;

    RoundManagement(ProjectStore store, Transitions transitions, ExpertAssignment assignment, Organizations organizations,
            Objections objections, AuditLog audit, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.assignment = assignment;
        this.organizations = organizations;
        this.objections = objections;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new round as typed; the window is given as dates (China time), closing at the end of {@code closesOn}. */
    public record NewRound(@Nullable String kind, @Nullable String title, @Nullable String funder,
            @Nullable BigDecimal budget, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn,
            @Nullable LocalDate scoringDeadline, @Nullable Integer expertsPerApplication, @Nullable Boolean blind,
            @Nullable Integer minGrade, @Nullable List<String> eligibleKinds, @Nullable List<Round.Criterion> criteria,
            @Nullable List<Round.Standard> standards, @Nullable List<Integer> instalments, @Nullable Integer projectMonths,
            @Nullable String regionCode) {
    }

    @Transactional
    public Round open(Actor actor, NewRound r) {
        Map<String, String> errors = new LinkedHashMap<>();
        Round.Kind kind = null;
        try {
            kind = Round.Kind.valueOf(String.valueOf(r.kind()));
        } catch (IllegalArgumentException e) {
            errors.put("kind", Messages.text("projects.round.choose-kind"));
        }
        String title = Text.trimToNull(r.title());
        if (title == null || title.length() < 4 || title.length() > 80) {
            errors.put("title", Messages.text("projects.round.title"));
        }
        String funder = Text.trimToNull(r.funder());
        if (funder == null || funder.length() < 2) {
            errors.put("funder", Messages.text("projects.round.funder"));
        }
        if (r.budget() == null || r.budget().signum() <= 0) {
            errors.put("budget", Messages.text("projects.round.budget"));
        }
        if (r.opensOn() == null || r.closesOn() == null || r.scoringDeadline() == null
                || !r.closesOn().isAfter(r.opensOn().minusDays(1)) || !r.scoringDeadline().isAfter(r.closesOn())) {
            errors.put("closesOn", Messages.text("projects.round.window"));
        }
        List<Round.Criterion> criteria = r.criteria() == null ? List.of() : r.criteria();
        if (criteria.isEmpty() || criteria.stream().mapToInt(Round.Criterion::max).sum() != 100
                || criteria.stream().anyMatch(c -> c.max() <= 0 || Text.trimToNull(c.name()) == null)) {
            errors.put("criteria", Messages.text("projects.round.criteria"));
        }
        List<Round.Standard> standards = r.standards() == null ? List.of() : r.standards();
        if (standards.isEmpty() || standards.stream().anyMatch(s -> s.ceiling() == null || s.ceiling().signum() <= 0)) {
            errors.put("standards", Messages.text("projects.round.standards"));
        }
        List<Integer> instalments = r.instalments() == null || r.instalments().isEmpty() ? List.of(50, 30, 20) : r.instalments();
        if (instalments.stream().mapToInt(Integer::intValue).sum() != 100 || instalments.stream().anyMatch(i -> i <= 0)) {
            errors.put("instalments", Messages.text("projects.round.instalments"));
        }
        int experts = r.expertsPerApplication() == null ? 5 : r.expertsPerApplication();
        if (experts < 1 || experts > 9) {
            errors.put("expertsPerApplication", Messages.text("projects.round.experts"));
        }
        String region = Text.trimToNull(r.regionCode());
        if (region == null || !region.matches("[0-9]{6}")) {
            errors.put("regionCode", Messages.text("projects.round.region"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!actor.can(Permission.ROUND_MANAGE, region)) {
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("projects.round.region-out-of-scope")));
        }
        List<String> kinds = r.eligibleKinds() == null || r.eligibleKinds().isEmpty()
                ? java.util.Arrays.stream(cn.wushe.organizations.OrganizationKind.values()).map(Enum::name).toList()
                : r.eligibleKinds();
        Instant opens = r.opensOn().atStartOfDay(CHINA).toInstant();
        Instant closes = r.closesOn().plusDays(1).atStartOfDay(CHINA).toInstant();
        Instant deadline = r.scoringDeadline().plusDays(1).atStartOfDay(CHINA).toInstant();
        Round round = new Round(UUID.randomUUID(), region, region, kind, title, funder, r.budget(), r.budget(), opens,
                closes, deadline, 5, experts, r.blind() == null || r.blind(), r.minGrade() == null ? 0 : r.minGrade(),
                kinds, criteria, standards, instalments, r.projectMonths() == null ? 12 : r.projectMonths(),
                Round.Status.OPEN, 0);
        store.insertRound(round, clock.instant());
        audit.record(AuditEvent.success("ROUND_OPEN", OBJECT_TYPE, round.id().toString(), region)
                .withDetail(kind + " " + r.budget().toPlainString()));
        return round;
    }

    public Round managed(Actor actor, UUID id) {
        return store.round(id, ProjectScope.manage(actor, "r"))
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.round.subject")));
    }

    /**
     * Closes the application window: every submitted application is checked (organization active,
     * not on the abnormal list, of an eligible kind and grade) and eligible ones get their experts;
     * those still being corrected whose window has passed are refused. Audited per transition.
     */
    @Transactional
    public Round closeApplications(Actor actor, UUID roundId) {
        Round round = managed(actor, roundId);
        if (round.status() != Round.Status.OPEN) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.round.not-open"));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        for (Application a : store.applicationsOfRound(roundId)) {
            if (a.status() == ApplicationStatus.NEEDS_CORRECTION && a.correctionUntil() != null
                    && a.correctionUntil().isAfter(now)) {
                throw new DomainException(ProblemType.APPLICATION_STATUS,
                        Messages.text("projects.round.correction-pending", a.title()));
            }
            if (a.status() == ApplicationStatus.NEEDS_CORRECTION) {
                transitions.move(a, ApplicationStatus.INELIGIBLE, Map.of(), Messages.text("projects.eligibility.not-corrected"));
            } else if (a.status() == ApplicationStatus.SUBMITTED) {
                String refusal = ineligibility(round, a, today);
                if (refusal != null) {
                    transitions.move(a, ApplicationStatus.INELIGIBLE, Map.of(), refusal);
                } else {
                    transitions.move(a, ApplicationStatus.ELIGIBLE, Map.of(), null);
                    assignment.assign(round, a);
                }
            }
        }
        store.roundStatus(roundId, Round.Status.OPEN, Round.Status.SCORING);
        audit.record(AuditEvent.success("ROUND_CLOSE", OBJECT_TYPE, roundId.toString(), round.regionCode()));
        return managed(actor, roundId);
    }

    /** Why the organization may not be funded in this round, or {@code null}. */
    @Nullable String ineligibility(Round round, Application a, LocalDate today) {
        OrganizationSummary org = organizations.find(new UnitId(a.ownerUnitId())).orElse(null);
        if (org == null || !org.active()) {
            return Messages.text("projects.eligibility.inactive");
        }
        if (org.abnormal()) {
            return Messages.text("projects.eligibility.abnormal");
        }
        if (!round.eligibleKinds().contains(org.kind().name())) {
            return Messages.text("projects.eligibility.kind", org.kind().label());
        }
        if (org.gradeOn(today) < round.minGrade()) {
            return Messages.text("projects.eligibility.grade", round.minGrade());
        }
        return null;
    }

    /**
     * The committee's decision (评审委员会): after the scoring deadline, or once every expert has
     * scored, each eligible application gets its trimmed mean; ranked, funded down to the cut-line
     * of the remaining budget: RECOMMENDED above it, NOT_RECOMMENDED below. Then 公示 ({@link Objections}).
     */
    @Transactional
    public List<ScoreAggregation.Ranked> decide(Actor actor, UUID roundId) {
        Round round = managed(actor, roundId);
        if (round.status() != Round.Status.SCORING) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.round.not-scoring"));
        }
        int open = store.jdbc().sql("""
                select count(*) from projects.assignments s join projects.applications a on a.id = s.application_id
                where a.round_id = :r and s.status in ('ASSIGNED', 'CLEAR')
                """).param("r", roundId).query(Integer.class).single();
        if (open > 0 && clock.instant().isBefore(round.scoringDeadline())) {
            throw new DomainException(ProblemType.WINDOW_CLOSED, Messages.text("projects.round.scoring-open", open));
        }
        List<ScoreAggregation.Candidate> candidates = new ArrayList<>();
        Map<UUID, Application> byId = new LinkedHashMap<>();
        for (Application a : store.applicationsOfRound(roundId)) {
            if (a.status() != ApplicationStatus.ELIGIBLE) {
                continue;
            }
            byId.put(a.id(), a);
            List<Map.Entry<UUID, BigDecimal>> totals = store.jdbc().sql(
                            "select expert_id, total from projects.assignments where application_id = :a and status = 'SUBMITTED' "
                                    + "order by expert_id")
                    .param("a", a.id()).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list();
            if (totals.isEmpty()) {
                continue;
            }
            ScoreAggregation.Result result = ScoreAggregation.aggregate(totals.stream().map(Map.Entry::getValue).toList());
            for (int i = 0; i < totals.size(); i++) {
                store.jdbc().sql("update projects.assignments set outlier = :o where application_id = :a and expert_id = :e")
                        .param("o", result.outliers().get(i)).param("a", a.id()).param("e", totals.get(i).getKey()).update();
            }
            int outliers = (int) result.outliers().stream().filter(Boolean::booleanValue).count();
            store.jdbc().sql("update projects.applications set mean_score = :m, outlier_experts = :o where id = :a")
                    .param("m", result.mean()).param("o", outliers).param("a", a.id()).update();
            candidates.add(new ScoreAggregation.Candidate(a.id(), result.mean(), a.requested()));
        }
        List<ScoreAggregation.Ranked> ranked = ScoreAggregation.rank(candidates, round.budgetRemaining());
        for (ScoreAggregation.Ranked r : ranked) {
            Application a = byId.get(r.id());
            transitions.move(a, r.funded() ? ApplicationStatus.RECOMMENDED : ApplicationStatus.NOT_RECOMMENDED,
                    Map.of("rank", r.rank()), null);
        }
        store.roundStatus(roundId, Round.Status.SCORING, Round.Status.DECIDED);
        objections.startPublicity(roundId);
        audit.record(AuditEvent.success("ROUND_DECIDE", OBJECT_TYPE, roundId.toString(), round.regionCode())
                .withDetail(ranked.stream().filter(ScoreAggregation.Ranked::funded).count() + "/" + ranked.size()));
        return ranked;
    }
}
