package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 好事积分: each county keeps a list of good deeds (垃圾分类 5 分 …) that earn points besides the hours;
 * a worker or store keeper of the volunteer's community awards one by scanning the volunteer's card,
 * with a note. Credits only (a balance never goes below zero); audited.
 */
@Service
public class Deeds {

    public record Deed(UUID id, String countyCode, String name, int points) {

        public String label() {
            return Messages.text("volunteering.deed.label", name, points);
        }
    }

    public record Awarded(String deedName, int points, int balanceAfter, String volunteerName) {
    }

    /** A deed as the county's list page shows it, retired ones included. */
    public record KeptDeed(UUID id, String countyCode, String name, int points, boolean active, @Nullable Instant retiredAt,
            @Nullable String retireReason) {
    }

    /** One change of the list: added, points changed, retired, reinstated. */
    public record DeedChange(String deedName, String change, @Nullable Integer fromPoints, @Nullable Integer toPoints,
            @Nullable String reason, Instant at) {

        public String label() {
            String key = switch (change) {
                case "ADD" -> "volunteering.deed.change.add";
                case "POINTS" -> "volunteering.deed.change.points";
                case "RETIRE" -> "volunteering.deed.change.retire";
                default -> "volunteering.deed.change.reinstate";
            };
            return Messages.text(key, deedName, String.valueOf(fromPoints), String.valueOf(toPoints));
        }
    }

    /** The county's list as its keeper sees it: every deed and the latest changes. */
    public record DeedList(String countyCode, List<KeptDeed> deeds, List<DeedChange> changes) {
    }

    private static final String KEPT_COLUMNS =
            "select d.id, d.county_code, d.name, d.points, d.active, d.retired_at, d.retire_reason from volunteering.points_deeds d";
    private static final RowMapper<KeptDeed> KEPT = (rs, n) -> new KeptDeed(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getInt(4), rs.getBoolean(5), Times.instant(rs, "retired_at"), rs.getString(7));

    private final JdbcClient jdbc;
    private final Points points;
    private final AuditLog audit;
    private final Clock clock;

    Deeds(JdbcClient jdbc, Points points, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.points = points;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active deeds of the counties the actor keeps a store in ({@code POINTS_REDEEM}). */
    @Transactional(readOnly = true)
    public List<Deed> list(Actor actor) {
        List<String> counties = Points.storeCounties(actor);
        if (counties.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, county_code, name, points from volunteering.points_deeds
                where county_code in (:counties) and active order by county_code, points, name limit 200""")
                .param("counties", counties)
                .query((rs, n) -> new Deed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** Adds a deed to the county's list; only {@code ACTIVITY_MANAGE} over the whole county keeps it. */
    @Transactional
    public UUID add(Actor actor, @Nullable String countyCode, @Nullable String name, @Nullable Integer worth) {
        String county = Text.trimToNull(countyCode);
        if (county == null || !county.matches("[0-9]{6}")) {
            throw DomainException.invalid("countyCode", Messages.text("volunteering.deed.county-required"));
        }
        keeperOrRefuse(actor, county);
        String n = Text.trimToNull(name);
        if (n == null || n.length() < 2 || n.length() > 30) {
            throw DomainException.invalid("name", Messages.text("volunteering.deed.name-required"));
        }
        if (worth == null || worth < 1 || worth > 1000) {
            throw DomainException.invalid("points", Messages.text("volunteering.deed.points-range"));
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into volunteering.points_deeds (county_code, id, name, points, created_at)
                    values (:county, :id, :name, :points, :at)""")
                    .param("county", county).param("id", id).param("name", n).param("points", worth)
                    .param("at", Times.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("name", Messages.text("volunteering.deed.duplicate"));
        }
        change(actor, county, id, "ADD", null, worth, null);
        audit.record(AuditEvent.success("POINTS_DEED_ADD", "POINTS_DEED", id.toString(), county).withDetail(n + " " + worth));
        return id;
    }

    /** The county's whole list (retired deeds too) with its latest changes; only for who keeps it. */
    @Transactional(readOnly = true)
    public DeedList kept(Actor actor, String countyCode) {
        keeperOrRefuse(actor, countyCode);
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.ACTIVITY_MANAGE, "d.county_code", "d.county_code");
        List<KeptDeed> list = jdbc.sql(KEPT_COLUMNS + " where d.county_code = :county and " + scope.sql()
                        + " order by d.active desc, d.points, d.name limit 500")
                .param("county", countyCode).params(scope.params())
                .query(KEPT).list();
        List<DeedChange> changes = jdbc.sql("select d.name, c.change, c.from_points, c.to_points, c.reason, c.changed_at"
                        + " from volunteering.points_deed_changes c join volunteering.points_deeds d"
                        + " on d.county_code = c.county_code and d.id = c.deed_id"
                        + " where c.county_code = :county and " + scope.sql() + " order by c.changed_at desc limit 30")
                .param("county", countyCode).params(scope.params())
                .query((rs, n) -> new DeedChange(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getString(5), Times.required(rs, "changed_at"))).list();
        return new DeedList(countyCode, list, changes);
    }

    /** New points for a deed: awards from now on get them; awards made keep theirs (the ledger holds them). */
    @Transactional
    public void changePoints(Actor actor, UUID deedId, @Nullable Integer worth) {
        KeptDeed deed = keptOrRefuse(actor, deedId);
        if (worth == null || worth < 1 || worth > 1000) {
            throw DomainException.invalid("points", Messages.text("volunteering.deed.points-range"));
        }
        if (worth == deed.points()) {
            throw DomainException.invalid("points", Messages.text("volunteering.deed.points-unchanged"));
        }
        String county = deed.countyCode();
        jdbc.sql("update volunteering.points_deeds set points = :points where county_code = :county and id = :id")
                .param("points", worth).param("county", county).param("id", deedId).update();
        change(actor, county, deedId, "POINTS", deed.points(), worth, null);
        audit.record(AuditEvent.success("POINTS_DEED_CHANGE", "POINTS_DEED", deedId.toString(), county)
                .withDetail(deed.name() + " " + deed.points() + " → " + worth));
    }

    /** 停用: no new awards of the deed; the ledger rows that name it stay. A reason is required. */
    @Transactional
    public void retire(Actor actor, UUID deedId, @Nullable String reason) {
        KeptDeed deed = keptOrRefuse(actor, deedId);
        String why = Text.trimToNull(reason);
        if (why == null || why.length() < 2 || why.length() > 200) {
            throw DomainException.invalid("reason", Messages.text("volunteering.deed.retire-reason-required"));
        }
        if (!deed.active()) {
            throw DomainException.invalid("reason", Messages.text("volunteering.deed.already-retired"));
        }
        String county = deed.countyCode();
        jdbc.sql("""
                update volunteering.points_deeds set active = false, retired_at = :at, retire_reason = :reason
                where county_code = :county and id = :id""")
                .param("at", Times.ts(clock.instant())).param("reason", why).param("county", county).param("id", deedId).update();
        change(actor, county, deedId, "RETIRE", deed.points(), deed.points(), why);
        audit.record(AuditEvent.success("POINTS_DEED_RETIRE", "POINTS_DEED", deedId.toString(), county)
                .withReason(why).withDetail(deed.name()));
    }

    /** Takes a retired deed back on the list, unless an active deed has its name by now. */
    @Transactional
    public void reinstate(Actor actor, UUID deedId) {
        KeptDeed deed = keptOrRefuse(actor, deedId);
        if (deed.active()) {
            throw DomainException.invalid("deedId", Messages.text("volunteering.deed.not-retired"));
        }
        String county = deed.countyCode();
        try {
            jdbc.sql("""
                    update volunteering.points_deeds set active = true, retired_at = null, retire_reason = null
                    where county_code = :county and id = :id""")
                    .param("county", county).param("id", deedId).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("name", Messages.text("volunteering.deed.duplicate"));
        }
        change(actor, county, deedId, "REINSTATE", deed.points(), deed.points(), null);
        audit.record(AuditEvent.success("POINTS_DEED_REINSTATE", "POINTS_DEED", deedId.toString(), county).withDetail(deed.name()));
    }

    /**
     * The deed if the actor keeps its county's list; a deed of the actor's own county kept by the county
     * is 403 (a town or community worker), any other 404.
     */
    private KeptDeed keptOrRefuse(Actor actor, UUID deedId) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.ACTIVITY_MANAGE, "d.county_code", "d.county_code");
        Optional<KeptDeed> kept = jdbc.sql(KEPT_COLUMNS + " where d.id = :id and " + scope.sql() + " for update")
                .param("id", deedId).params(scope.params())
                .query(KEPT).optional();
        if (kept.isPresent()) {
            return kept.get();
        }
        Optional<String> own = OutcomeCatalogue.countyOf(actor);
        if (own.isPresent() && jdbc.sql("select count(*) from volunteering.points_deeds where county_code = :county and id = :id")
                .param("county", own.get()).param("id", deedId).query(Integer.class).single() > 0) {
            throw DomainException.forbidden(Messages.text("volunteering.deed.county-only"));
        }
        throw DomainException.notFound(Messages.text("volunteering.deed.not-found"));
    }

    /** Only {@code ACTIVITY_MANAGE} over the whole county keeps its points rules: 403 inside the county, else out of scope. */
    static void keeperOrRefuse(Actor actor, String county) {
        if (!OutcomeCatalogue.keeps(actor, county)) {
            if (OutcomeCatalogue.countyOf(actor).filter(county::equals).isPresent()) {
                throw DomainException.forbidden(Messages.text("volunteering.deed.county-only"));
            }
            throw DomainException.outOfScope(java.util.Map.of("countyCode", Messages.text("volunteering.deed.county-only")));
        }
    }

    private void change(Actor actor, String county, UUID deedId, String change, @Nullable Integer from, @Nullable Integer to,
            @Nullable String reason) {
        jdbc.sql("""
                insert into volunteering.points_deed_changes (county_code, id, deed_id, change, from_points, to_points, reason,
                    changed_by, changed_at)
                values (:county, :id, :deed, :change, :from, :to, :reason, :by, :at)""")
                .param("county", county).param("id", UUID.randomUUID()).param("deed", deedId).param("change", change)
                .param("from", from).param("to", to).param("reason", reason).param("by", actor.id())
                .param("at", Times.ts(clock.instant())).update();
    }

    /** Awards a deed's points to the volunteer whose card was scanned, with the worker's note. */
    @Transactional
    public Awarded award(Actor actor, @Nullable String cardCode, @Nullable UUID deedId, @Nullable String note) {
        Points.Holder v = points.holderOrRefuse(actor, cardCode);
        if (!actor.can(Permission.POINTS_REDEEM, v.communityCode())) {
            throw DomainException.notFound(Messages.text("volunteering.deed.volunteer-not-found"));
        }
        String why = Text.trimToNull(note);
        if (why == null || why.length() < 2 || why.length() > 200) {
            throw DomainException.invalid("note", Messages.text("volunteering.deed.note-required"));
        }
        Deed deed = deedId == null ? null : jdbc.sql("""
                select id, county_code, name, points from volunteering.points_deeds
                where county_code = :county and id = :id and active""")
                .param("county", v.countyCode()).param("id", deedId)
                .query((rs, n) -> new Deed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional().orElse(null);
        if (deed == null) {
            throw DomainException.invalid("deedId", Messages.text("volunteering.deed.not-found"));
        }
        Instant now = clock.instant();
        points.holdOpen(v);
        points.credit(v.countyCode(), v.communityCode(), v.id(), deed.points(), "DEED", deed.id(), why, actor.id(), now);
        audit.record(AuditEvent.success("POINTS_DEED_AWARD", v.objectType(), v.id().toString(), v.communityCode())
                .withReason(why).withDetail(deed.name() + " " + deed.points()));
        return new Awarded(deed.name(), deed.points(), points.balance(v.countyCode(), v.communityCode(), v.id()),
                cn.wushe.platform.personal.Masking.name(v.name()));
    }
}
