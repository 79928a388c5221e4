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

    /** A team as its page lists it: the unit's name, the leader's name, whether the viewer belongs to it. */
    public record TeamRow(UUID id, String name, String unitName, String regionCode, long members,
            @Nullable String leaderName, boolean mine) {
    }

    /** A membership with its dates and the member's confirmed hours in the team's activities. */
    public record Member(UUID volunteerId, String realName, LocalDate joinedOn, @Nullable LocalDate leftOn,
            long teamMinutes, boolean leader) {

        public String hours() {
            return HoursFormat.hours(teamMinutes);
        }
    }

    /**
     * One team's page. {@code members} is filled only for those who run it (a worker who sees the
     * region, the unit's own staff, its leader); a volunteer sees the counts and their own membership.
     */
    public record TeamDetail(TeamRow team, boolean manages, boolean member, List<Member> members, long minutes,
            long activities) {

        public String hours() {
            return HoursFormat.hours(minutes);
        }
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

    /**
     * The teams the actor may see: a worker's region ({@code VOLUNTEER_VIEW}), the teams of their own
     * units or that they lead, and for a volunteer the teams of their county (to join one).
     */
    @Transactional(readOnly = true)
    public List<TeamRow> rows(Actor actor) {
        SqlPredicate seen = seen(actor);
        UUID me = actor.can(Permission.VOLUNTEER_SELF) ? activities.self(actor).id() : null;
        return jdbc.sql(ROW + " where " + seen.sql() + " order by t.region_code, t.name limit 500")
                .params(seen.params()).param("me", me).query((rs, i) -> row(rs)).list();
    }

    @Transactional(readOnly = true)
    public TeamDetail detail(Actor actor, UUID teamId) {
        SqlPredicate seen = seen(actor);
        UUID me = actor.can(Permission.VOLUNTEER_SELF) ? activities.self(actor).id() : null;
        TeamRow row = jdbc.sql(ROW + " where t.id = :id and " + seen.sql()).params(seen.params()).param("id", teamId)
                .param("me", me).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.team.not-found")));
        boolean manages = manages(actor, teamId);
        String county = row.regionCode().substring(0, 6);
        List<Member> members = !manages ? List.of() : jdbc.sql("""
                select m.volunteer_id, v.real_name, m.joined_on, m.left_on, v.user_id is not null and v.user_id = t.leader_user_id,
                    coalesce((select sum(h.minutes) from volunteering.hours_ledger h where h.county_code = m.county_code
                        and h.volunteer_id = m.volunteer_id and h.team_id = m.team_id), 0)
                from volunteering.team_members m
                join volunteering.teams t on t.county_code = m.county_code and t.id = m.team_id
                join volunteering.volunteers v on v.county_code = m.county_code and v.id = m.volunteer_id
                where m.county_code = :county and m.team_id = :team
                order by m.left_on is not null, m.left_on desc, v.real_name, m.joined_on""")
                .param("county", county).param("team", teamId)
                .query((rs, i) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getLong(6), rs.getBoolean(5))).list();
        if (manages) {
            audit.recordAccess(AuditEvent.success("TEAM_VIEW", "TEAM", teamId.toString(), row.regionCode())
                    .withDetail(Messages.text("volunteering.audit.listed", members.size())));
        }
        long[] totals = jdbc.sql("""
                select coalesce((select sum(minutes) from volunteering.hours_ledger where county_code = :county and team_id = :team), 0),
                       (select count(*) from volunteering.activities where county_code = :county and team_id = :team)""")
                .param("county", county).param("team", teamId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        boolean member = me != null && row.mine();
        return new TeamDetail(row, manages, member, members, totals[0], totals[1]);
    }

    /** Whoever runs the team names its leader: a current member with an account. */
    @Transactional
    public void appointLeader(Actor actor, UUID teamId, @Nullable UUID volunteerId) {
        String region = managedOrRefuse(actor, teamId);
        Optional<UUID> user = volunteerId == null ? Optional.empty() : jdbc.sql("""
                select v.user_id from volunteering.team_members m join volunteering.volunteers v
                  on v.county_code = m.county_code and v.id = m.volunteer_id
                where m.county_code = :county and m.team_id = :team and m.volunteer_id = :volunteer and m.left_on is null
                  and v.user_id is not null""")
                .param("county", region.substring(0, 6)).param("team", teamId).param("volunteer", volunteerId)
                .query(UUID.class).optional();
        if (user.isEmpty()) {
            throw DomainException.invalid("volunteerId", Messages.text("volunteering.team.leader-not-member"));
        }
        jdbc.sql("update volunteering.teams set leader_user_id = :user where county_code = :county and id = :team")
                .param("user", user.get()).param("county", region.substring(0, 6)).param("team", teamId).update();
        audit.record(AuditEvent.success("TEAM_LEADER", "TEAM", teamId.toString(), region).withDetail(volunteerId.toString()));
    }

    /** Whoever runs the team ends a membership (the member left); the row keeps both dates. */
    @Transactional
    public void endMembership(Actor actor, UUID teamId, UUID volunteerId) {
        String region = managedOrRefuse(actor, teamId);
        int rows = jdbc.sql("""
                update volunteering.team_members set left_on = :today where county_code = :county and team_id = :team
                  and volunteer_id = :volunteer and left_on is null""")
                .param("today", today()).param("county", region.substring(0, 6)).param("team", teamId)
                .param("volunteer", volunteerId).update();
        if (rows == 0) {
            throw DomainException.invalid("volunteerId", Messages.text("volunteering.team.not-a-member"));
        }
        audit.record(AuditEvent.success("TEAM_MEMBER_END", "TEAM", teamId.toString(), region).withDetail(volunteerId.toString()));
    }

    /** Runs the team: a worker with {@code ACTIVITY_MANAGE} over its region, its unit's staff, or its leader. */
    boolean manages(Actor actor, UUID teamId) {
        SqlPredicate runs = runs(actor);
        return jdbc.sql("select exists (select 1 from volunteering.teams t where t.id = :id and " + runs.sql() + ")")
                .params(runs.params()).param("id", teamId).query(Boolean.class).single();
    }

    /** The team's region when the actor sees it (its page), else not found. */
    String seenOrNotFound(Actor actor, UUID teamId) {
        SqlPredicate seen = seen(actor);
        return jdbc.sql("select t.region_code from volunteering.teams t where t.id = :id and " + seen.sql())
                .params(seen.params()).param("id", teamId).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.team.not-found")));
    }

    /** Whether the volunteer is a current member of the team. */
    boolean isMember(String countyCode, UUID teamId, UUID volunteerId) {
        return jdbc.sql("""
                select exists (select 1 from volunteering.team_members where county_code = :county and team_id = :team
                  and volunteer_id = :volunteer and left_on is null)""")
                .param("county", countyCode).param("team", teamId).param("volunteer", volunteerId).query(Boolean.class).single();
    }

    private String managedOrRefuse(Actor actor, UUID teamId) {
        if (!manages(actor, teamId)) {
            SqlPredicate seen = seen(actor);
            boolean visible = jdbc.sql("select exists (select 1 from volunteering.teams t where t.id = :id and " + seen.sql() + ")")
                    .params(seen.params()).param("id", teamId).query(Boolean.class).single();
            if (visible) {
                throw DomainException.forbidden(Messages.text("volunteering.team.not-yours"));
            }
            throw DomainException.notFound(Messages.text("volunteering.team.not-found"));
        }
        return jdbc.sql("select region_code from volunteering.teams where id = :id").param("id", teamId)
                .query(String.class).single();
    }

    private static SqlPredicate runs(Actor actor) {
        SqlPredicate region = ScopeFilter.predicate(actor, Permission.ACTIVITY_MANAGE, "t.county_code", "t.region_code");
        if (ActivityReach.regionWide(actor)) {
            return region;
        }
        SqlPredicate unit = ScopeFilter.ownUnit(actor, "t.unit_id");
        Map<String, Object> params = new java.util.TreeMap<>(unit.params());
        params.put("runs_leader", actor.id());
        return region.and(new SqlPredicate("(" + unit.sql() + " or t.leader_user_id = :runs_leader)", params));
    }

    private static SqlPredicate seen(Actor actor) {
        SqlPredicate seen = either(ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "t.county_code", "t.region_code"),
                runs(actor), "r_");
        return actor.can(Permission.VOLUNTEER_SELF)
                ? either(seen, ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "t.county_code", "t.region_code"), "s_")
                : seen;
    }

    /** Either predicate; the second's parameters are renamed with {@code prefix}, as both families use the same names. */
    static SqlPredicate either(SqlPredicate first, SqlPredicate second, String prefix) {
        String sql = second.sql();
        Map<String, Object> params = new java.util.TreeMap<>(first.params());
        for (Map.Entry<String, Object> p : second.params().entrySet()) {
            sql = sql.replaceAll(":" + p.getKey() + "(?![A-Za-z0-9_])", ":" + prefix + p.getKey());
            params.put(prefix + p.getKey(), p.getValue());
        }
        return new SqlPredicate("(" + first.sql() + " or " + sql + ")", params);
    }

    private static final String ROW = """
            select t.id, t.name, t.unit_id, t.region_code,
                (select count(*) from volunteering.team_members m where m.county_code = t.county_code and m.team_id = t.id
                   and m.left_on is null) as members,
                (select v.real_name from volunteering.volunteers v where v.user_id = t.leader_user_id) as leader,
                exists (select 1 from volunteering.team_members m where m.county_code = t.county_code and m.team_id = t.id
                   and m.volunteer_id = :me and m.left_on is null) as mine
            from volunteering.teams t""";

    private TeamRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID unit = rs.getObject("unit_id", UUID.class);
        String unitName = units.find(new UnitId(unit)).map(Unit::name).orElse("");
        return new TeamRow(rs.getObject("id", UUID.class), rs.getString("name"), unitName, rs.getString("region_code"),
                rs.getLong("members"), rs.getString("leader"), rs.getBoolean("mine"));
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
