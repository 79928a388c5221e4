package cn.wushe.units.web;

import cn.wushe.units.Unit;
import cn.wushe.units.internal.UnitAggregate;
import cn.wushe.units.internal.UnitQueries;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One unit (单位) as the API shows it, with its parent and its active children. */
record UnitResponse(UUID id, String kind, String kindLabel, String name, String regionCode, String regionName,
        String countyCode, @Nullable Ref parent, @Nullable String creditCode, boolean active,
        @Nullable Instant retiredAt, long version, Instant createdAt, Instant updatedAt, List<Ref> children) {

    /** Another unit, named. */
    record Ref(UUID id, String kind, String name, String regionCode) {

        static Ref of(Unit unit) {
            return new Ref(unit.id().value(), unit.kind().name(), unit.name(), unit.regionCode());
        }
    }

    static UnitResponse of(UnitQueries.Detail detail) {
        UnitAggregate u = detail.unit();
        return new UnitResponse(u.id().value(), u.kind().name(), u.kind().label(), u.name(), u.regionCode(),
                detail.regionName(), u.countyCode(), detail.parent() == null ? null : Ref.of(detail.parent()),
                u.creditCode() == null ? null : u.creditCode().value(), u.active(), u.retiredAt(), u.version(),
                u.createdAt(), u.updatedAt(), detail.children().stream().map(Ref::of).toList());
    }
}
