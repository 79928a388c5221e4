package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.GridRetired;
import cn.wushe.region.internal.RegionCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating, changing and retiring grids (网格), each in one transaction with its audit entry. The
 * actor's GRID_EDIT scope decides in SQL what they may change: a grid outside their GRID_VIEW
 * scope answers 404, one they see but may not edit 403. Bad input answers 400 naming every wrong
 * field, before anything is read or written.
 */
@Service
public class GridManagement {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcGrids grids;
    private final JdbcRegions regions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    GridManagement(JdbcGrids grids, JdbcRegions regions, AuditLog audit, ApplicationEventPublisher events,
            JdbcClient jdbc, Clock clock) {
        this.grids = grids;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param code        the full 15-digit code, or {@code null} for the community's next free number
     * @param boundary    GeoJSON Polygon/MultiPolygon text, or {@code null}
     */
    public record NewGrid(@Nullable String communityCode, @Nullable String code, @Nullable String name,
            @Nullable BigDecimal centreLat, @Nullable BigDecimal centreLng, @Nullable String boundary) {
    }

    /** The grid's new name, centre and outline; absent centre or outline means the grid has none. */
    public record GridChange(@Nullable String name, @Nullable BigDecimal centreLat, @Nullable BigDecimal centreLng,
            @Nullable String boundary) {
    }

    @Transactional
    public GridAggregate create(Actor actor, NewGrid request) {
        FieldErrors errors = new FieldErrors();
        RegionCode community = errors.parse("communityCode", () -> RegionCode.community(request.communityCode()));
        GridCode requested = isBlank(request.code()) ? null
                : errors.parse("code", () -> new GridCode(Objects.requireNonNull(request.code()).strip()));
        if (community != null && requested != null && !requested.community().equals(community)) {
            errors.reject("code", Messages.text("region.grid.code-prefix", community));
        }
        GridName name = errors.parse("name", () -> new GridName(request.name()));
        Looks looks = looks(errors, request.centreLat(), request.centreLng(), request.boundary());
        if (community != null && !regions.exists(community.value())) {
            errors.reject("communityCode", Messages.text("region.grid.community-unknown", community));
        }
        errors.throwIfAny();
        RegionCode where = Objects.requireNonNull(community);
        if (!regions.matches(where, ScopeFilter.predicate(actor, Permission.GRID_EDIT, "county_code", "code"))) {
            throw DomainException.forbidden(Messages.text("region.grid.action-create", where));
        }
        // numbers are handed out one creation at a time per community
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "region.grid:" + where).query().singleRow();
        GridCode code = requested != null ? requested : nextFree(where);
        if (grids.exists(code)) {
            throw DomainException.conflict(ProblemType.GRID_EXISTS, "code", Messages.text("region.grid.code-taken", code));
        }
        GridAggregate grid = GridAggregate.create(code, Objects.requireNonNull(name), looks.centre(), looks.boundary(),
                clock.instant());
        grids.insert(grid);
        audit.record(AuditEvent.success("GRID_CREATE", "GRID", code.value(), code.value())
                .withDetail(detail(null, grid.auditState())));
        return grid;
    }

    @Transactional
    public GridAggregate change(Actor actor, String rawCode, GridChange change, long expectedVersion) {
        GridCode code = parseCode(rawCode);
        FieldErrors errors = new FieldErrors();
        GridName name = errors.parse("name", () -> new GridName(change.name()));
        Looks looks = looks(errors, change.centreLat(), change.centreLng(), change.boundary());
        errors.throwIfAny();
        GridAggregate grid = editable(actor, code, Messages.text("region.grid.action-edit", code));
        requireVersion(grid, expectedVersion);
        Map<String, Object> before = grid.auditState();
        boolean renamed = grid.rename(Objects.requireNonNull(name), clock.instant());
        boolean redrawn = grid.redraw(looks.centre(), looks.boundary(), clock.instant());
        if (!renamed && !redrawn) {
            return grid;
        }
        grids.update(grid);
        audit.record(AuditEvent.success("GRID_UPDATE", "GRID", code.value(), code.value())
                .withDetail(detail(before, grid.auditState())));
        return reload(code);
    }

    /** @param expectedVersion checked when given (If-Match), not required */
    @Transactional
    public GridAggregate retire(Actor actor, String rawCode, @Nullable Long expectedVersion) {
        GridCode code = parseCode(rawCode);
        GridAggregate grid = editable(actor, code, Messages.text("region.grid.action-retire", code));
        if (expectedVersion != null) {
            requireVersion(grid, expectedVersion);
        }
        Map<String, Object> before = grid.auditState();
        grid.retire(clock.instant());
        grids.update(grid);
        audit.record(AuditEvent.success("GRID_RETIRE", "GRID", code.value(), code.value())
                .withDetail(detail(before, grid.auditState())));
        events.publishEvent(new GridRetired(code.value(), code.countyCode()));
        return reload(code);
    }

    /**
     * Creates the grid unless its code exists, for the system itself (demo data): no actor, no
     * scope; audited under {@code actorName}. @return whether it was created
     */
    @Transactional
    public boolean seed(GridCode code, GridName name, String actorName) {
        if (grids.exists(code)) {
            return false;
        }
        GridAggregate grid = GridAggregate.create(code, name, null, null, clock.instant());
        grids.insert(grid);
        audit.record(AuditEvent.success("GRID_CREATE", "GRID", code.value(), code.value())
                .withDetail(detail(null, grid.auditState())).byActor(actorName));
        return true;
    }

    /** A grid code from a path or form: 400 naming the field {@code code} when malformed. */
    public static GridCode parseCode(@Nullable String raw) {
        try {
            return new GridCode(raw == null ? "" : raw);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("code", String.valueOf(e.getMessage()));
        }
    }

    static DomainException versionMismatch(GridCode code) {
        return new DomainException(ProblemType.VERSION_MISMATCH,
                Messages.text("region.grid.modified", code));
    }

    /** Visible (else 404) and editable (else 403), locked for this transaction. */
    private GridAggregate editable(Actor actor, GridCode code, String action) {
        if (grids.load(code, ScopeFilter.predicate(actor, Permission.GRID_VIEW, "g.county_code", "g.code"), false).isEmpty()) {
            throw DomainException.notFound(Messages.text("region.subject.grid", code));
        }
        return grids.load(code, ScopeFilter.predicate(actor, Permission.GRID_EDIT, "g.county_code", "g.code"), true)
                .orElseThrow(() -> DomainException.forbidden(action));
    }

    private GridAggregate reload(GridCode code) {
        return grids.load(code, ScopeFilter.unscoped("re-reading a grid the actor has just edited in scope"), false).orElseThrow();
    }

    private static void requireVersion(GridAggregate grid, long expectedVersion) {
        if (grid.version() != expectedVersion) {
            throw versionMismatch(grid.code());
        }
    }

    private GridCode nextFree(RegionCode community) {
        int next = grids.highestNumber(community) + 1;
        if (next > 999) {
            throw DomainException.conflict(ProblemType.GRID_NUMBERS_EXHAUSTED, "code", Messages.text("region.grid.numbers-exhausted", community));
        }
        return GridCode.of(community, next);
    }

    private record Looks(@Nullable GeoPoint centre, @Nullable GridBoundary boundary) {
    }

    private static Looks looks(FieldErrors errors, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            @Nullable String boundary) {
        if (lat != null) {
            errors.parse("centreLat", () -> GeoPoint.latitude(lat));
        }
        if (lng != null) {
            errors.parse("centreLng", () -> GeoPoint.longitude(lng));
        }
        GeoPoint centre = null;
        if (!errors.has("centreLat") && !errors.has("centreLng")) {
            centre = errors.parse(lat == null ? "centreLat" : "centreLng", () -> GeoPoint.ofNullable(lat, lng));
        }
        GridBoundary outline = isBlank(boundary) ? null
                : errors.parse("boundary", () -> new GridBoundary(Objects.requireNonNull(boundary)));
        return new Looks(centre, outline);
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String detail(@Nullable Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (before != null) {
            detail.put("before", before);
        }
        detail.put("after", after);
        return JSON.writeValueAsString(detail);
    }
}
