package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
        List<String> counties = actor.scopesFor(Permission.POINTS_REDEEM).stream().map(RegionScope::code)
                .filter(c -> c.length() >= 6).map(c -> c.substring(0, 6)).distinct().toList();
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
        if (!OutcomeCatalogue.keeps(actor, county)) {
            if (OutcomeCatalogue.countyOf(actor).filter(county::equals).isPresent()) {
                throw DomainException.forbidden(Messages.text("volunteering.deed.county-only"));
            }
            throw DomainException.outOfScope(java.util.Map.of("countyCode", Messages.text("volunteering.deed.county-only")));
        }
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
        audit.record(AuditEvent.success("POINTS_DEED_ADD", "POINTS_DEED", id.toString(), county).withDetail(n + " " + worth));
        return id;
    }

    /** Awards a deed's points to the volunteer whose card was scanned, with the worker's note. */
    @Transactional
    public Awarded award(Actor actor, @Nullable String cardCode, @Nullable UUID deedId, @Nullable String note) {
        UUID volunteer = points.volunteerOfCard(cardCode)
                .orElseThrow(() -> DomainException.invalid("card", Messages.text("volunteering.points.card-invalid")));
        record Holder(String county, String community, String name) {
        }
        Holder v = jdbc.sql("select county_code, community_code, real_name from volunteering.volunteers where id = :id")
                .param("id", volunteer).query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElseThrow(() -> DomainException.invalid("card", Messages.text("volunteering.points.card-invalid")));
        if (!actor.can(Permission.POINTS_REDEEM, v.community())) {
            throw DomainException.notFound(Messages.text("volunteering.deed.volunteer-not-found"));
        }
        String why = Text.trimToNull(note);
        if (why == null || why.length() < 2 || why.length() > 200) {
            throw DomainException.invalid("note", Messages.text("volunteering.deed.note-required"));
        }
        Deed deed = deedId == null ? null : jdbc.sql("""
                select id, county_code, name, points from volunteering.points_deeds
                where county_code = :county and id = :id and active""")
                .param("county", v.county()).param("id", deedId)
                .query((rs, n) -> new Deed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional().orElse(null);
        if (deed == null) {
            throw DomainException.invalid("deedId", Messages.text("volunteering.deed.not-found"));
        }
        Instant now = clock.instant();
        points.credit(v.county(), v.community(), volunteer, deed.points(), "DEED", deed.id(), why, actor.id(), now);
        audit.record(AuditEvent.success("POINTS_DEED_AWARD", "VOLUNTEER", volunteer.toString(), v.community())
                .withReason(why).withDetail(deed.name() + " " + deed.points()));
        return new Awarded(deed.name(), deed.points(), points.balance(v.county(), v.community(), volunteer),
                cn.wushe.platform.personal.Masking.name(v.name()));
    }
}
