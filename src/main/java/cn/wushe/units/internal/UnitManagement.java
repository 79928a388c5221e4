package cn.wushe.units.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.region.Regions;
import cn.wushe.units.CreditCode;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.UnitRegistered;
import cn.wushe.units.UnitRetired;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering, revising and retiring units (单位), each in one transaction with its audit entry.
 * The actor's UNIT_MANAGE scope decides in SQL which units they see (others answer 404); a new
 * unit must lie inside that scope (403 naming the region field). Bad input answers 400 naming
 * every wrong field, before anything is written.
 */
@Service
public class UnitManagement implements cn.wushe.units.UnitRegistration {

    static final String OBJECT_TYPE = "UNIT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcUnits units;
    private final Regions regions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnitManagement(JdbcUnits units, Regions regions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The partial unique index behind "one active committee per community" (V10_2). */
    static final String COMMITTEE_INDEX = "units_one_committee";

    /** A unit as requested: strings as typed, checked here. */
    public record NewUnit(@Nullable String kind, @Nullable String name, @Nullable String regionCode,
            @Nullable String parentId, @Nullable String creditCode) {
    }

    /** The unit's new name, parent and credit code; an absent parent or code means none. */
    public record UnitChange(@Nullable String name, @Nullable String parentId, @Nullable String creditCode) {
    }

    @Transactional
    public UnitAggregate register(Actor actor, NewUnit request) {
        Map<String, String> errors = new LinkedHashMap<>();
        UnitKind kind = UnitKind.fromCode(request.kind()).orElse(null);
        if (kind == null) {
            errors.put("kind", Messages.text("units.unit.choose-kind"));
        }
        String name = parse(errors, "name", () -> UnitAggregate.checkedName(request.name()));
        String region = Text.trimToNull(request.regionCode());
        if (region == null || !region.matches("[0-9]{6}([0-9]{3}){0,2}")) {
            errors.put("regionCode", Messages.text("units.unit.region-digits"));
            region = null;
        } else if (kind != null && !kind.fits(region)) {
            errors.put("regionCode", Messages.text("units.unit.level", kind.label()));
        } else if (!regions.exists(region)) {
            errors.put("regionCode", Messages.text("units.unit.region-unknown"));
        }
        CreditCode credit = creditCode(errors, request.creditCode());
        UnitId parentId = parentId(errors, request.parentId());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String where = Objects.requireNonNull(region);
        if (!actor.can(Permission.UNIT_MANAGE, where)) {
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("units.unit.region-out-of-scope")));
        }
        UnitId id = UnitId.random();
        checkParent(actor, id, where, parentId);
        UnitAggregate unit = UnitAggregate.register(id, Objects.requireNonNull(kind), where, Objects.requireNonNull(name),
                parentId, credit, clock.instant());
        refuseTaken(unit);
        insert(unit);
        audit.record(AuditEvent.success("UNIT_CREATE", OBJECT_TYPE, id.toString(), where)
                .withDetail(detail(null, unit.auditState())));
        events.publishEvent(new UnitRegistered(id, unit.kind(), where, unit.countyCode()));
        return unit;
    }

    @Transactional
    public UnitAggregate revise(Actor actor, UnitId id, UnitChange change, long expectedVersion) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = parse(errors, "name", () -> UnitAggregate.checkedName(change.name()));
        CreditCode credit = creditCode(errors, change.creditCode());
        UnitId parentId = parentId(errors, change.parentId());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UnitAggregate unit = managed(actor, id);
        if (unit.version() != expectedVersion) {
            throw JdbcUnits.versionMismatch(unit);
        }
        Map<String, @Nullable Object> before = unit.auditState();
        if (!Objects.equals(parentId, unit.parentId())) {
            checkParent(actor, id, unit.regionCode(), parentId);
        }
        boolean changed = parse(errors, "parentId",
                () -> unit.revise(Objects.requireNonNull(name), parentId, credit, clock.instant())) == Boolean.TRUE;
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!changed) {
            return unit;
        }
        refuseTaken(unit);
        try {
            units.update(unit);
        } catch (DuplicateKeyException e) {
            throw taken(unit);
        }
        audit.record(AuditEvent.success("UNIT_UPDATE", OBJECT_TYPE, id.toString(), unit.regionCode())
                .withDetail(detail(before, unit.auditState())));
        return reload(id);
    }

    /** @param expectedVersion checked when given (If-Match), not required */
    @Transactional
    public UnitAggregate retire(Actor actor, UnitId id, @Nullable Long expectedVersion) {
        UnitAggregate unit = managed(actor, id);
        if (expectedVersion != null && unit.version() != expectedVersion) {
            throw JdbcUnits.versionMismatch(unit);
        }
        Map<String, @Nullable Object> before = unit.auditState();
        unit.retire(units.activeChildren(id), clock.instant());
        units.update(unit);
        audit.record(AuditEvent.success("UNIT_RETIRE", OBJECT_TYPE, id.toString(), unit.regionCode())
                .withDetail(detail(before, unit.auditState())));
        events.publishEvent(new UnitRetired(id, unit.countyCode()));
        return reload(id);
    }

    /**
     * Registers the unit under a fixed id unless that id exists, for the system itself (demo
     * data): no actor, no scope; audited under {@code actorName}. @return whether it was created
     */
    @Transactional
    public boolean seed(UnitId id, UnitKind kind, String regionCode, String name, @Nullable UnitId parentId,
            @Nullable CreditCode credit, String actorName) {
        if (units.exists(id) || units.nameTaken(regionCode, name, null)
                || (kind == UnitKind.COMMUNITY_COMMITTEE && units.activeCommittee(regionCode, null).isPresent())) {
            return false;
        }
        UnitAggregate unit = UnitAggregate.register(id, kind, regionCode, name, parentId, credit, clock.instant());
        units.insert(unit);
        audit.record(AuditEvent.success("UNIT_CREATE", OBJECT_TYPE, id.toString(), regionCode)
                .withDetail(detail(null, unit.auditState())).byActor(actorName));
        events.publishEvent(new UnitRegistered(id, kind, regionCode, unit.countyCode()));
        return true;
    }

    /** The community's one active committee (居委会/村委会), if it has one. */
    @Transactional(readOnly = true)
    public Optional<UnitId> committeeOf(String communityCode) {
        return units.committeeOf(communityCode);
    }

    @Override
    @Transactional
    public cn.wushe.units.Unit register(UnitId id, UnitKind kind, String regionCode, String name,
            @Nullable CreditCode credit, @Nullable String auditActor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String checked = parse(errors, "name", () -> UnitAggregate.checkedName(name));
        if (!kind.fits(regionCode) || !regions.exists(regionCode)) {
            errors.put("regionCode", Messages.text("units.unit.region-unknown"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UnitAggregate unit = UnitAggregate.register(id, kind, regionCode, Objects.requireNonNull(checked), null, credit,
                clock.instant());
        refuseTaken(unit);
        insert(unit);
        audit.record(AuditEvent.success("UNIT_CREATE", OBJECT_TYPE, id.toString(), regionCode)
                .withDetail(detail(null, unit.auditState())).byActor(auditActor));
        events.publishEvent(new UnitRegistered(id, kind, regionCode, unit.countyCode()));
        return unit.toUnit();
    }

    @Override
    @Transactional
    public void retire(UnitId id, @Nullable String auditActor) {
        UnitAggregate unit = units.load(id, ScopeFilter.unscoped("the owning module checked its own permission"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("units.subject.unit")));
        if (!unit.active()) {
            return;
        }
        Map<String, @Nullable Object> before = unit.auditState();
        unit.retire(units.activeChildren(id), clock.instant());
        units.update(unit);
        audit.record(AuditEvent.success("UNIT_RETIRE", OBJECT_TYPE, id.toString(), unit.regionCode())
                .withDetail(detail(before, unit.auditState())).byActor(auditActor));
        events.publishEvent(new UnitRetired(id, unit.countyCode()));
    }

    @Override
    @Transactional
    public void reinstate(UnitId id, @Nullable String auditActor) {
        UnitAggregate unit = units.load(id, ScopeFilter.unscoped("the owning module checked its own permission"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("units.subject.unit")));
        if (unit.active()) {
            return;
        }
        Map<String, @Nullable Object> before = unit.auditState();
        unit.reinstate(clock.instant());
        refuseTaken(unit);
        units.update(unit);
        audit.record(AuditEvent.success("UNIT_REINSTATE", OBJECT_TYPE, id.toString(), unit.regionCode())
                .withDetail(detail(before, unit.auditState())).byActor(auditActor));
    }

    /** A unit id from a path or form: 400 naming the field {@code id} when malformed. */
    public static UnitId parseId(@Nullable String raw) {
        try {
            return UnitId.parse(raw == null ? "" : raw);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("id", String.valueOf(e.getMessage()));
        }
    }

    /** Visible in the actor's UNIT_MANAGE scope (else 404), locked for this transaction. */
    private UnitAggregate managed(Actor actor, UnitId id) {
        return units.load(id, scope(actor), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("units.subject.unit")));
    }

    static ScopeFilter.SqlPredicate scope(Actor actor) {
        return ScopeFilter.predicate(actor, Permission.UNIT_MANAGE, "u.county_code", "u.region_code");
    }

    /**
     * The parent must be a unit the actor manages, active, at the unit's region or above it (a town
     * station reports to the county station, never to another town's), and not the unit itself or
     * one reporting to it.
     */
    private void checkParent(Actor actor, UnitId self, String regionCode, @Nullable UnitId parentId) {
        if (parentId == null) {
            return;
        }
        UnitAggregate parent = units.load(parentId, scope(actor), false).orElseThrow(
                () -> DomainException.invalid("parentId", Messages.text("units.unit.parent-unknown")));
        if (!parent.active()) {
            throw DomainException.invalid("parentId", Messages.text("units.unit.parent-retired", parent.name()));
        }
        if (!regionCode.startsWith(parent.regionCode())) {
            throw DomainException.invalid("parentId", Messages.text("units.unit.parent-region", parent.name()));
        }
        if (units.ancestry(parentId).contains(self.value())) {
            throw DomainException.invalid("parentId", Messages.text("units.unit.parent-cycle", parent.name()));
        }
    }

    private void refuseTaken(UnitAggregate unit) {
        if (unit.kind() == UnitKind.COMMUNITY_COMMITTEE && unit.active()) {
            units.activeCommittee(unit.regionCode(), unit.id()).ifPresent(other -> {
                throw committeeExists(other);
            });
        }
        if (units.nameTaken(unit.regionCode(), unit.name(), unit.id())
                || (unit.creditCode() != null && units.creditCodeTaken(unit.creditCode(), unit.id()))) {
            throw taken(unit);
        }
    }

    private DomainException taken(UnitAggregate unit) {
        if (unit.creditCode() != null && units.creditCodeTaken(unit.creditCode(), unit.id())) {
            return DomainException.conflict(ProblemType.UNIT_EXISTS, "creditCode",
                    Messages.text("units.unit.credit-code-taken", unit.creditCode()));
        }
        return DomainException.conflict(ProblemType.UNIT_EXISTS, "name", Messages.text("units.unit.name-taken", unit.name()));
    }

    /** A community (village) has one active committee (居委会/村委会), kept by a partial unique index too. */
    private static DomainException committeeExists(String existing) {
        return DomainException.conflict(ProblemType.UNIT_EXISTS, "kind", Messages.text("units.unit.committee-exists", existing));
    }

    private void insert(UnitAggregate unit) {
        try {
            units.insert(unit);
        } catch (DuplicateKeyException e) {
            // a concurrent registration won the race: of a committee for the same community, or of the same name or code
            if (String.valueOf(e.getMessage()).contains(COMMITTEE_INDEX)) {
                throw committeeExists(unit.name());
            }
            throw DomainException.conflict(ProblemType.UNIT_EXISTS, "name", Messages.text("units.unit.name-taken", unit.name()));
        }
    }

    private UnitAggregate reload(UnitId id) {
        return units.load(id, ScopeFilter.unscoped("re-reading a unit the actor has just changed in scope"), false)
                .orElseThrow();
    }

    private static @Nullable CreditCode creditCode(Map<String, String> errors, @Nullable String raw) {
        String typed = Text.trimToNull(raw);
        return typed == null ? null : parse(errors, "creditCode", () -> new CreditCode(typed));
    }

    private static @Nullable UnitId parentId(Map<String, String> errors, @Nullable String raw) {
        String typed = Text.trimToNull(raw);
        return typed == null ? null : parse(errors, "parentId", () -> UnitId.parse(typed));
    }

    /** The value, or {@code null} after recording the field's Chinese message. */
    private static <T> @Nullable T parse(Map<String, String> errors, String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(field, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static String detail(@Nullable Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (before != null) {
            detail.put("before", before);
        }
        detail.put("after", after);
        return JSON.writeValueAsString(detail);
    }
}
