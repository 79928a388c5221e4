package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.organizations.OrganizationSummary;
import cn.wushe.organizations.Organizations;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's application (申报): started once per round, saved as a draft as often as the
 * page autosaves, submitted as a numbered locked version (提交即锁定) when every rule holds — in the
 * window, budget lines adding up to the request, the request within the field's standard. A
 * manager may ask for a correction (补正) within the round's correction window.
 */
@Service
public class Applying {

    private final ProjectStore store;
    private final Transitions transitions;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    Applying(ProjectStore store, Transitions transitions, Organizations organizations, AuditLog audit, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The editable content of an application. */
    public record Draft(@Nullable String title, @Nullable String field, @Nullable String need, @Nullable String needRefs,
            @Nullable String goals, @Nullable String targetGroup, @Nullable Integer beneficiaries,
            @Nullable List<Application.BudgetLine> budgetLines, @Nullable BigDecimal requested,
            @Nullable List<Application.Indicator> indicators, @Nullable List<Application.TeamMember> team) {
    }

    /** Starts the actor's organization's application to the round (one per organization and round). */
    @Transactional
    public Application start(Actor actor, UUID roundId) {
        Round round = store.round(roundId, ProjectScope.rounds(actor))
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.round.subject")));
        OrganizationSummary org = actor.unitIds().stream().map(u -> organizations.find(new UnitId(u)))
                .flatMap(java.util.Optional::stream).filter(o -> o.countyCode().equals(round.countyCode())).findFirst()
                .orElseThrow(() -> DomainException.forbidden(Messages.text("projects.application.only-organizations")));
        UUID id = open(org, round, org.regionCode(), null);
        return own(actor, id, false);
    }

    /**
     * Opens a draft of {@code org} in {@code round} for {@code regionCode} (the organization's own, or
     * the community that ordered it from the library) after the round's eligibility rules.
     */
    UUID open(OrganizationSummary org, Round round, String regionCode, @Nullable String reason) {
        if (!round.acceptsApplications(clock.instant())) {
            throw new DomainException(ProblemType.WINDOW_CLOSED, Messages.text("projects.application.window-closed"));
        }
        if (!org.active() || org.abnormal()) {
            throw DomainException.forbidden(Messages.text("projects.eligibility.abnormal"));
        }
        Instant twoYearsAgo = clock.instant().minus(730, ChronoUnit.DAYS);
        boolean banned = store.jdbc().sql("""
                select exists (select 1 from projects.applications where owner_unit_id = :o and county_code = :c
                    and status in ('FAILED', 'TERMINATED') and updated_at >= :since)
                """).param("o", org.id().value()).param("c", org.countyCode()).param("since", ProjectStore.ts(twoYearsAgo))
                .query(Boolean.class).single();
        if (banned) {
            throw DomainException.forbidden(Messages.text("projects.application.banned"));
        }
        UUID id = UUID.randomUUID();
        String field = round.standards().getFirst().field();
        try {
            store.jdbc().sql("""
                    insert into projects.applications (county_code, id, round_id, owner_unit_id, owner_name, region_code,
                        title, field, status, version, created_at, updated_at)
                    values (:county, :id, :round, :owner, :name, :region, :title, :field, 'DRAFT', 0, :at, :at)
                    """).param("county", org.countyCode()).param("id", id).param("round", round.id())
                    .param("owner", org.id().value()).param("name", org.name()).param("region", regionCode)
                    .param("title", Messages.text("projects.application.untitled")).param("field", field)
                    .param("at", ProjectStore.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(ProblemType.APPLICATION_EXISTS, Messages.text("projects.application.exists"));
        }
        audit.record(AuditEvent.success("APPLICATION_START", Transitions.OBJECT_TYPE, id.toString(), regionCode)
                .withReason(reason));
        return id;
    }

    /** Autosave (暂存): anything goes except the rules of submission; only drafts and corrections change. */
    @Transactional
    public Application save(Actor actor, UUID id, Draft d, long expectedVersion) {
        Application a = own(actor, id, true);
        if (a.status() != ApplicationStatus.DRAFT && a.status() != ApplicationStatus.NEEDS_CORRECTION) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.application.locked"));
        }
        if (a.version() != expectedVersion) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("projects.application.modified"));
        }
        List<Application.BudgetLine> lines = d.budgetLines() == null ? List.of() : d.budgetLines().stream()
                .filter(l -> Text.trimToNull(l.item()) != null || l.amount() != null).toList();
        store.jdbc().sql("""
                update projects.applications set title = :title, field = :field, need = :need, need_refs = :refs,
                    goals = :goals, target_group = :target, beneficiaries = :beneficiaries,
                    budget_lines = cast(:lines as jsonb), requested = :requested, indicators = cast(:indicators as jsonb),
                    team = cast(:team as jsonb), version = version + 1, updated_at = :at
                where id = :id
                """)
                .param("title", orElse(d.title(), a.title())).param("field", orElse(d.field(), a.field()))
                .param("need", Text.trimToNull(d.need())).param("refs", Text.trimToNull(d.needRefs()))
                .param("goals", Text.trimToNull(d.goals())).param("target", Text.trimToNull(d.targetGroup()))
                .param("beneficiaries", d.beneficiaries()).param("lines", ProjectStore.json(lines))
                .param("requested", d.requested() == null ? BigDecimal.ZERO : d.requested())
                .param("indicators", ProjectStore.json(d.indicators() == null ? List.of() : d.indicators()))
                .param("team", ProjectStore.json(d.team() == null ? List.of() : d.team()))
                .param("at", ProjectStore.ts(clock.instant())).param("id", id).update();
        return own(actor, id, false);
    }

    /** Submits (提交): checks every rule, then locks version n+1 with its full and its blind snapshot. */
    @Transactional
    public Application submit(Actor actor, UUID id) {
        Application a = own(actor, id, true);
        Round round = store.round(a.roundId(), ProjectScope.rounds(actor)).orElseThrow();
        Instant now = clock.instant();
        boolean correcting = a.status() == ApplicationStatus.NEEDS_CORRECTION;
        if (correcting ? a.correctionUntil() == null || !now.isBefore(a.correctionUntil()) : !round.acceptsApplications(now)) {
            throw new DomainException(ProblemType.WINDOW_CLOSED, Messages.text(correcting
                    ? "projects.application.correction-closed" : "projects.application.window-closed"));
        }
        Map<String, String> errors = problems(round, a);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int number = a.submittedVersion() + 1;
        Map<String, Object> full = snapshot(a);
        Map<String, Object> blind = new LinkedHashMap<>(full);
        blind.remove("ownerName");
        blind.remove("ownerUnitId");
        blind.remove("team");
        store.jdbc().sql("""
                insert into projects.application_versions (application_id, number, county_code, snapshot, blind_snapshot,
                    names_applicant, submitted_at) values (:id, :n, :county, cast(:full as jsonb), cast(:blind as jsonb), :names, :at)
                """).param("id", id).param("n", number).param("county", a.countyCode()).param("full", ProjectStore.json(full))
                .param("blind", ProjectStore.json(blind)).param("names", namesApplicant(a))
                .param("at", ProjectStore.ts(now)).update();
        transitions.move(a, ApplicationStatus.SUBMITTED, Map.of("submitted_version", number), null);
        return own(actor, id, false);
    }

    /** 补正: a manager sends a submitted application back with a note, open for the round's correction days. */
    @Transactional
    public Application requestCorrection(Actor actor, UUID id, @Nullable String note) {
        Application a = store.application(id, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        String why = Text.trimToNull(note);
        if (why == null) {
            throw DomainException.invalid("note", Messages.text("projects.application.note-required"));
        }
        Round round = store.round(a.roundId(), ProjectScope.manage(actor, "r")).orElseThrow();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("correction_until", ProjectStore.ts(clock.instant().plus(round.correctionDays(), ChronoUnit.DAYS)));
        columns.put("correction_note", why);
        transitions.move(a, ApplicationStatus.NEEDS_CORRECTION, new LinkedHashMap<>(columns), why);
        return store.application(id, ProjectScope.manage(actor, "a"), false).orElseThrow();
    }

    /** The rules of submission, as field → Chinese message; empty when it may be submitted. */
    static Map<String, String> problems(Round round, Application a) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.title().length() < 4 || a.title().equals(Messages.text("projects.application.untitled"))) {
            errors.put("title", Messages.text("projects.application.title"));
        }
        Round.Standard standard = round.standardOf(a.field()).orElse(null);
        if (standard == null) {
            errors.put("field", Messages.text("projects.application.field"));
        }
        if (Text.trimToNull(a.goals()) == null) {
            errors.put("goals", Messages.text("projects.application.goals"));
        }
        if (a.budgetLines().isEmpty() || a.budgetLines().stream()
                .anyMatch(l -> l.amount() == null || l.amount().signum() <= 0 || Text.trimToNull(l.item()) == null)) {
            errors.put("budgetLines", Messages.text("projects.application.budget-lines"));
        } else if (a.budgetSum().compareTo(a.requested()) != 0) {
            errors.put("requested", Messages.text("projects.application.unbalanced", Application.yuan(a.budgetSum()),
                    Application.yuan(a.requested())));
        }
        if (standard != null && a.requested().compareTo(standard.ceiling()) > 0) {
            errors.put("requested", Messages.text("projects.application.over-standard", Application.yuan(a.requested()),
                    standard.field(), Application.yuan(standard.ceiling())));
        }
        return errors;
    }

    /** Whether the text an expert reads in blind mode names the applicant (a warning, not a refusal). */
    static boolean namesApplicant(Application a) {
        String name = a.ownerName();
        String core = name.replaceAll("^(.{2,3}?\u53bf|.{2,3}?\u5e02)", "");
        String text = String.join(" ", a.title(), String.valueOf(a.need()), String.valueOf(a.goals()),
                String.valueOf(a.targetGroup()));
        return text.contains(name) || (core.length() >= 4 && text.contains(core));
    }

    static Map<String, Object> snapshot(Application a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ownerName", a.ownerName());
        s.put("ownerUnitId", a.ownerUnitId().toString());
        s.put("title", a.title());
        s.put("field", a.field());
        s.put("need", a.need() == null ? "" : a.need());
        s.put("goals", a.goals() == null ? "" : a.goals());
        s.put("targetGroup", a.targetGroup() == null ? "" : a.targetGroup());
        s.put("beneficiaries", a.beneficiaries() == null ? 0 : a.beneficiaries());
        s.put("budgetLines", a.budgetLines());
        s.put("requested", a.requested());
        s.put("indicators", a.indicators());
        s.put("team", a.team());
        return s;
    }

    /** The actor's own organization's application (ORG_OWN), else 404. */
    public Application own(Actor actor, UUID id, boolean forUpdate) {
        return store.application(id, ProjectScope.own(actor), forUpdate)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
    }

    private static String orElse(@Nullable String typed, String current) {
        String t = Text.trimToNull(typed);
        return t == null ? current : t;
    }
}
