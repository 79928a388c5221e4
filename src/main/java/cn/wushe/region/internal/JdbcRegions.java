package cn.wushe.region.internal;

import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.region.Region;
import cn.wushe.region.internal.RegionCode;
import cn.wushe.region.Regions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The official tree, read from {@code region.regions}. Public information: not scope-limited.
 * Name search uses the trigram index: "word similarity" finds names starting with the words typed
 * (also two characters, e.g. 尧禾), and from three characters on also names containing them.
 */
@Repository
public class JdbcRegions implements Regions {

    static final String COLUMNS = "code, level, parent_code, name, full_name";
    public static final int MAX_RESULTS = 100;

    private final JdbcClient jdbc;

    JdbcRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node with the number of its children, for browsing. */
    public record Node(Region region, int children) {
    }

    @Override
    public Optional<Region> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from region.regions where code = :code")
                .param("code", code).query(JdbcRegions::region).optional();
    }

    /** Whether {@code code} exists and satisfies a scope predicate over {@code county_code} and {@code code}. */
    public boolean matches(RegionCode code, ScopeFilter.SqlPredicate scope) {
        return jdbc.sql("select exists (select 1 from region.regions where code = :region and " + scope.sql() + ")")
                .params(scope.params()).param("region", code.value()).query(Boolean.class).single();
    }

    @Override
    public List<Region> children(String code) {
        return jdbc.sql("select " + COLUMNS + " from region.regions where parent_code = :code order by code")
                .param("code", code).query(JdbcRegions::region).list();
    }

    /** The provinces, or the children of {@code code}, each with its number of children. */
    public List<Node> childNodes(@Nullable String code) {
        return jdbc.sql("""
                select %s, (select count(*) from region.regions c where c.parent_code = r.code) as children
                from region.regions r
                where %s
                order by code
                """.formatted(COLUMNS, code == null ? "parent_code is null" : "parent_code = :code"))
                .param("code", code)
                .query((rs, i) -> new Node(region(rs, i), rs.getInt("children"))).list();
    }

    /** {@code code} and its ancestors, from the province down; empty when the code is unknown. */
    public List<Region> path(RegionCode code) {
        List<String> codes = new ArrayList<>();
        for (RegionCode c = code; c != null; c = c.parent()) {
            codes.add(c.value());
        }
        return jdbc.sql("select " + COLUMNS + " from region.regions where code = any(:codes) order by level")
                .param("codes", codes.toArray(String[]::new)).query(JdbcRegions::region).list();
    }

    /** The communities (社区/村) matching a scope predicate over {@code county_code} and {@code code}. */
    public List<Region> communitiesWhere(ScopeFilter.SqlPredicate scope, int limit) {
        return jdbc.sql("select " + COLUMNS + " from region.regions where level = 12 and " + scope.sql()
                + " order by code limit :limit")
                .params(scope.params()).param("limit", limit).query(JdbcRegions::region).list();
    }

    @Override
    public List<Region> search(String query, int limit) {
        String q = query.strip();
        int max = Math.clamp(limit, 1, MAX_RESULTS);
        if (q.codePointCount(0, q.length()) < 2) {
            return List.of();
        }
        if (SqlText.isDigits(q)) {
            return jdbc.sql("select " + COLUMNS + " from region.regions where code >= :from and code < :to "
                    + "order by level, code limit :limit")
                    .param("from", q).param("to", SqlText.afterCodesStartingWith(q)).param("limit", max)
                    .query(JdbcRegions::region).list();
        }
        boolean contains = q.codePointCount(0, q.length()) >= 3;
        return jdbc.sql("""
                select %s from region.regions
                where :q <%% name %s
                order by (name = :q) desc, level, word_similarity(:q, name) desc, code
                limit :limit
                """.formatted(COLUMNS, contains ? "or name like :pattern escape '\\'" : ""))
                .param("q", q).param("pattern", SqlText.containing(q)).param("limit", max)
                .query(JdbcRegions::region).list();
    }

    static Region region(ResultSet rs, int row) throws SQLException {
        return new Region(rs.getString("code"), ScopeLevel.of(rs.getString("code")), rs.getString("parent_code"),
                rs.getString("name"), rs.getString("full_name"));
    }
}
