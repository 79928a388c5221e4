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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project library (项目库): accepted projects graded 优秀/良好 enter on acceptance, others on the
 * county's nomination; each entry is re-checked yearly and leaves (退出) with a reason. A community
 * orders (点单) an entry into an open round: the order becomes a draft of the entry's organization for
 * that community, prefilled from the entry, which the organization then completes and submits.
 */
@Service
public class Library {

    private final ProjectStore store;
    private final Applying applying;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    Library(ProjectStore store, Applying applying, Organizations organizations, AuditLog audit, Clock clock) {
        this.store = store;
        this.applying = applying;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A library entry as stations see it: no person, the cost per beneficiary and when it was last checked. */
    public record Entry(UUID id, String ownerName, String regionCode, String title, String field,
            @Nullable String targetGroup, BigDecimal amount, @Nullable Integer beneficiaries,
            @Nullable BigDecimal costPerBeneficiary, @Nullable String evaluation, @Nullable LocalDate since,
            @Nullable LocalDate checkedOn, boolean recheckDue) {

        public @Nullable String evaluationLabel() {
            return evaluation == null ? null : Evaluation.valueOf(evaluation).label();
        }
    }

    /** The search's criteria; blank ones do not filter. */
    public record Search(@Nullable String q, @Nullable String field, @Nullable String region,
            @Nullable BigDecimal maxCost, boolean dueOnly) {
    }

    /**
     * Library entries of the actor's counties ({@link #scope}) by text, field, region prefix and cost per beneficiary; at most {@code limit}, best
     * scored first.
     */
    public List<Entry> search(Actor actor, Search s, int limit) {
        ScopeFilter.SqlPredicate scope = scope(actor);
        Map<String, Object> p = new TreeMap<>(scope.params());
        StringBuilder sql = new StringBuilder("select a.id, a.owner_name, a.region_code, a.title, a.field, a.target_group, "
                + "coalesce(a.awarded, a.requested) as amount, a.beneficiaries, a.evaluation, a.library_since, "
                + "a.library_checked_on from projects.applications a where a.in_library and ").append(scope.sql());
        String q = Text.trimToNull(s.q());
        if (q != null) {
            sql.append(" and (a.title || ' ' || a.owner_name || ' ' || coalesce(a.target_group, '')) like :q");
            p.put("q", "%" + q.replace("%", "").replace("_", "") + "%");
        }
        if (Text.trimToNull(s.field()) != null) {
            sql.append(" and a.field = :field");
            p.put("field", s.field().strip());
        }
        if (Text.trimToNull(s.region()) != null) {
            sql.append(" and a.region_code like :region");
            p.put("region", s.region().strip().replaceAll("[^0-9]", "") + "%");
        }
        if (s.maxCost() != null) {
            sql.append(" and a.beneficiaries > 0 and coalesce(a.awarded, a.requested) <= :cost * a.beneficiaries");
            p.put("cost", s.maxCost());
        }
        LocalDate yearAgo = today().minusYears(1);
        p.put("yearAgo", yearAgo);
        if (s.dueOnly()) {
            sql.append(" and a.library_checked_on <= :yearAgo");
        }
        sql.append(" order by a.mean_score desc nulls last, a.id limit :limit");
        p.put("limit", Math.max(1, Math.min(limit, 200)));
        return store.jdbc().sql(sql.toString()).params(p).query((rs, n) -> {
            BigDecimal amount = rs.getBigDecimal("amount");
            Integer beneficiaries = (Integer) rs.getObject("beneficiaries");
            LocalDate checked = rs.getObject("library_checked_on", LocalDate.class);
            return new Entry(rs.getObject("id", UUID.class), rs.getString("owner_name"), rs.getString("region_code"),
                    rs.getString("title"), rs.getString("field"), rs.getString("target_group"), amount, beneficiaries,
                    beneficiaries == null || beneficiaries == 0 ? null
                            : amount.divide(BigDecimal.valueOf(beneficiaries), 2, java.math.RoundingMode.HALF_UP),
                    rs.getString("evaluation"), rs.getObject("library_since", LocalDate.class), checked,
                    checked == null || !checked.isAfter(yearAgo));
        }).list();
    }

    /** 准入 by nomination: an accepted project graded 合格 enters on the county's word, with the reason. */
    @Transactional
    public void nominate(Actor actor, UUID applicationId, @Nullable String reason) {
        Application a = managed(actor, applicationId);
        if (a.status() != ApplicationStatus.ACCEPTED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.library.not-accepted"));
        }
        String why = requireReason(reason);
        int rows = store.jdbc().sql("update projects.applications set in_library = true, library_since = :d, "
                        + "library_checked_on = :d, library_exit_reason = null, version = version + 1 "
                        + "where id = :a and not in_library")
                .param("d", today()).param("a", applicationId).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.library.already-in"));
        }
        audit.record(AuditEvent.success("LIBRARY_ENTER", Transitions.OBJECT_TYPE, applicationId.toString(), a.regionCode())
                .withReason(why));
    }

    /** The yearly re-check (复核): kept entries are checked again from today; the others leave with the reason (退出). */
    @Transactional
    public void recheck(Actor actor, UUID applicationId, boolean keep, @Nullable String reason) {
        Application a = managed(actor, applicationId);
        String why = keep ? Text.trimToNull(reason) : requireReason(reason);
        int rows = store.jdbc().sql(keep
                        ? "update projects.applications set library_checked_on = :d, version = version + 1 where id = :a and in_library"
                        : "update projects.applications set in_library = false, library_exit_reason = :why, "
                                + "library_checked_on = :d, version = version + 1 where id = :a and in_library")
                .param("d", today()).param("a", applicationId).param("why", why == null ? "" : why).update();
        if (rows != 1) {
            throw DomainException.notFound(Messages.text("projects.library.subject"));
        }
        audit.record(AuditEvent.success(keep ? "LIBRARY_RECHECK" : "LIBRARY_EXIT", Transitions.OBJECT_TYPE,
                applicationId.toString(), a.regionCode()).withReason(why));
    }

    /** An order (点单) and the draft it became. */
    public record Order(UUID id, UUID entryId, String communityCode, UUID roundId, UUID applicationId) {
    }

    /**
     * A community orders an entry into an open round of its county: a draft of the entry's organization
     * for that community, with the entry's content (need, goals, target group, budget lines, indicators)
     * already filled in. The actor needs PROJECT_VIEW or ROUND_MANAGE over the community.
     */
    @Transactional
    public Order order(Actor actor, UUID entryId, @Nullable String communityCode, @Nullable UUID roundId, @Nullable String note) {
        String community = Text.trimToNull(communityCode);
        if (community == null || !community.matches("[0-9]{12}")) {
            throw DomainException.invalid("communityCode", Messages.text("projects.bundle.community"));
        }
        if (!actor.can(Permission.PROJECT_VIEW, community) && !actor.can(Permission.ROUND_MANAGE, community)) {
            throw DomainException.notFound(Messages.text("projects.library.community"));
        }
        String county = community.substring(0, 6);
        Application entry = store.application(entryId, new ScopeFilter.SqlPredicate("a.in_library and a.county_code = :c",
                Map.of("c", county)), false).orElseThrow(() -> DomainException.notFound(Messages.text("projects.library.subject")));
        if (roundId == null) {
            throw DomainException.invalid("roundId", Messages.text("projects.library.round"));
        }
        Round round = store.round(roundId, new ScopeFilter.SqlPredicate("r.county_code = :c", Map.of("c", county)))
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.round.subject")));
        OrganizationSummary org = organizations.find(new UnitId(entry.ownerUnitId()))
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.library.subject")));
        UUID id = UUID.randomUUID();
        UUID draft = applying.open(org, round, community, Messages.text("projects.library.ordered-reason", entry.title()));
        store.jdbc().sql("""
                update projects.applications d set title = e.title, field = e.field, need = e.need,
                    need_refs = :refs, goals = e.goals, target_group = e.target_group, beneficiaries = e.beneficiaries,
                    budget_lines = e.budget_lines, requested = e.requested, indicators = e.indicators, version = d.version + 1
                from projects.applications e where d.id = :d and e.id = :e
                """).param("refs", Messages.text("projects.library.ordered-refs", id.toString())).param("d", draft)
                .param("e", entryId).update();
        store.jdbc().sql("""
                insert into projects.library_orders (county_code, id, entry_id, community_code, round_id, application_id,
                    note, ordered_by, created_at)
                values (:county, :id, :entry, :community, :round, :draft, :note, :by, :at)
                """).param("county", county).param("id", id).param("entry", entryId).param("community", community)
                .param("round", roundId).param("draft", draft).param("note", Text.trimToNull(note))
                .param("by", actor.id()).param("at", ProjectStore.ts(clock.instant())).update();
        audit.record(AuditEvent.success("LIBRARY_ORDER", Transitions.OBJECT_TYPE, entryId.toString(), community)
                .withDetail(draft.toString()));
        return new Order(id, entryId, community, roundId, draft);
    }

    /**
     * The rounds of the actor's counties open for applications now: where an order can go. A town
     * station does not see a county round among its own (they are the county's), but orders into it.
     */
    public List<Round> openRounds(Actor actor) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.of(counties(actor), "r.county_code", "r.region_code");
        return store.jdbc().sql("select r.* from projects.rounds r where r.status = 'OPEN' and r.opens_at <= :now "
                        + "and r.closes_at > :now and " + scope.sql() + " order by r.closes_at")
                .params(scope.params()).param("now", ProjectStore.ts(clock.instant())).query(ProjectStore::round).list();
    }

    /** The orders placed by communities in the actor's scope, newest first. */
    public List<Order> orders(Actor actor) {
        List<ScopeFilter.SqlPredicate> any = new ArrayList<>();
        any.add(ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "o.county_code", "o.community_code"));
        any.add(ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "o.county_code", "o.community_code"));
        ScopeFilter.SqlPredicate scope = ProjectScope.anyOf(any);
        return store.jdbc().sql("select o.* from projects.library_orders o where " + scope.sql()
                        + " order by o.created_at desc limit 50").params(scope.params())
                .query((rs, n) -> new Order(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                        rs.getString("community_code"), rs.getObject("round_id", UUID.class),
                        rs.getObject("application_id", UUID.class))).list();
    }

    /**
     * The library is the county's: whoever reads projects anywhere in a county (ROUND_MANAGE,
     * PROJECT_VIEW or ORG_OWN, even for one town) searches all of that county's entries, so every
     * station can order from it. Entries hold no personal data (the public page lists them too).
     */
    static ScopeFilter.SqlPredicate scope(Actor actor) {
        return ScopeFilter.of(counties(actor), "a.county_code", "a.region_code");
    }

    /** The counties in which the actor reads projects at all. */
    private static List<cn.wushe.platform.RegionScope> counties(Actor actor) {
        List<cn.wushe.platform.RegionScope> counties = new ArrayList<>();
        for (Permission p : List.of(Permission.ROUND_MANAGE, Permission.PROJECT_VIEW, Permission.ORG_OWN)) {
            actor.scopesFor(p).stream().filter(s -> s.code().length() >= 6)
                    .map(s -> new cn.wushe.platform.RegionScope(s.code().substring(0, 6)))
                    .filter(c -> !counties.contains(c)).forEach(counties::add);
        }
        return counties;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RoundManagement.CHINA));
    }

    private static String requireReason(@Nullable String reason) {
        String why = Text.trimToNull(reason);
        if (why == null || why.length() < 2) {
            throw DomainException.invalid("reason", Messages.text("projects.library.reason"));
        }
        return why;
    }

    private Application managed(Actor actor, UUID id) {
        return store.application(id, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
    }
}
