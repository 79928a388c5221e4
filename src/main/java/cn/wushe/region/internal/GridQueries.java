package cn.wushe.region.internal;

import cn.wushe.platform.Page;
import cn.wushe.platform.Text;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.Region;
import cn.wushe.region.internal.RegionCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an actor may see of grids: lists and their totals, and one grid with its workers, all
 * limited in SQL to the actor's GRID_VIEW scope.
 */
@Service
@Transactional(readOnly = true)
public class GridQueries {

    public static final int MAX_PAGE_SIZE = 100;
    /** Above this many editable communities the form asks for a code instead of offering a list. */
    public static final int MAX_COMMUNITY_CHOICES = 500;

    private final JdbcClient jdbc;
    private final JdbcGrids grids;
    private final JdbcRegions regions;

    GridQueries(JdbcClient jdbc, JdbcGrids grids, JdbcRegions regions) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.regions = regions;
    }

    /**
     * @param q      part of the name, or the start of the code (digits)
     * @param active {@code null} for active and retired grids
     * @param page   from 0
     */
    public record Filter(@Nullable RegionCode community, @Nullable String q, @Nullable Boolean active, int page,
            int size) {

        public Filter {
            page = Math.max(page, 0);
            size = Math.clamp(size, 1, MAX_PAGE_SIZE);
            q = Text.trimToNull(q);
        }
    }

    public record Row(String code, String name, String communityCode, String communityName, boolean active,
            int workers, long version) {
    }

    public record Detail(GridAggregate grid, Region community, List<JdbcGrids.Worker> workers) {
    }

    public Page<Row> page(Actor actor, Filter filter) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.GRID_VIEW, "g.county_code", "g.code");
        List<String> where = new ArrayList<>(List.of(scope.sql()));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.community() != null) {
            where.add("g.community_code = :community");
            params.put("community", filter.community().value());
        }
        if (filter.q() != null) {
            if (SqlText.isDigits(filter.q())) {
                where.add("g.code >= :codeFrom and g.code < :codeTo");
                params.put("codeFrom", filter.q());
                params.put("codeTo", SqlText.afterCodesStartingWith(filter.q()));
            } else {
                where.add("g.name like :pattern escape '\\'");
                params.put("pattern", SqlText.containing(filter.q()));
            }
        }
        if (filter.active() != null) {
            where.add("g.active = :active");
            params.put("active", filter.active());
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from region.grids g where " + condition)
                .params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                select g.code, g.name, g.community_code, r.name as community_name, g.active, g.version,
                    (select count(*) from region.grid_workers w where w.grid_code = g.code) as workers
                from region.grids g join region.regions r on r.code = g.community_code
                where %s
                order by g.code
                limit :limit offset :offset
                """.formatted(condition))
                .params(params).param("limit", filter.size()).param("offset", (long) filter.page() * filter.size())
                .query((rs, i) -> new Row(rs.getString("code"), rs.getString("name"), rs.getString("community_code"),
                        rs.getString("community_name"), rs.getBoolean("active"), rs.getInt("workers"),
                        rs.getLong("version")))
                .list();
        return Page.counted(rows, total, filter.page(), filter.size());
    }

    /** The grid with its community and workers; 404 outside the actor's GRID_VIEW scope. */
    public Detail detail(Actor actor, GridCode code) {
        GridAggregate grid = grids.load(code, ScopeFilter.predicate(actor, Permission.GRID_VIEW, "g.county_code", "g.code"),
                false).orElseThrow(() -> DomainException.notFound(Messages.text("region.subject.grid", code)));
        Region community = regions.find(code.community().value()).orElseThrow();
        return new Detail(grid, community, grids.workers(code));
    }

    /** Whether the grid lies in the actor's GRID_EDIT scope (decided in SQL, like every scope). */
    public boolean editable(Actor actor, GridCode code) {
        return grids.load(code, ScopeFilter.predicate(actor, Permission.GRID_EDIT, "g.county_code", "g.code"), false)
                .isPresent();
    }

    /** A grid the caller has just been allowed to change, with its community and workers. */
    public Detail describe(GridAggregate grid) {
        Region community = regions.find(grid.code().community().value()).orElseThrow();
        return new Detail(grid, community, grids.workers(grid.code()));
    }

    /** The communities in which the actor may create grids (GRID_EDIT scope), by code. */
    public List<Region> editableCommunities(Actor actor) {
        return regions.communitiesWhere(ScopeFilter.predicate(actor, Permission.GRID_EDIT, "county_code", "code"),
                MAX_COMMUNITY_CHOICES + 1);
    }

    /** The communities whose grids the actor sees (GRID_VIEW scope), for the list's filter. */
    public List<Region> visibleCommunities(Actor actor) {
        return regions.communitiesWhere(ScopeFilter.predicate(actor, Permission.GRID_VIEW, "county_code", "code"),
                MAX_COMMUNITY_CHOICES + 1);
    }
}
