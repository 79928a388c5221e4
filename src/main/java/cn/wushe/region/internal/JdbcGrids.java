package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.region.Grid;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.Grids;
import cn.wushe.region.internal.RegionCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grids (网格) in {@code region.grids}: the repository of {@link GridAggregate} for this module, and
 * the {@link Grids} API for the others (unscoped: the caller decides what its user may see).
 */
@Repository
public class JdbcGrids implements Grids {

    private static final String COLUMNS = "g.code, g.name, g.centre_lat, g.centre_lng, g.boundary::text as boundary, "
            + "g.retired_at, g.version, g.created_at, g.updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcGrids(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A grid worker (网格员) of one grid. */
    public record Worker(UUID userId, String displayName, Instant assignedAt) {
    }

    @Override
    public Optional<Grid> find(String gridCode) {
        if (gridCode == null || !gridCode.matches("[0-9]{15}")) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from region.grids g where g.code = :code")
                .param("code", gridCode).query(JdbcGrids::grid).optional().map(GridAggregate::toGrid);
    }

    @Override
    public List<Grid> ofCommunity(String communityCode) {
        return jdbc.sql("select " + COLUMNS + " from region.grids g where g.community_code = :community order by g.code")
                .param("community", communityCode).query(JdbcGrids::grid).list()
                .stream().map(GridAggregate::toGrid).toList();
    }

    @Override
    public List<UUID> workersOf(String gridCode) {
        return jdbc.sql("""
                select w.user_id from region.grid_workers w join region.grids g on g.code = w.grid_code
                where w.grid_code = :grid and g.retired_at is null order by w.assigned_at, w.user_id
                """).param("grid", gridCode).query(UUID.class).list();
    }

    @Override
    @Transactional
    public void assignWorker(String gridCode, UUID userId, String displayName) {
        Grid grid = find(gridCode).orElseThrow(() -> DomainException.notFound(Messages.text("region.subject.grid", gridCode)));
        if (!grid.active()) {
            throw new DomainException(ProblemType.GRID_RETIRED, Messages.text("region.grid.retired-no-worker", gridCode));
        }
        jdbc.sql("""
                insert into region.grid_workers (grid_code, user_id, display_name, assigned_at)
                values (:grid, :user, :name, :at)
                on conflict (grid_code, user_id) do update set display_name = excluded.display_name
                """)
                .param("grid", gridCode).param("user", userId).param("name", displayName)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    @Override
    @Transactional
    public void releaseWorker(String gridCode, UUID userId) {
        jdbc.sql("delete from region.grid_workers where grid_code = :grid and user_id = :user")
                .param("grid", gridCode).param("user", userId).update();
    }

    public List<Worker> workers(GridCode code) {
        return jdbc.sql("""
                select user_id, display_name, assigned_at from region.grid_workers
                where grid_code = :grid order by assigned_at, display_name
                """)
                .param("grid", code.value())
                .query((rs, i) -> new Worker(rs.getObject("user_id", UUID.class), rs.getString("display_name"),
                        rs.getTimestamp("assigned_at").toInstant()))
                .list();
    }

    /**
     * The grid if it lies inside {@code scope} (a {@link ScopeFilter} predicate over {@code g}),
     * locked for the rest of the transaction when {@code forUpdate}.
     */
    public Optional<GridAggregate> load(GridCode code, ScopeFilter.SqlPredicate scope, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from region.grids g where g.code = :code and " + scope.sql()
                + (forUpdate ? " for update" : ""))
                .params(scope.params()).param("code", code.value())
                .query(JdbcGrids::grid).optional();
    }

    public boolean exists(GridCode code) {
        return jdbc.sql("select exists (select 1 from region.grids where code = :code)")
                .param("code", code.value()).query(Boolean.class).single();
    }

    /** The highest number used in the community, retired grids included; 0 when none. */
    public int highestNumber(RegionCode community) {
        return jdbc.sql("select coalesce(max(right(code, 3)::int), 0) from region.grids where community_code = :community")
                .param("community", community.value()).query(Integer.class).single();
    }

    public void insert(GridAggregate grid) {
        jdbc.sql("""
                insert into region.grids (code, community_code, county_code, name, boundary, centre_lat, centre_lng,
                    active, retired_at, version, created_at, updated_at)
                values (:code, :community, :county, :name, cast(:boundary as jsonb), :lat, :lng, :active, :retiredAt,
                    0, :createdAt, :updatedAt)
                """)
                .param("code", grid.code().value()).param("community", grid.code().community().value())
                .param("county", grid.code().countyCode()).param("createdAt", Timestamp.from(grid.createdAt()))
                .params(state(grid)).update();
    }

    /** Stores the grid's changes; another writer's change since it was loaded gives 412. */
    public void update(GridAggregate grid) {
        int rows = jdbc.sql("""
                update region.grids set name = :name, boundary = cast(:boundary as jsonb), centre_lat = :lat,
                    centre_lng = :lng, active = :active, retired_at = :retiredAt, updated_at = :updatedAt,
                    version = version + 1
                where code = :code and version = :version
                """)
                .param("code", grid.code().value()).param("version", grid.version())
                .params(state(grid)).update();
        if (rows != 1) {
            throw GridManagement.versionMismatch(grid.code());
        }
    }

    private static Map<String, @Nullable Object> state(GridAggregate grid) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("name", grid.name().value());
        p.put("boundary", grid.boundary() == null ? null : grid.boundary().geoJson());
        p.put("lat", grid.centre() == null ? null : grid.centre().lat());
        p.put("lng", grid.centre() == null ? null : grid.centre().lng());
        p.put("active", grid.active());
        p.put("retiredAt", grid.retiredAt() == null ? null : Timestamp.from(grid.retiredAt()));
        p.put("updatedAt", Timestamp.from(grid.updatedAt()));
        return p;
    }

    static GridAggregate grid(ResultSet rs, int row) throws SQLException {
        String boundary = rs.getString("boundary");
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return GridAggregate.restore(new GridCode(rs.getString("code")), new GridName(rs.getString("name")),
                rs.getBigDecimal("centre_lat") == null ? null
                        : new GeoPoint(rs.getBigDecimal("centre_lat"), rs.getBigDecimal("centre_lng")),
                boundary == null ? null : new GridBoundary(boundary),
                retiredAt == null ? null : retiredAt.toInstant(), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
