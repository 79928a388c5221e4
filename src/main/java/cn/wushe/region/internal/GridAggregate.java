package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.DomainException;
import cn.wushe.region.Grid;
import cn.wushe.region.internal.GridCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The grid (网格) as the module keeps it: created in a community, renamed, redrawn (outline and
 * centre) and finally retired (撤销). A retired grid keeps its code and takes no further change.
 * Other modules see it as {@link Grid}.
 */
public final class GridAggregate {

    private final GridCode code;
    private GridName name;
    private @Nullable GeoPoint centre;
    private @Nullable GridBoundary boundary;
    private @Nullable Instant retiredAt;
    private final long version;
    private final Instant createdAt;
    private Instant updatedAt;

    private GridAggregate(GridCode code, GridName name, @Nullable GeoPoint centre, @Nullable GridBoundary boundary,
            @Nullable Instant retiredAt, long version, Instant createdAt, Instant updatedAt) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.centre = centre;
        this.boundary = boundary;
        this.retiredAt = retiredAt;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A new, active grid; its community's existence and the actor's scope are checked by the caller. */
    public static GridAggregate create(GridCode code, GridName name, @Nullable GeoPoint centre,
            @Nullable GridBoundary boundary, Instant now) {
        return new GridAggregate(code, name, centre, boundary, null, 0, now, now);
    }

    /** As stored; for the repository only. */
    static GridAggregate restore(GridCode code, GridName name, @Nullable GeoPoint centre,
            @Nullable GridBoundary boundary, @Nullable Instant retiredAt, long version, Instant createdAt,
            Instant updatedAt) {
        return new GridAggregate(code, name, centre, boundary, retiredAt, version, createdAt, updatedAt);
    }

    /** @return whether the name changed */
    public boolean rename(GridName newName, Instant now) {
        requireActive();
        if (newName.equals(name)) {
            return false;
        }
        name = newName;
        updatedAt = now;
        return true;
    }

    /** New outline and centre point (either may be absent). @return whether anything changed */
    public boolean redraw(@Nullable GeoPoint newCentre, @Nullable GridBoundary newBoundary, Instant now) {
        requireActive();
        if (Objects.equals(newCentre, centre) && Objects.equals(newBoundary, boundary)) {
            return false;
        }
        centre = newCentre;
        boundary = newBoundary;
        updatedAt = now;
        return true;
    }

    public void retire(Instant now) {
        requireActive();
        retiredAt = now;
        updatedAt = now;
    }

    private void requireActive() {
        if (!active()) {
            throw new DomainException(ProblemType.GRID_RETIRED, Messages.text("region.grid.retired", code));
        }
    }

    public GridCode code() {
        return code;
    }

    public GridName name() {
        return name;
    }

    public @Nullable GeoPoint centre() {
        return centre;
    }

    public @Nullable GridBoundary boundary() {
        return boundary;
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

    public Grid toGrid() {
        return new Grid(code.value(), code.community().value(), code.countyCode(), name.value(), active());
    }

    /** What the audit log keeps of this grid's state (no personal data). */
    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name.value());
        state.put("centre", centre == null ? null : centre.lat().toPlainString() + "," + centre.lng().toPlainString());
        state.put("boundary", boundary == null ? null : boundary.summary());
        state.put("active", active());
        return state;
    }
}
