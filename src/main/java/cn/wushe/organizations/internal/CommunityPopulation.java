package cn.wushe.organizations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents per community as the county keeps them (no other module holds a population figure),
 * and what they are for: filed community organizations per type and per 10,000 residents, per
 * town and for the county. A ratio counts only the communities that have a figure, and says how
 * many have none, so a missing figure never inflates it.
 */
@Service
public class CommunityPopulation {

    private final Regions regions;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    CommunityPopulation(Regions regions, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.regions = regions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One community's figure as entered, or none yet. */
    public record Figure(String communityCode, String communityName, @Nullable Integer residents, @Nullable Integer year) {
    }

    /** A town's communities with their figures. */
    public record Town(String code, String name, List<Figure> communities) {
    }

    /**
     * Community organizations of a town (or the county, code of 6 digits) against its residents.
     *
     * @param organizations active filed community organizations of the area
     * @param counted       those of them in communities with a figure: the numerator of {@code per10k}
     * @param withFigure    communities with a figure, of {@code communities}
     */
    public record Density(String code, String name, long organizations, long counted, long residents, int withFigure,
            int communities, @Nullable BigDecimal per10k) {
    }

    /** Enters or corrects a community's residents (ORG_MANAGE over its county: the county keeps them). */
    @Transactional
    public Figure set(Actor actor, @Nullable String communityCode, @Nullable Integer residents, @Nullable Integer year) {
        String community = Text.trimToNull(communityCode);
        if (community == null || !community.matches("[0-9]{12}") || !regions.exists(community)) {
            throw DomainException.invalid("communityCode", Messages.text("organizations.population.community"));
        }
        if (!actor.can(Permission.ORG_MANAGE, community.substring(0, 6))) {
            throw DomainException.notFound(Messages.text("organizations.population.subject"));
        }
        if (residents == null || residents < 1 || residents > 1_000_000) {
            throw DomainException.invalid("residents", Messages.text("organizations.population.residents"));
        }
        if (year == null || year < 2000 || year > 2100) {
            throw DomainException.invalid("year", Messages.text("organizations.population.year"));
        }
        jdbc.sql("""
                insert into organizations.community_population (community_code, county_code, residents, as_of_year, updated_by,
                    updated_at) values (:c, :county, :r, :y, :by, :at)
                on conflict (community_code) do update set residents = excluded.residents, as_of_year = excluded.as_of_year,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """).param("c", community).param("county", community.substring(0, 6)).param("r", residents).param("y", year)
                .param("by", actor.displayName()).param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("ORGANIZATION_POPULATION", "COMMUNITY_POPULATION", community, community)
                .withDetail(year + ":" + residents));
        return new Figure(community, regions.find(community).map(Region::name).orElse(community), residents, year);
    }

    /** Every community of the county town by town, with its figure (ORG_MANAGE over the county, else 404). */
    public List<Town> figures(Actor actor, String countyCode) {
        if (!actor.can(Permission.ORG_MANAGE, countyCode)) {
            throw DomainException.notFound(Messages.text("organizations.population.subject"));
        }
        Map<String, int[]> known = new HashMap<>();
        jdbc.sql("select community_code, residents, as_of_year from organizations.community_population where county_code = :c")
                .param("c", countyCode).query((rs, n) -> known.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)})).list();
        List<Town> towns = new ArrayList<>();
        for (Region town : regions.children(countyCode)) {
            List<Figure> figures = regions.children(town.code()).stream().map(c -> {
                int[] f = known.get(c.code());
                return new Figure(c.code(), c.name(), f == null ? null : f[0], f == null ? null : f[1]);
            }).toList();
            towns.add(new Town(town.code(), town.name(), figures));
        }
        return towns;
    }

    /** Per town of the actor's ORG_VIEW scope, then the county: organizations, residents and the ratio. */
    public List<Density> density(Actor actor) {
        ScopeFilter.SqlPredicate orgScope = ScopeFilter.predicate(actor, Permission.ORG_VIEW, "o.county_code", "o.region_code");
        Map<String, Long> orgs = new TreeMap<>();
        jdbc.sql("select o.region_code, count(*) from organizations.organizations o where o.kind = 'COMMUNITY' "
                        + "and o.status = 'ACTIVE' and " + orgScope.sql() + " group by o.region_code").params(orgScope.params())
                .query((rs, n) -> orgs.put(rs.getString(1), rs.getLong(2))).list();
        ScopeFilter.SqlPredicate popScope = ScopeFilter.predicate(actor, Permission.ORG_VIEW, "p.county_code", "p.community_code");
        Map<String, Integer> people = new TreeMap<>();
        jdbc.sql("select p.community_code, p.residents from organizations.community_population p where " + popScope.sql())
                .params(popScope.params()).query((rs, n) -> people.put(rs.getString(1), rs.getInt(2))).list();
        Map<String, long[]> towns = new TreeMap<>();
        Map<String, long[]> counties = new TreeMap<>();
        for (String town : townsOf(orgs, people)) {
            long[] t = new long[5];
            for (Region community : regions.children(town)) {
                long n = orgs.getOrDefault(community.code(), 0L);
                Integer residents = people.get(community.code());
                t[0] += n;
                t[4]++;
                if (residents != null) {
                    t[1] += n;
                    t[2] += residents;
                    t[3]++;
                }
            }
            towns.put(town, t);
            long[] c = counties.computeIfAbsent(town.substring(0, 6), k -> new long[5]);
            for (int i = 0; i < 5; i++) {
                c[i] += t[i];
            }
        }
        List<Density> rows = new ArrayList<>();
        towns.forEach((code, t) -> rows.add(density(code, t)));
        counties.forEach((code, t) -> rows.add(density(code, t)));
        return rows;
    }

    private static List<String> townsOf(Map<String, Long> orgs, Map<String, Integer> people) {
        return java.util.stream.Stream.concat(orgs.keySet().stream(), people.keySet().stream())
                .filter(code -> code.length() >= 9).map(code -> code.substring(0, 9)).distinct().sorted().toList();
    }

    private Density density(String code, long[] t) {
        BigDecimal ratio = t[2] == 0 ? null
                : BigDecimal.valueOf(t[1] * 10_000L).divide(BigDecimal.valueOf(t[2]), 2, RoundingMode.HALF_UP);
        return new Density(code, regions.find(code).map(Region::name).orElse(code), t[0], t[1], t[2], (int) t[3], (int) t[4],
                ratio);
    }
}
