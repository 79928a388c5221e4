package cn.wushe.units.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an actor may see of units (单位): lists by kind and region with their totals, and one unit
 * with its parent and children, all limited in SQL to the actor's UNIT_MANAGE scope.
 */
@Service
@Transactional(readOnly = true)
public class UnitQueries {

    public static final int MAX_PAGE_SIZE = 100;
    /** Above this many units in scope the form asks for a parent's id instead of offering a list. */
    public static final int MAX_PARENT_CHOICES = 300;

    private final JdbcClient jdbc;
    private final JdbcUnits units;
    private final Regions regions;

    UnitQueries(JdbcClient jdbc, JdbcUnits units, Regions regions) {
        this.jdbc = jdbc;
        this.units = units;
        this.regions = regions;
    }

    /**
     * @param region a region node (6, 9 or 12 digits): units at it and below
     * @param q      part of the name, or the credit code
     * @param active {@code null} for active and retired units
     * @param page   from 0
     */
    public record Filter(@Nullable UnitKind kind, @Nullable String region, @Nullable String q, @Nullable Boolean active,
            int page, int size) {

        public Filter {
            page = Math.max(page, 0);
            size = Math.clamp(size, 1, MAX_PAGE_SIZE);
            q = Text.trimToNull(q);
            region = Text.trimToNull(region);
        }
    }

    public record Row(UUID id, UnitKind kind, String name, String regionCode, String regionName,
            @Nullable String creditCode, boolean active, long version) {

        public String kindLabel() {
            return kind.label();
        }
    }

    /** A unit with the names a reader needs: its region's full name, its parent and its active children. */
    public record Detail(UnitAggregate unit, String regionName, @Nullable Unit parent, List<Unit> children) {
    }

    public Page<Row> page(Actor actor, Filter filter) {
        ScopeFilter.SqlPredicate scope = UnitManagement.scope(actor);
        List<String> where = new ArrayList<>(List.of(scope.sql()));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.kind() != null) {
            where.add("u.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.region() != null) {
            if (!filter.region().matches("[0-9]{6}([0-9]{3}){0,2}")) {
                throw DomainException.invalid("region", Messages.text("units.unit.region-digits"));
            }
            where.add("u.county_code = :filterCounty and left(u.region_code, :filterDigits) = :filterRegion");
            params.put("filterCounty", filter.region().substring(0, 6));
            params.put("filterDigits", filter.region().length());
            params.put("filterRegion", filter.region());
        }
        if (filter.q() != null) {
            where.add("(u.name like :pattern escape '\\' or u.credit_code = upper(:q))");
            params.put("pattern", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("q", filter.q());
        }
        if (filter.active() != null) {
            where.add("u.active = :active");
            params.put("active", filter.active());
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from units.units u where " + condition).params(params)
                .query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                select u.id, u.kind, u.name, u.region_code, u.credit_code, u.active, u.version
                from units.units u where %s
                order by u.region_code, u.kind, u.name, u.id
                limit :limit offset :offset
                """.formatted(condition))
                .params(params).param("limit", filter.size()).param("offset", (long) filter.page() * filter.size())
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("region_code"), "", rs.getString("credit_code"),
                        rs.getBoolean("active"), rs.getLong("version")))
                .list();
        Map<String, String> names = new HashMap<>();
        List<Row> named = rows.stream().map(r -> new Row(r.id(), r.kind(), r.name(), r.regionCode(),
                names.computeIfAbsent(r.regionCode(), this::regionName), r.creditCode(), r.active(), r.version()))
                .toList();
        return Page.counted(named, total, filter.page(), filter.size());
    }

    /** The unit with its parent and children; 404 outside the actor's UNIT_MANAGE scope. */
    public Detail detail(Actor actor, UnitId id) {
        UnitAggregate unit = units.load(id, UnitManagement.scope(actor), false)
                .orElseThrow(() -> DomainException.notFound(Messages.text("units.subject.unit")));
        return describe(unit);
    }

    /** A unit the caller has just been allowed to see or change. */
    public Detail describe(UnitAggregate unit) {
        Unit parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
        return new Detail(unit, regionName(unit.regionCode()), parent, units.children(unit.id()));
    }

    /** Active units the actor manages, for choosing a parent; at most {@link #MAX_PARENT_CHOICES} + 1. */
    public List<Row> parentChoices(Actor actor) {
        ScopeFilter.SqlPredicate scope = UnitManagement.scope(actor);
        return jdbc.sql("select u.id, u.kind, u.name, u.region_code, u.credit_code, u.version from units.units u where "
                        + scope.sql() + " and u.active order by u.region_code, u.kind, u.name limit :limit")
                .params(scope.params()).param("limit", MAX_PARENT_CHOICES + 1)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("region_code"), "", rs.getString("credit_code"), true,
                        rs.getLong("version")))
                .list();
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::fullName).orElse(code);
    }
}
