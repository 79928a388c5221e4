package cn.wushe.units.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.units.CreditCode;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A unit (单位) as this module keeps it: registered with its kind at a region node, revised (name,
 * parent, credit code) and finally retired (撤销). Kind and region are fixed at registration: a
 * unit that moves is a different unit, and the scope of its records must not shift under them. A
 * retired unit takes no further change. Other modules see it as {@link Unit}.
 */
public final class UnitAggregate {

    private final UnitId id;
    private final UnitKind kind;
    private final String regionCode;
    private String name;
    private @Nullable UnitId parentId;
    private @Nullable CreditCode creditCode;
    private @Nullable Instant retiredAt;
    private final long version;
    private final Instant createdAt;
    private Instant updatedAt;

    private UnitAggregate(UnitId id, UnitKind kind, String regionCode, String name, @Nullable UnitId parentId,
            @Nullable CreditCode creditCode, @Nullable Instant retiredAt, long version, Instant createdAt,
            Instant updatedAt) {
        if (!kind.fits(regionCode)) {
            throw new IllegalArgumentException(Messages.text("units.unit.level", kind.label()));
        }
        if (id.equals(parentId)) {
            throw new IllegalArgumentException(Messages.text("units.unit.parent-self"));
        }
        this.id = Objects.requireNonNull(id);
        this.kind = kind;
        this.regionCode = regionCode;
        this.name = checkedName(name);
        this.parentId = parentId;
        this.creditCode = creditCode;
        this.retiredAt = retiredAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new, active unit; the region's existence, the parent and the actor's scope are checked by the caller. */
    public static UnitAggregate register(UnitId id, UnitKind kind, String regionCode, String name,
            @Nullable UnitId parentId, @Nullable CreditCode creditCode, Instant now) {
        return new UnitAggregate(id, kind, regionCode, name, parentId, creditCode, null, 0, now, now);
    }

    /** As stored; for the repository only. */
    static UnitAggregate restore(UnitId id, UnitKind kind, String regionCode, String name, @Nullable UnitId parentId,
            @Nullable CreditCode creditCode, @Nullable Instant retiredAt, long version, Instant createdAt,
            Instant updatedAt) {
        return new UnitAggregate(id, kind, regionCode, name, parentId, creditCode, retiredAt, version, createdAt,
                updatedAt);
    }

    /** The unit's name, 2 to 60 characters, without surrounding blanks. */
    public static String checkedName(@Nullable String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.codePointCount(0, name.length()) < 2 || name.codePointCount(0, name.length()) > 60) {
            throw new IllegalArgumentException(Messages.text("units.unit.name-length"));
        }
        return name;
    }

    /** @return whether anything changed */
    public boolean revise(String newName, @Nullable UnitId newParent, @Nullable CreditCode newCreditCode, Instant now) {
        requireActive();
        if (id.equals(newParent)) {
            throw new IllegalArgumentException(Messages.text("units.unit.parent-self"));
        }
        String checked = checkedName(newName);
        if (checked.equals(name) && Objects.equals(newParent, parentId) && Objects.equals(newCreditCode, creditCode)) {
            return false;
        }
        name = checked;
        parentId = newParent;
        creditCode = newCreditCode;
        updatedAt = now;
        return true;
    }

    /**
     * @param activeChildren how many active units report to this one; a unit with active children
     *                       is not retired, so no active unit is left under a retired parent
     */
    public void retire(int activeChildren, Instant now) {
        requireActive();
        if (activeChildren > 0) {
            throw DomainException.conflict(ProblemType.UNIT_HAS_CHILDREN, "id",
                    Messages.text("units.unit.has-children", name, activeChildren));
        }
        retiredAt = now;
        updatedAt = now;
    }

    /** Undoes a retirement: the unit is active again under its old name, region and parent. */
    public void reinstate(Instant now) {
        retiredAt = null;
        updatedAt = now;
    }

    private void requireActive() {
        if (!active()) {
            throw new DomainException(ProblemType.UNIT_RETIRED, Messages.text("units.unit.retired", name));
        }
    }

    public UnitId id() {
        return id;
    }

    public UnitKind kind() {
        return kind;
    }

    public String regionCode() {
        return regionCode;
    }

    public String countyCode() {
        return regionCode.substring(0, 6);
    }

    public String name() {
        return name;
    }

    public @Nullable UnitId parentId() {
        return parentId;
    }

    public @Nullable CreditCode creditCode() {
        return creditCode;
    }

    public boolean active() {
        return retiredAt == null;
    }

    public @Nullable Instant retiredAt() {
        return retiredAt;
    }

    /** The version as loaded; the repository stores {@code version + 1} on update. */
    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Unit toUnit() {
        return new Unit(id, kind, name, regionCode, countyCode(), parentId,
                creditCode == null ? null : creditCode.value(), active());
    }

    /** What the audit log keeps of this unit's state (no personal data). */
    Map<String, @Nullable Object> auditState() {
        Map<String, @Nullable Object> state = new LinkedHashMap<>();
        state.put("kind", kind.name());
        state.put("name", name);
        state.put("region", regionCode);
        state.put("parent", parentId == null ? null : parentId.toString());
        state.put("creditCode", creditCode == null ? null : creditCode.value());
        state.put("active", active());
        return state;
    }
}
