package cn.wushe.units.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.units.CreditCode;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Units (单位) in {@code units.units}: the repository of {@link UnitAggregate} for this module, and
 * the {@link Units} directory for the others (unscoped: the caller decides what its user may see).
 */
@Repository
public class JdbcUnits implements Units {

    static final String COLUMNS = "u.id, u.kind, u.name, u.region_code, u.parent_id, u.credit_code, u.retired_at, "
            + "u.version, u.created_at, u.updated_at";

    private final JdbcClient jdbc;

    JdbcUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Unit> find(UnitId id) {
        return jdbc.sql("select " + COLUMNS + " from units.units u where u.id = :id").param("id", id.value())
                .query(JdbcUnits::unit).optional().map(UnitAggregate::toUnit);
    }

    @Override
    public List<Unit> ofKind(UnitKind kind, String regionCode) {
        return inside(regionCode, "u.kind = :kind", Map.of("kind", kind.name()), "u.region_code, u.name");
    }

    @Override
    public List<Unit> within(String regionCode) {
        return inside(regionCode, "true", Map.of(), "u.region_code, u.kind, u.name");
    }

    @Override
    public List<Unit> children(UnitId parent) {
        return jdbc.sql("select " + COLUMNS + " from units.units u where u.parent_id = :parent and u.active order by u.name")
                .param("parent", parent.value()).query(JdbcUnits::unit).list()
                .stream().map(UnitAggregate::toUnit).toList();
    }

    /** Active units inside a region node, compared by whole segments like every scope. */
    private List<Unit> inside(String regionCode, String condition, Map<String, Object> params, String order) {
        if (!regionCode.matches("[0-9]{6}([0-9]{3}){0,2}")) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from units.units u where u.county_code = :county and "
                        + "left(u.region_code, :digits) = :region and u.active and " + condition + " order by " + order)
                .param("county", regionCode.substring(0, 6)).param("digits", regionCode.length())
                .param("region", regionCode).params(params)
                .query(JdbcUnits::unit).list().stream().map(UnitAggregate::toUnit).toList();
    }

    /**
     * The unit if it lies inside {@code scope} (a {@link ScopeFilter} predicate over {@code u}),
     * locked for the rest of the transaction when {@code forUpdate}.
     */
    public Optional<UnitAggregate> load(UnitId id, ScopeFilter.SqlPredicate scope, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from units.units u where u.id = :id and " + scope.sql()
                        + (forUpdate ? " for update" : ""))
                .params(scope.params()).param("id", id.value())
                .query(JdbcUnits::unit).optional();
    }

    public boolean exists(UnitId id) {
        return jdbc.sql("select exists (select 1 from units.units where id = :id)").param("id", id.value())
                .query(Boolean.class).single();
    }

    /** Whether another active unit of the region already has this name. */
    public boolean nameTaken(String regionCode, String name, @Nullable UnitId except) {
        return jdbc.sql("""
                select exists (select 1 from units.units where region_code = :region and name = :name and active
                    and id is distinct from :except)
                """).param("region", regionCode).param("name", name).param("except", except == null ? null : except.value())
                .query(Boolean.class).single();
    }

    /** The name of the community's active committee other than {@code except}, if it has one. */
    public Optional<String> activeCommittee(String communityCode, @Nullable UnitId except) {
        return jdbc.sql("""
                select name from units.units where region_code = :region and kind = 'COMMUNITY_COMMITTEE' and active
                    and id is distinct from :except""")
                .param("region", communityCode).param("except", except == null ? null : except.value())
                .query(String.class).optional();
    }

    /** The id of the community's active committee, if it has one. */
    public Optional<UnitId> committeeOf(String communityCode) {
        return jdbc.sql("select id from units.units where region_code = :region and kind = 'COMMUNITY_COMMITTEE' and active")
                .param("region", communityCode).query(UUID.class).optional().map(UnitId::new);
    }

    public boolean creditCodeTaken(CreditCode code, @Nullable UnitId except) {
        return jdbc.sql("select exists (select 1 from units.units where credit_code = :code and id is distinct from :except)")
                .param("code", code.value()).param("except", except == null ? null : except.value())
                .query(Boolean.class).single();
    }

    public int activeChildren(UnitId id) {
        return jdbc.sql("select count(*) from units.units where parent_id = :id and active").param("id", id.value())
                .query(Integer.class).single();
    }

    /** The ids from {@code id} up through its parents (the unit itself first); stops at a repeat. */
    public List<UUID> ancestry(UnitId id) {
        return jdbc.sql("""
                with recursive up(id, parent_id, depth) as (
                    select id, parent_id, 0 from units.units where id = :id
                    union all
                    select u.id, u.parent_id, up.depth + 1 from units.units u join up on u.id = up.parent_id
                    where up.depth < 50)
                select id from up order by depth
                """).param("id", id.value()).query(UUID.class).list();
    }

    public void insert(UnitAggregate unit) {
        jdbc.sql("""
                insert into units.units (id, kind, name, region_code, county_code, parent_id, credit_code, active,
                    retired_at, version, created_at, updated_at)
                values (:id, :kind, :name, :region, :county, :parent, :credit, :active, :retiredAt, 0, :createdAt,
                    :updatedAt)
                """)
                .param("id", unit.id().value()).param("kind", unit.kind().name()).param("region", unit.regionCode())
                .param("county", unit.countyCode()).param("createdAt", Timestamp.from(unit.createdAt()))
                .params(state(unit)).update();
    }

    /** Stores the unit's changes; another writer's change since it was loaded gives 412. */
    public void update(UnitAggregate unit) {
        int rows = jdbc.sql("""
                update units.units set name = :name, parent_id = :parent, credit_code = :credit, active = :active,
                    retired_at = :retiredAt, updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version
                """)
                .param("id", unit.id().value()).param("version", unit.version()).params(state(unit)).update();
        if (rows != 1) {
            throw versionMismatch(unit);
        }
    }

    static DomainException versionMismatch(UnitAggregate unit) {
        return new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("units.unit.modified", unit.name()));
    }

    private static Map<String, @Nullable Object> state(UnitAggregate unit) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("name", unit.name());
        p.put("parent", unit.parentId() == null ? null : unit.parentId().value());
        p.put("credit", unit.creditCode() == null ? null : unit.creditCode().value());
        p.put("active", unit.active());
        p.put("retiredAt", unit.retiredAt() == null ? null : Timestamp.from(unit.retiredAt()));
        p.put("updatedAt", Timestamp.from(unit.updatedAt()));
        return p;
    }

    static UnitAggregate unit(ResultSet rs, int row) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        String credit = rs.getString("credit_code");
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return UnitAggregate.restore(new UnitId(rs.getObject("id", UUID.class)), UnitKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"), rs.getString("name"), parent == null ? null : new UnitId(parent),
                credit == null ? null : new CreditCode(credit), retiredAt == null ? null : retiredAt.toInstant(),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
