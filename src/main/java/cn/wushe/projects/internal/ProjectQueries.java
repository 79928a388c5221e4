package cn.wushe.projects.internal;

import cn.wushe.organizations.Organizations;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reading rounds, applications and projects in the actor's scope (outside it: 404 or absent). */
@Service
public class ProjectQueries {

    private final ProjectStore store;
    private final Organizations organizations;

    ProjectQueries(ProjectStore store, Organizations organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    public List<Round> rounds(Actor actor) {
        return store.rounds(ProjectScope.rounds(actor), 100);
    }

    public Round round(Actor actor, UUID id) {
        return store.round(id, ProjectScope.rounds(actor))
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.round.subject")));
    }

    /** The applications of a round the actor may see (a manager all, an organization its own). */
    public List<Application> applications(Actor actor, UUID roundId) {
        ScopeFilter.SqlPredicate scope = ProjectScope.applications(actor);
        return store.jdbc().sql("select a.* from projects.applications a where a.round_id = :r and " + scope.sql()
                        + " order by a.rank nulls last, a.mean_score desc nulls last, a.created_at")
                .params(scope.params()).param("r", roundId).query(ProjectStore::application).list();
    }

    public Application application(Actor actor, UUID id) {
        return store.application(id, ProjectScope.applications(actor), false)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
    }

    /** The actor's own organization's applications and projects, newest first. */
    public List<Application> mine(Actor actor) {
        ScopeFilter.SqlPredicate scope = ProjectScope.own(actor);
        return store.jdbc().sql("select a.* from projects.applications a where " + scope.sql() + " order by a.created_at desc limit 50")
                .params(scope.params()).query(ProjectStore::application).list();
    }

    /** Projects assigned to the actor as evaluator. */
    public List<Application> toEvaluate(Actor actor) {
        return store.jdbc().sql("select a.* from projects.applications a where a.evaluator_id = :me and a.status = 'CONFIRMED' "
                        + "order by a.created_at").param("me", actor.id()).query(ProjectStore::application).list();
    }

    /** A public line (公示、项目库): organization, title, field, amount; never a person. */
    public record PublicProject(UUID id, String round, String ownerName, String title, String field,
            @Nullable BigDecimal amount, @Nullable BigDecimal score, @Nullable Integer rank, String status,
            @Nullable Integer beneficiaries, @Nullable String evaluation) {
    }

    /**
     * Funded projects and the recommendations under publicity of a county, or the library (accepted
     * with 优秀/良好) searched by text, field and cost per beneficiary. Public: no personal data is read.
     */
    public List<PublicProject> publicProjects(String countyCode, boolean library, @Nullable String q, @Nullable String field,
            @Nullable BigDecimal maxCostPerBeneficiary, int limit) {
        Map<String, Object> p = new TreeMap<>();
        p.put("county", countyCode);
        StringBuilder where = new StringBuilder(" where a.county_code = :county and ");
        where.append(library ? "a.in_library" : "a.status in ('RECOMMENDED', 'CONFIRMED', 'ACCEPTED')");
        if (q != null && !q.isBlank()) {
            where.append(" and (a.title like :q or a.owner_name like :q)");
            p.put("q", "%" + q.strip().replace("%", "") + "%");
        }
        if (field != null && !field.isBlank()) {
            where.append(" and a.field = :field");
            p.put("field", field.strip());
        }
        if (maxCostPerBeneficiary != null) {
            where.append(" and a.beneficiaries > 0 and coalesce(a.awarded, a.requested) / a.beneficiaries <= :cost");
            p.put("cost", maxCostPerBeneficiary);
        }
        p.put("limit", limit);
        return store.jdbc().sql(PUBLIC_COLUMNS + where + " order by r.opens_at desc, a.rank nulls last, a.title limit :limit")
                .params(p).query(ProjectQueries::publicProject).list();
    }

    /**
     * The projects of the organizations the actor's communities confirmed (报到), in those
     * communities' county: funded ones only, as the public sees them (no person).
     */
    public List<PublicProject> ofCheckedIn(Actor actor) {
        List<Organizations.ConfirmedCheckin> confirmed = organizations.confirmedIn(actor);
        if (confirmed.isEmpty()) {
            return List.of();
        }
        StringBuilder pairs = new StringBuilder();
        Map<String, Object> p = new TreeMap<>();
        for (int i = 0; i < confirmed.size(); i++) {
            pairs.append(i == 0 ? "" : " or ").append("(a.owner_unit_id = :o").append(i).append(" and a.county_code = :c")
                    .append(i).append(')');
            p.put("o" + i, confirmed.get(i).organization().value());
            p.put("c" + i, confirmed.get(i).countyCode());
        }
        return store.jdbc().sql(PUBLIC_COLUMNS + " where a.status in ('CONFIRMED', 'ACCEPTED', 'FAILED', 'TERMINATED') and ("
                        + pairs + ") order by a.owner_name, r.opens_at desc limit 200")
                .params(p).query(ProjectQueries::publicProject).list();
    }

    private static final String PUBLIC_COLUMNS = "select a.id, r.title as round_title, a.owner_name, a.title, a.field, "
            + "coalesce(a.awarded, a.requested) as amount, a.mean_score, a.rank, a.status, a.beneficiaries, "
            + "a.evaluation from projects.applications a join projects.rounds r on r.id = a.round_id";

    private static PublicProject publicProject(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PublicProject(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), (Integer) rs.getObject(8),
                ApplicationStatus.valueOf(rs.getString(9)).label(), (Integer) rs.getObject(10),
                rs.getString(11) == null ? null : Evaluation.valueOf(rs.getString(11)).label());
    }
}
