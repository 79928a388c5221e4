package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.region.Regions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一站一品: one brand per station (town or community), with its name, field and the station's
 * confirmed or accepted projects of the county. Station names and fields only: no person.
 */
@Service
public class StationBrands {

    private final ProjectStore store;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    StationBrands(ProjectStore store, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Brand(UUID id, String stationCode, String stationName, String name, String field, List<UUID> projectIds) {
    }

    /** Names the brand of a station (one per station), with the station's projects (ROUND_MANAGE over the station). */
    @Transactional
    public Brand brand(Actor actor, @Nullable String stationCode, @Nullable String name, @Nullable String field,
            @Nullable List<UUID> projectIds) {
        String station = Text.trimToNull(stationCode);
        if (station == null || !station.matches("[0-9]{9}([0-9]{3})?") || !regions.exists(station)) {
            throw DomainException.invalid("stationCode", Messages.text("projects.brand.station"));
        }
        if (!actor.can(Permission.ROUND_MANAGE, station)) {
            throw DomainException.notFound(Messages.text("projects.brand.station-subject"));
        }
        String brandName = Text.trimToNull(name);
        if (brandName == null || brandName.length() < 2 || brandName.length() > 40) {
            throw DomainException.invalid("name", Messages.text("projects.brand.name"));
        }
        String brandField = Text.trimToNull(field);
        if (brandField == null) {
            throw DomainException.invalid("field", Messages.text("projects.fund.field"));
        }
        List<UUID> projects = projectIds == null ? List.of() : List.copyOf(projectIds);
        int known = projects.isEmpty() ? 0 : store.jdbc().sql("select count(*) from projects.applications where id = any(:ids) "
                        + "and county_code = :c and status in ('CONFIRMED', 'ACCEPTED')")
                .param("ids", projects.toArray(UUID[]::new)).param("c", station.substring(0, 6)).query(Integer.class).single();
        if (known != projects.size()) {
            throw DomainException.invalid("projectIds", Messages.text("projects.brand.projects"));
        }
        UUID id = UUID.randomUUID();
        try {
            store.jdbc().sql("insert into projects.brands (county_code, id, station_code, name, field, project_ids, created_at) "
                            + "values (:county, :id, :station, :name, :field, :projects, :at)")
                    .param("county", station.substring(0, 6)).param("id", id).param("station", station)
                    .param("name", brandName).param("field", brandField).param("projects", projects.toArray(UUID[]::new))
                    .param("at", ProjectStore.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("stationCode", Messages.text("projects.brand.one-per-station"));
        }
        audit.record(AuditEvent.success("BRAND_NAME", "BRAND", id.toString(), station).withDetail(brandName));
        return brands(actor).stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    public List<Brand> brands(Actor actor) {
        List<ScopeFilter.SqlPredicate> any = new ArrayList<>();
        any.add(ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "b.county_code", "b.station_code"));
        any.add(ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "b.county_code", "b.station_code"));
        ScopeFilter.SqlPredicate scope = ProjectScope.anyOf(any);
        return store.jdbc().sql("select b.* from projects.brands b where " + scope.sql() + " order by b.station_code")
                .params(scope.params()).query(this::brand).list();
    }

    /** The brands of a county, for the public page (station, name, field: nothing personal). */
    public List<Brand> publicBrands(String countyCode) {
        return store.jdbc().sql("select b.* from projects.brands b where b.county_code = :c order by b.station_code")
                .param("c", countyCode).query(this::brand).list();
    }

    private Brand brand(ResultSet rs, int n) throws SQLException {
        String station = rs.getString("station_code");
        return new Brand(rs.getObject("id", UUID.class), station,
                regions.find(station).map(r -> r.name()).orElse(station), rs.getString("name"), rs.getString("field"),
                List.of((UUID[]) rs.getArray("project_ids").getArray()));
    }
}
