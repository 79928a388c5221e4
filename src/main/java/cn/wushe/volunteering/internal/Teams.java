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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿服务队: a team belongs to one unit and lives at its region; volunteers join and leave with
 * dates (the membership rows stay, so a team's history is kept).
 */
@Service
public class Teams {

    public record TeamView(UUID id, String name, UUID unitId, String regionCode, long members) {
    }

    private final JdbcClient jdbc;
    private final Units units;
    private final Activities activities;
    private final AuditLog audit;
    private final Clock clock;

    Teams(JdbcClient jdbc, Units units, Activities activities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    /** A team of a unit the actor organizes for (their own, or any in the region for a region role). */
    @Transactional
    public UUID create(Actor actor, @Nullable UUID unitId, @Nullable String name, @Nullable UUID leaderUserId) {
        String n = Text.trimToNull(name);
        if (n == null || n.length() < 2 || n.length() > 60) {
            throw DomainException.invalid("name", Messages.text("volunteering.team.name-required"));
        }
        Optional<Unit> unit = unitId == null ? Optional.empty() : units.find(new UnitId(unitId));
        if (unit.isEmpty() || !unit.get().active()) {
            throw DomainException.invalid("unitId", Messages.text("volunteering.activity.organizer-required"));
        }
        boolean mayOrganize = actor.can(Permission.ACTIVITY_MANAGE, unit.get().regionCode())
                && (ActivityReach.regionWide(actor) || actor.unitIds().contains(unitId));
        if (!mayOrganize) {
            throw DomainException.outOfScope(Map.of("unitId", Messages.text("volunteering.activity.organizer-not-yours")));
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into volunteering.teams (county_code, id, unit_id, region_code, name, leader_user_id, created_at)
                    values (:county, :id, :unit, :region, :name, :leader, :at)""")
                    .param("county", unit.get().countyCode()).param("id", id).param("unit", unitId)
                    .param("region", unit.get().regionCode()).param("name", n).param("leader", leaderUserId)
                    .param("at", Times.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("name", Messages.text("volunteering.team.name-taken"));
        }
        audit.record(AuditEvent.success("TEAM_CREATE", "TEAM", id.toString(), unit.get().regionCode()));
        return id;
    }

    /** Teams inside the actor's {@code VOLUNTEER_VIEW} scope with their current member count. */
    @Transactional(readOnly = true)
    public List<TeamView> list(Actor actor) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "t.county_code", "t.region_code");
        return jdbc.sql("""
                select t.id, t.name, t.unit_id, t.region_code,
                    (select count(*) from volunteering.team_members m where m.county_code = t.county_code and m.team_id = t.id
                       and m.left_on is null)
                from volunteering.teams t where """ + scope.sql() + " order by t.region_code, t.name limit 500")
                .params(scope.params()).query((rs, i) -> new TeamView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5))).list();
    }

    /** The signed-in volunteer joins a team of their county; joining twice changes nothing. */
    @Transactional
    public void join(Actor actor, UUID teamId) {
        Volunteers.Ref me = activities.self(actor);
        String region = team(actor, teamId);
        int rows = jdbc.sql("""
                insert into volunteering.team_members (county_code, team_id, volunteer_id, joined_on)
                values (:county, :team, :me, :today) on conflict do nothing""")
                .param("county", me.countyCode()).param("team", teamId).param("me", me.id()).param("today", today()).update();
        if (rows == 1) {
            audit.record(AuditEvent.success("TEAM_JOIN", "TEAM", teamId.toString(), region));
        }
    }

    /** The signed-in volunteer leaves a team; the membership keeps its dates. */
    @Transactional
    public void leave(Actor actor, UUID teamId) {
        Volunteers.Ref me = activities.self(actor);
        String region = team(actor, teamId);
        int rows = jdbc.sql("""
                update volunteering.team_members set left_on = :today where county_code = :county and team_id = :team
                  and volunteer_id = :me and left_on is null""")
                .param("today", today()).param("county", me.countyCode()).param("team", teamId).param("me", me.id()).update();
        if (rows == 1) {
            audit.record(AuditEvent.success("TEAM_LEAVE", "TEAM", teamId.toString(), region));
        }
    }

    private String team(Actor actor, UUID teamId) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "t.county_code", "t.region_code");
        return jdbc.sql("select t.region_code from volunteering.teams t where t.id = :id and " + scope.sql())
                .param("id", teamId).params(scope.params()).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.team.not-found")));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Times.CHINA));
    }
}
