package cn.wushe.requests.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.Units;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing by unit: a matter sits at one unit; the committee handles it or forwards it to its town's
 * street office (镇政府), which may forward it to a department of its county (the catalogue proposes
 * which). The receiver signs for it within one working day or declines with a reason naming the
 * right unit; sending back down needs a reason; a duplicate (same item, same community) is merged.
 * Every step is on the timeline and audited in its transaction.
 */
@Component
public class MatterRouting {

    private final Matters matters;
    private final MatterScope scope;
    private final MatterClock matterClock;
    private final Catalogue catalogue;
    private final Units units;
    private final AuditLog audit;
    private final Clock clock;

    MatterRouting(Matters matters, MatterScope scope, MatterClock matterClock, Catalogue catalogue, Units units,
            AuditLog audit, Clock clock) {
        this.matters = matters;
        this.scope = scope;
        this.matterClock = matterClock;
        this.catalogue = catalogue;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** The matter, row-locked, when the actor sees it (else 404) and handles for the unit it sits at (else 403). */
    Matter handled(Actor actor, UUID id) {
        Matter m = matters.lock(id, scope.visible(actor))
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.matter")));
        if (!scope.handlesFor(actor, m.unitId)) {
            throw DomainException.forbidden(Messages.text("requests.matter.handle"));
        }
        return m;
    }

    @Transactional
    public Matter signFor(Actor actor, UUID id) {
        Matter m = handled(actor, id);
        Instant now = clock.instant();
        m.signFor(m.unitId, now);
        matters.update(m);
        matters.event(m, now, m.signedLate ? TimelineKind.SIGNED_LATE : TimelineKind.SIGNED, actor.id(), actor.displayName(),
                m.unitId, null, null);
        matterClock.signed(m);
        record(m, "MATTER_SIGN", null);
        return m;
    }

    @Transactional
    public Matter decline(Actor actor, UUID id, @Nullable String reason, @Nullable String rightUnitId) {
        Matter m = handled(actor, id);
        UUID unit = m.unitId;
        Level senderLevel = m.level.below() == null ? m.level : m.level.below();
        String note = Text.trimToNull(reason);
        Optional<Unit> right = parse(rightUnitId).flatMap(u -> units.find(new UnitId(u)));
        if (note != null && right.isPresent()) {
            note = Messages.text("requests.timeline.decline-naming", note, right.get().name());
        }
        m.decline(unit, reason, senderLevel);
        Instant now = clock.instant();
        m.handedAt = now;
        m.levelDueAt = matterClock.addWorkingDays(now, itemDays(m), m.countyCode);
        matters.update(m);
        matters.event(m, now, TimelineKind.DECLINED, actor.id(), actor.displayName(), unit, m.unitId, note);
        matterClock.handedOver(m);
        matterClock.notifyUnit(m, m.unitId, Permission.MATTER_HANDLE, RequestsNoticeKinds.RECEIVED, News.DECLINED);
        record(m, "MATTER_DECLINE", note);
        return m;
    }

    /**
     * 转办 to the next level: the town's street office from a committee (no choice), or a department of
     * the county from a street office ({@code targetUnitId}, or the catalogue's proposal when absent).
     */
    @Transactional
    public Matter forward(Actor actor, UUID id, @Nullable String targetUnitId, @Nullable String note) {
        Matter m = handled(actor, id);
        Level next = m.level.above();
        if (next == null) {
            throw new DomainException(ProblemType.MATTER_ROUTE_REFUSED, Messages.text("requests.route.end-of-chain"));
        }
        Unit target = parse(targetUnitId).map(u -> units.find(new UnitId(u))
                        .orElseThrow(() -> DomainException.invalid("targetUnitId", Messages.text("requests.route.unit-unknown"))))
                .orElseGet(() -> proposed(m, next)
                        .orElseThrow(() -> DomainException.invalid("targetUnitId", Messages.text("requests.route.unit-required"))));
        checkOnChain(m, next, target);
        UUID from = m.unitId;
        Instant now = clock.instant();
        m.forward(from, target.id().value(), next, now, matterClock.addWorkingDays(now, MatterClock.SIGN_DAYS, m.countyCode),
                matterClock.addWorkingDays(now, daysAt(m, next), m.countyCode));
        matters.update(m);
        matters.event(m, now, TimelineKind.FORWARDED, actor.id(), actor.displayName(), from, target.id().value(), Text.trimToNull(note));
        matterClock.handedOver(m);
        matterClock.notifyUnit(m, target.id().value(), Permission.MATTER_HANDLE, RequestsNoticeKinds.RECEIVED, News.RECEIVED);
        matterClock.notifyApplicant(m, News.FORWARDED);
        record(m, "MATTER_FORWARD", target.name());
        return m;
    }

    /** 下发: back to the unit one level down (the street office of the town, or the community's committee). */
    @Transactional
    public Matter sendBack(Actor actor, UUID id, @Nullable String reason) {
        Matter m = handled(actor, id);
        Level below = m.level.below();
        if (below == null) {
            throw new DomainException(ProblemType.MATTER_ROUTE_REFUSED, Messages.text("requests.route.start-of-chain"));
        }
        Unit target = proposed(m, below).orElseThrow(() -> new DomainException(ProblemType.MATTER_ROUTE_REFUSED,
                Messages.text("requests.route.no-unit-below")));
        UUID from = m.unitId;
        Instant now = clock.instant();
        m.sendBack(from, target.id().value(), reason, now, matterClock.addWorkingDays(now, daysAt(m, below), m.countyCode));
        matters.update(m);
        matters.event(m, now, TimelineKind.SENT_BACK, actor.id(), actor.displayName(), from, target.id().value(), reason);
        matterClock.handedOver(m);
        matterClock.notifyUnit(m, target.id().value(), Permission.MATTER_HANDLE, RequestsNoticeKinds.RECEIVED, News.SENT_BACK);
        record(m, "MATTER_SEND_BACK", reason);
        return m;
    }

    /** 合并办理: the duplicate (at the actor's unit) follows {@code intoNumber} from now on; its resident is told. */
    @Transactional
    public Matter merge(Actor actor, UUID id, @Nullable String intoNumber) {
        Matter duplicate = handled(actor, id);
        String number = Text.trimToNull(intoNumber);
        if (number == null) {
            throw DomainException.invalid("into", Messages.text("requests.merge.into-required"));
        }
        Matter into = matters.lockByNumber(duplicate.countyCode, number, scope.visible(actor))
                .orElseThrow(() -> DomainException.invalid("into", Messages.text("requests.merge.into-unknown")));
        duplicate.mergeInto(duplicate.unitId, into);
        Instant now = clock.instant();
        matters.update(duplicate);
        matters.event(duplicate, now, TimelineKind.MERGED, actor.id(), actor.displayName(), duplicate.unitId, null, into.number);
        matters.event(into, now, TimelineKind.MERGED_FROM, actor.id(), actor.displayName(), duplicate.unitId, null, duplicate.number);
        matterClock.stopped(duplicate);
        matterClock.notifyApplicant(duplicate, News.MERGED);
        record(duplicate, "MATTER_MERGE", into.number);
        return duplicate;
    }

    /** The units the actor may forward the matter to: the next level's units of its town or county. */
    public List<Unit> forwardTargets(String regionCode, Level level) {
        Level next = level.above();
        return next == null ? List.of() : units.ofKind(next.unitKind(), next.regionOf(regionCode)).stream()
                .filter(u -> u.regionCode().equals(next.regionOf(regionCode))).toList();
    }

    /** The unit of {@code level} for the matter: the committee or street office of its place, or the catalogue's department. */
    Optional<Unit> proposed(Matter m, Level level) {
        String region = level.regionOf(m.regionCode);
        List<Unit> candidates = units.ofKind(level.unitKind(), region).stream().filter(u -> u.regionCode().equals(region)).toList();
        if (level != Level.COUNTY) {
            return candidates.stream().findFirst();
        }
        String department = catalogue.version(m.countyCode, m.itemId).map(CatalogueItem::department).orElse(null);
        return department == null ? Optional.empty()
                : candidates.stream().filter(u -> u.name().endsWith(department)).findFirst();
    }

    private static void checkOnChain(Matter m, Level next, Unit target) {
        if (target.kind() != next.unitKind() || !target.regionCode().equals(next.regionOf(m.regionCode))
                || !target.active()) {
            throw new DomainException(ProblemType.MATTER_ROUTE_REFUSED,
                    Messages.text("requests.route.off-chain", target.name(), next.label()));
        }
    }

    private int itemDays(Matter m) {
        return daysAt(m, m.level);
    }

    private int daysAt(Matter m, Level level) {
        return catalogue.version(m.countyCode, m.itemId).map(i -> i.daysAt(level)).orElse(1);
    }

    private void record(Matter m, String action, @Nullable String detail) {
        audit.record(AuditEvent.success(action, "MATTER", m.id.toString(), m.regionCode).withDetail(
                detail == null ? m.number : m.number + " " + detail));
    }

    static Optional<UUID> parse(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("targetUnitId", Messages.text("requests.route.unit-unknown"));
        }
    }
}
