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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly selections (优秀社会组织、优秀案例、优秀项目). A selection takes nominations, the
 * committee's totals per member, aggregated as expert scores are ({@link ScoreAggregation}: from 5
 * members up without the highest and lowest, outliers flagged), ranks and puts the first
 * {@code winners} under publicity (公示); an objection upheld during publicity takes a winner out.
 * Certificates and the compiled PDF are {@link AwardDocuments}; station brands are {@link StationBrands}.
 * Organizations, titles and summaries only: no person.
 */
@Service
public class Awards {

    /** 优秀社会组织, 优秀案例, 优秀项目. */
    public enum Category {
        ORGANIZATION, CASE, PROJECT;

        public String label() {
            return Messages.text("projects.award.category." + name());
        }
    }

    /** Where a selection stands: nominations and scores, publicity (公示), closed with certificates. */
    public enum Stage { NOMINATING, PUBLICITY, CLOSED }

    static final Set<String> CATEGORIES = java.util.Arrays.stream(Category.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toSet());
    static final int PUBLICITY_DAYS = 7;

    private final ProjectStore store;
    private final AuditLog audit;
    private final Clock clock;

    Awards(ProjectStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public record Selection(UUID id, String countyCode, int year, String category, int winners, String status,
            @Nullable LocalDate publicityUntil) {

        public String categoryLabel() {
            return Messages.text("projects.award.category." + category);
        }

        public String statusLabel() {
            return Messages.text("projects.award.status." + status);
        }
    }

    public record Nomination(UUID id, String nominee, String ownerName, String summary, @Nullable BigDecimal meanScore,
            @Nullable Integer rank, int outliers, boolean winner, @Nullable String objection,
            @Nullable String certificateSerial, int scores) {
    }

    // ---- yearly selections ----

    @Transactional
    public Selection open(Actor actor, @Nullable String countyCode, @Nullable Integer year, @Nullable String category,
            @Nullable Integer winners) {
        String county = Text.trimToNull(countyCode);
        if (county == null || !actor.can(Permission.ROUND_MANAGE, county)) {
            throw DomainException.notFound(Messages.text("projects.award.county"));
        }
        if (year == null || year < 2000 || year > 2100) {
            throw DomainException.invalid("year", Messages.text("projects.award.year"));
        }
        if (!CATEGORIES.contains(String.valueOf(category))) {
            throw DomainException.invalid("category", Messages.text("projects.award.category"));
        }
        if (winners == null || winners < 1 || winners > 50) {
            throw DomainException.invalid("winners", Messages.text("projects.award.winners"));
        }
        UUID id = UUID.randomUUID();
        try {
            store.jdbc().sql("insert into projects.award_selections (county_code, id, year, category, winners, status, created_at) "
                            + "values (:c, :id, :y, :cat, :w, 'NOMINATING', :at)")
                    .param("c", county).param("id", id).param("y", year).param("cat", category).param("w", winners)
                    .param("at", ProjectStore.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("category", Messages.text("projects.award.once-a-year"));
        }
        audit.record(AuditEvent.success("AWARD_OPEN", "AWARD", id.toString(), county).withDetail(year + " " + category));
        return selection(actor, id);
    }

    public List<Selection> selections(Actor actor) {
        ScopeFilter.SqlPredicate scope = selectionScope(actor);
        return store.jdbc().sql("select s.* from projects.award_selections s where " + scope.sql()
                + " order by s.year desc, s.category").params(scope.params()).query(Awards::selection).list();
    }

    public Selection selection(Actor actor, UUID id) {
        ScopeFilter.SqlPredicate scope = selectionScope(actor);
        return store.jdbc().sql("select s.* from projects.award_selections s where s.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query(Awards::selection).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.award.subject")));
    }

    public List<Nomination> nominations(UUID selectionId) {
        return store.jdbc().sql("""
                select n.*, (select count(*) from projects.award_scores s where s.nomination_id = n.id) as scores
                from projects.award_nominations n where n.selection_id = :s
                order by n.rank nulls last, n.created_at
                """).param("s", selectionId).query((rs, i) -> new Nomination(rs.getObject("id", UUID.class),
                rs.getString("nominee"), rs.getString("owner_name"), rs.getString("summary"), rs.getBigDecimal("mean_score"),
                (Integer) rs.getObject("rank"), rs.getInt("outliers"), rs.getBoolean("winner"), rs.getString("objection"),
                rs.getString("certificate_serial"), rs.getInt("scores"))).list();
    }

    /** A nomination: an organization, case or project by name, with the organization behind it and a summary. */
    @Transactional
    public Nomination nominate(Actor actor, UUID selectionId, @Nullable String nominee, @Nullable String ownerName,
            @Nullable String summary) {
        Selection s = managed(actor, selectionId, "NOMINATING");
        String name = Text.trimToNull(nominee);
        String owner = Text.trimToNull(ownerName);
        String text = Text.trimToNull(summary);
        if (name == null || name.length() < 2 || name.length() > 80) {
            throw DomainException.invalid("nominee", Messages.text("projects.award.nominee"));
        }
        if (owner == null) {
            throw DomainException.invalid("ownerName", Messages.text("projects.award.owner"));
        }
        if (text == null || text.length() < 4 || text.length() > 500) {
            throw DomainException.invalid("summary", Messages.text("projects.award.summary"));
        }
        UUID id = UUID.randomUUID();
        try {
            store.jdbc().sql("insert into projects.award_nominations (selection_id, id, county_code, nominee, owner_name, "
                            + "summary, created_at) values (:s, :id, :c, :n, :o, :t, :at)")
                    .param("s", selectionId).param("id", id).param("c", s.countyCode()).param("n", name).param("o", owner)
                    .param("t", text).param("at", ProjectStore.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("nominee", Messages.text("projects.award.nominated-twice"));
        }
        audit.record(AuditEvent.success("AWARD_NOMINATE", "AWARD", selectionId.toString(), s.countyCode()).withDetail(name));
        return nominations(selectionId).stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    /** One committee member's total (0–100) for a nomination; a second entry by the same member corrects it. */
    @Transactional
    public void score(Actor actor, UUID selectionId, UUID nominationId, @Nullable String member, @Nullable BigDecimal total) {
        Selection s = managed(actor, selectionId, "NOMINATING");
        String who = Text.trimToNull(member);
        if (who == null || who.length() > 40) {
            throw DomainException.invalid("member", Messages.text("projects.award.member"));
        }
        if (total == null || total.signum() < 0 || total.compareTo(new BigDecimal("100")) > 0 || total.scale() > 2) {
            throw DomainException.invalid("total", Messages.text("projects.award.total"));
        }
        boolean known = store.jdbc().sql("select exists (select 1 from projects.award_nominations where id = :n and selection_id = :s)")
                .param("n", nominationId).param("s", selectionId).query(Boolean.class).single();
        if (!known) {
            throw DomainException.notFound(Messages.text("projects.award.nomination-subject"));
        }
        store.jdbc().sql("insert into projects.award_scores (nomination_id, member, county_code, total) values (:n, :m, :c, :t) "
                        + "on conflict (nomination_id, member) do update set total = excluded.total")
                .param("n", nominationId).param("m", who).param("c", s.countyCode()).param("t", total).update();
        audit.record(AuditEvent.success("AWARD_SCORE", "AWARD", selectionId.toString(), s.countyCode())
                .withDetail(nominationId + " " + total.toPlainString()));
    }

    /**
     * Aggregates the totals, ranks (mean, then earlier nomination) and puts the first {@code winners}
     * under publicity for {@value #PUBLICITY_DAYS} days. Every nomination needs three totals at least.
     */
    @Transactional
    public Selection publicize(Actor actor, UUID selectionId) {
        Selection s = managed(actor, selectionId, "NOMINATING");
        List<Nomination> nominations = nominations(selectionId);
        if (nominations.isEmpty() || nominations.stream().anyMatch(n -> n.scores() < 3)) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.award.too-few-scores"));
        }
        record Scored(Nomination n, ScoreAggregation.Result r) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Nomination n : nominations) {
            List<BigDecimal> totals = store.jdbc().sql("select total from projects.award_scores where nomination_id = :n "
                    + "order by member").param("n", n.id()).query(BigDecimal.class).list();
            scored.add(new Scored(n, ScoreAggregation.aggregate(totals)));
        }
        scored.sort(Comparator.comparing((Scored x) -> x.r().mean()).reversed());
        for (int i = 0; i < scored.size(); i++) {
            Scored x = scored.get(i);
            store.jdbc().sql("update projects.award_nominations set mean_score = :m, rank = :r, outliers = :o, winner = :w "
                            + "where id = :id")
                    .param("m", x.r().mean()).param("r", i + 1)
                    .param("o", (int) x.r().outliers().stream().filter(Boolean::booleanValue).count())
                    .param("w", i < s.winners()).param("id", x.n().id()).update();
        }
        LocalDate until = today().plusDays(PUBLICITY_DAYS);
        store.jdbc().sql("update projects.award_selections set status = 'PUBLICITY', publicity_until = :u where id = :id")
                .param("u", until).param("id", selectionId).update();
        audit.record(AuditEvent.success("AWARD_PUBLICIZE", "AWARD", selectionId.toString(), s.countyCode()));
        return selection(actor, selectionId);
    }

    /** An objection upheld during publicity (异议成立): the nominee is no longer a winner, with the reason. */
    @Transactional
    public void uphold(Actor actor, UUID selectionId, UUID nominationId, @Nullable String reason) {
        Selection s = managed(actor, selectionId, "PUBLICITY");
        String why = Text.trimToNull(reason);
        if (why == null || why.length() < 2) {
            throw DomainException.invalid("reason", Messages.text("projects.library.reason"));
        }
        int rows = store.jdbc().sql("update projects.award_nominations set winner = false, objection = :r "
                        + "where id = :n and selection_id = :s and winner")
                .param("r", why).param("n", nominationId).param("s", selectionId).update();
        if (rows != 1) {
            throw DomainException.notFound(Messages.text("projects.award.nomination-subject"));
        }
        audit.record(AuditEvent.success("AWARD_OBJECTION", "AWARD", selectionId.toString(), s.countyCode())
                .withDetail(nominationId.toString()).withReason(why));
    }

    Selection managed(Actor actor, UUID id, String status) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "s.county_code", "s.county_code");
        Selection s = store.jdbc().sql("select s.* from projects.award_selections s where s.id = :id and " + scope.sql()
                        + " for update").params(scope.params()).param("id", id).query(Awards::selection).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.award.subject")));
        if (!s.status().equals(status)) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.award.wrong-stage", s.statusLabel()));
        }
        return s;
    }

    private static ScopeFilter.SqlPredicate selectionScope(Actor actor) {
        List<ScopeFilter.SqlPredicate> any = new ArrayList<>();
        any.add(ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "s.county_code", "s.county_code"));
        any.add(ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "s.county_code", "s.county_code"));
        return ProjectScope.anyOf(any);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(RoundManagement.CHINA));
    }

    static Selection selection(ResultSet rs, int n) throws SQLException {
        return new Selection(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getInt("year"),
                rs.getString("category"), rs.getInt("winners"), rs.getString("status"),
                rs.getObject("publicity_until", LocalDate.class));
    }
}
