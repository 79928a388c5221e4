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
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.Units;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双报到: a party member reports to their home community, naming the unit (or employer) they serve
 * in; the community confirms the flag and lists them with their activities and hours of a year; the
 * sending unit sees a yearly summary of its own members. Never on a public page.
 */
@Service
public class PartyReports {

    /** What the member declares about themself. */
    public record Declaration(boolean partyMember, @Nullable UUID sendingUnitId, @Nullable String sendingEmployer,
            boolean confirmed) {
    }

    /** A reported member with the activities and confirmed hours of the year. */
    public record Reported(UUID volunteerId, String realName, String communityCode, boolean confirmed,
            @Nullable String sendingUnit, long activities, long minutes) {

        public String hours() {
            return HoursFormat.hours(minutes);
        }
    }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final Units units;
    private final AuditLog audit;
    private final Clock clock;

    PartyReports(JdbcClient jdbc, Activities activities, Units units, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in volunteer's declaration as stored. */
    @Transactional(readOnly = true)
    public Declaration own(Actor actor) {
        Volunteers.Ref me = activities.self(actor);
        return jdbc.sql("""
                select party_member, sending_unit_id, sending_employer, party_confirmed from volunteering.volunteers
                where county_code = :county and id = :id""").param("county", me.countyCode()).param("id", me.id())
                .query((rs, i) -> new Declaration(rs.getBoolean(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)))
                .single();
    }

    /** Units of the volunteer's county a member may name as the one they serve in. */
    @Transactional(readOnly = true)
    public List<Unit> sendingUnits(Actor actor) {
        return units.within(activities.self(actor).countyCode()).stream().filter(Unit::active).toList();
    }

    /**
     * The member reports (or withdraws); a changed declaration waits for the community's
     * confirmation again.
     */
    @Transactional
    public void declare(Actor actor, boolean partyMember, @Nullable UUID sendingUnitId, @Nullable String sendingEmployer) {
        Volunteers.Ref me = activities.self(actor);
        String employer = Text.trimToNull(sendingEmployer);
        if (employer != null && employer.length() > 60) {
            throw DomainException.invalid("sendingEmployer", Messages.text("volunteering.party.employer-too-long"));
        }
        if (sendingUnitId != null) {
            Optional<Unit> unit = units.find(new UnitId(sendingUnitId));
            if (unit.isEmpty() || !unit.get().active() || !unit.get().countyCode().equals(me.countyCode())) {
                throw DomainException.invalid("sendingUnitId", Messages.text("volunteering.party.unit-unknown"));
            }
        }
        jdbc.sql("""
                update volunteering.volunteers set party_member = :party, sending_unit_id = :unit, sending_employer = :employer,
                    party_confirmed = party_confirmed and party_member = :party and sending_unit_id is not distinct from :unit
                        and sending_employer is not distinct from :employer,
                    version = version + 1
                where county_code = :county and id = :id""")
                .param("party", partyMember).param("unit", partyMember ? sendingUnitId : null)
                .param("employer", partyMember ? employer : null).param("county", me.countyCode()).param("id", me.id())
                .update();
        audit.record(AuditEvent.success("PARTY_DECLARE", "VOLUNTEER", me.id().toString(), me.communityCode()));
    }

    /** The reported members of the actor's {@code VOLUNTEER_VIEW} scope, with the year's activities and hours. */
    @Transactional(readOnly = true)
    public List<Reported> ofCommunity(Actor actor, int year) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "v.county_code", "v.community_code");
        List<Reported> rows = query(scope, year);
        audit.recordAccess(AuditEvent.success("PARTY_LIST", "VOLUNTEER", null, null)
                .withDetail(Messages.text("volunteering.audit.listed", rows.size())));
        return rows;
    }

    /** The sending unit's own members (confirmed by their community), with the year's activities and hours. */
    @Transactional(readOnly = true)
    public List<Reported> ofOwnUnits(Actor actor, int year) {
        SqlPredicate own = ScopeFilter.ownUnit(actor, "v.sending_unit_id");
        List<Reported> rows = query(new SqlPredicate(own.sql() + " and v.party_confirmed", own.params()), year);
        audit.recordAccess(AuditEvent.success("PARTY_UNIT_SUMMARY", "VOLUNTEER", null, null)
                .withDetail(Messages.text("volunteering.audit.listed", rows.size())));
        return rows;
    }

    /** The community confirms (or withdraws) a member's report: {@code ACTIVITY_MANAGE} over the home community. */
    @Transactional
    public void confirm(Actor actor, UUID volunteerId, boolean confirmed) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "v.county_code", "v.community_code");
        String community = jdbc.sql("select v.community_code from volunteering.volunteers v where v.id = :id and v.party_member and "
                        + scope.sql()).params(scope.params()).param("id", volunteerId).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.volunteer.not-found")));
        if (!actor.can(Permission.ACTIVITY_MANAGE, community)) {
            throw DomainException.forbidden(Messages.text("volunteering.party.not-yours"));
        }
        jdbc.sql("update volunteering.volunteers set party_confirmed = :confirmed, version = version + 1 where county_code = :county and id = :id")
                .param("confirmed", confirmed).param("county", community.substring(0, 6)).param("id", volunteerId).update();
        audit.record(AuditEvent.success(confirmed ? "PARTY_CONFIRM" : "PARTY_WITHDRAW", "VOLUNTEER", volunteerId.toString(),
                community));
    }

    private List<Reported> query(SqlPredicate where, int year) {
        java.time.Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.CHINA).toInstant();
        java.time.Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.CHINA).toInstant();
        return jdbc.sql("""
                select v.id, v.real_name, v.community_code, v.party_confirmed, v.sending_unit_id, v.sending_employer,
                    coalesce(h.activities, 0) as activities, coalesce(h.minutes, 0) as minutes
                from volunteering.volunteers v
                left join lateral (select count(distinct activity_id) filter (where kind = 'CONFIRMED') as activities, sum(minutes) as minutes
                    from volunteering.hours_ledger h where h.county_code = v.county_code and h.volunteer_id = v.id
                      and h.period_start >= :from and h.period_start < :to) h on true
                where v.party_member and """ + where.sql() + " order by v.community_code, v.real_name, v.id limit 2000")
                .params(where.params()).param("from", Times.ts(from)).param("to", Times.ts(to))
                .query(this::reported).list();
    }

    private Reported reported(ResultSet rs, int row) throws SQLException {
        UUID unit = rs.getObject("sending_unit_id", UUID.class);
        String sending = unit != null ? units.find(new UnitId(unit)).map(Unit::name).orElse(null) : rs.getString("sending_employer");
        return new Reported(rs.getObject("id", UUID.class), rs.getString("real_name"), rs.getString("community_code"),
                rs.getBoolean("party_confirmed"), sending, rs.getLong("activities"), rs.getLong("minutes"));
    }

    /** This year in China. */
    public int thisYear() {
        return LocalDate.now(clock.withZone(Times.CHINA)).getYear();
    }
}
