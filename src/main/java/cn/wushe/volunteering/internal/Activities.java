package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.Units;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities (志愿活动) and occurrences of recurring services: organized by a unit (or a team of it),
 * at a venue with a radius, with slots, a waitlist and a cancellation cut-off; who sees and who
 * organizes one. Volunteers enrol through {@link Enrolments}; a reminder goes to the enrolled a day
 * before through notifications and a deadline.
 */
@Service
public class Activities implements DeadlineHandler {

    public static final NoticeKind REMINDER = NoticeKind.optional("volunteering.reminder", "volunteering.notice.reminder");
    static final String REMINDER_DEADLINE = "volunteering.reminder";
    static final Duration REMINDER_BEFORE = Duration.ofHours(24);
    public static final List<String> SERVICE_LINES = List.of("COMMUNITY", "ELDERLY", "CHILDREN", "ENVIRONMENT",
            "CIVILIZATION", "EMERGENCY", "OTHER");

    public record NewActivity(@Nullable String title, @Nullable String serviceLine, @Nullable String regionCode,
            @Nullable UUID organizerUnitId, @Nullable UUID teamId, @Nullable Boolean teamOnly, @Nullable Instant startsAt,
            @Nullable Instant endsAt, @Nullable Instant cancelCutoff, @Nullable String venueName,
            @Nullable Double venueLat, @Nullable Double venueLng, @Nullable Integer radiusM, @Nullable Integer slots,
            @Nullable List<String> skills) {
    }

    public record ActivityView(UUID id, String countyCode, String regionCode, UUID organizerUnitId,
            @Nullable UUID teamId, boolean teamOnly, String title, String serviceLine, Instant startsAt, Instant endsAt,
            Instant cancelCutoff, String venueName, double venueLat, double venueLng, int radiusM, int slots,
            List<String> skills, String status, int enrolled, int waitlisted, long version) {

        public String serviceLineLabel() {
            return Labels.of("line", serviceLine);
        }

        public String statusLabel() {
            return Labels.of("status", status);
        }

        public int freeSlots() {
            return Math.max(0, slots - enrolled);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Units units;
    private final Volunteers volunteers;
    private final Deadlines deadlines;
    private final Notifications notifications;

    Activities(JdbcClient jdbc, AuditLog audit, Clock clock, Units units, Volunteers volunteers, Deadlines deadlines,
            Notifications notifications) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.units = units;
        this.volunteers = volunteers;
        this.deadlines = deadlines;
        this.notifications = notifications;
    }

    @Transactional
    public UUID create(Actor actor, NewActivity in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = Text.trimToNull(in.title());
        if (title == null || title.length() < 2 || title.length() > 60) {
            errors.put("title", Messages.text("volunteering.activity.title-required"));
        }
        if (in.serviceLine() == null || !SERVICE_LINES.contains(in.serviceLine())) {
            errors.put("serviceLine", Messages.text("volunteering.activity.service-line-required"));
        }
        String region = Text.trimToNull(in.regionCode());
        if (region == null || !region.matches("[0-9]{6}([0-9]{3}){0,2}")) {
            errors.put("regionCode", Messages.text("volunteering.activity.region-required"));
        }
        Instant now = clock.instant();
        if (in.startsAt() == null || in.endsAt() == null || !in.endsAt().isAfter(in.startsAt())) {
            errors.put("endsAt", Messages.text("volunteering.activity.window-invalid"));
        } else if (in.endsAt().isBefore(now)) {
            errors.put("endsAt", Messages.text("volunteering.activity.window-past"));
        } else if (Duration.between(in.startsAt(), in.endsAt()).toHours() > 24) {
            errors.put("endsAt", Messages.text("volunteering.activity.window-too-long"));
        }
        String venue = Text.trimToNull(in.venueName());
        if (venue == null || venue.length() > 60) {
            errors.put("venueName", Messages.text("volunteering.activity.venue-required"));
        }
        if (in.venueLat() == null || in.venueLng() == null || Math.abs(in.venueLat()) > 90 || Math.abs(in.venueLng()) > 180) {
            errors.put("venueLat", Messages.text("volunteering.activity.position-required"));
        }
        int radius = in.radiusM() == null ? 200 : in.radiusM();
        if (radius < 20 || radius > 5000) {
            errors.put("radiusM", Messages.text("volunteering.activity.radius-range"));
        }
        if (in.slots() == null || in.slots() < 1 || in.slots() > 10000) {
            errors.put("slots", Messages.text("volunteering.activity.slots-range"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!actor.can(Permission.ACTIVITY_MANAGE, region)) {
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("volunteering.activity.out-of-scope")));
        }
        UUID organizer = organizer(actor, in, region);
        Instant cutoff = in.cancelCutoff() != null ? in.cancelCutoff() : in.startsAt().minus(Duration.ofHours(2));
        if (cutoff.isAfter(in.startsAt())) {
            cutoff = in.startsAt();
        }
        UUID id = UUID.randomUUID();
        insert(id, region, organizer, in.teamId(), Boolean.TRUE.equals(in.teamOnly()), title, in.serviceLine(), in.startsAt(), in.endsAt(),
                cutoff, venue, in.venueLat(), in.venueLng(), radius, in.slots(), in.skills(), null, actor.id());
        if (in.startsAt().minus(REMINDER_BEFORE).isAfter(now)) {
            deadlines.schedule(new DeadlineRef(REMINDER_DEADLINE, "activity", id.toString()), in.startsAt().minus(REMINDER_BEFORE));
        }
        audit.record(AuditEvent.success("ACTIVITY_CREATE", "ACTIVITY", id.toString(), region));
        return id;
    }

    void insert(UUID id, String region, UUID organizer, @Nullable UUID team, boolean teamOnly, String title,
            String serviceLine, Instant startsAt, Instant endsAt, Instant cutoff, String venue, double lat, double lng,
            int radius, int slots, @Nullable List<String> skills, @Nullable UUID series, UUID createdBy) {
        jdbc.sql("""
                insert into volunteering.activities (county_code, id, region_code, organizer_unit_id, team_id, team_only,
                    title, service_line, starts_at, ends_at, cancel_cutoff, venue_name, venue_lat, venue_lng, radius_m,
                    slots, skills, status, series_id, created_by, created_at)
                values (:county, :id, :region, :organizer, :team, :teamOnly, :title, :line, :starts, :ends, :cutoff,
                    :venue, :lat, :lng, :radius, :slots, :skills, 'OPEN', :series, :by, :at)""")
                .param("county", region.substring(0, 6)).param("id", id).param("region", region)
                .param("organizer", organizer).param("team", team).param("teamOnly", teamOnly).param("title", title)
                .param("line", serviceLine).param("starts", Times.ts(startsAt)).param("ends", Times.ts(endsAt))
                .param("cutoff", Times.ts(cutoff)).param("venue", venue).param("lat", lat).param("lng", lng)
                .param("radius", radius).param("slots", slots)
                .param("skills", skills == null ? new String[0] : skills.stream().limit(10).toArray(String[]::new))
                .param("series", series).param("by", createdBy).param("at", Times.ts(clock.instant())).update();
        jdbc.sql("""
                insert into volunteering.activity_slots (county_code, activity_id, slot_no)
                select :county, :id, g.n from generate_series(1, :slots) g(n)""")
                .param("county", region.substring(0, 6)).param("id", id).param("slots", slots).update();
    }

    /** The organizing unit: one of the actor's own units; a region role may name any unit of the region. */
    private UUID organizer(Actor actor, NewActivity in, String region) {
        if (in.teamId() != null) {
            Optional<UUID> teamUnit = jdbc.sql("""
                    select unit_id from volunteering.teams where county_code = :county and id = :team
                      and (leader_user_id = :me or :regionWide)""")
                    .param("county", region.substring(0, 6)).param("team", in.teamId()).param("me", actor.id())
                    .param("regionWide", ActivityReach.regionWide(actor)).query(UUID.class).optional();
            return teamUnit.orElseThrow(() -> DomainException.invalid("teamId", Messages.text("volunteering.activity.team-not-yours")));
        }
        UUID unit = in.organizerUnitId();
        if (unit == null && actor.unitIds().size() == 1) {
            unit = actor.unitIds().iterator().next();
        }
        if (unit == null) {
            throw DomainException.invalid("organizerUnitId", Messages.text("volunteering.activity.organizer-required"));
        }
        Optional<Unit> found = units.find(new UnitId(unit));
        boolean allowed = found.isPresent() && found.get().active() && (actor.unitIds().contains(unit)
                || ActivityReach.regionWide(actor) && actor.can(Permission.ACTIVITY_MANAGE, found.get().regionCode()));
        if (!allowed) {
            throw DomainException.invalid("organizerUnitId", Messages.text("volunteering.activity.organizer-not-yours"));
        }
        return unit;
    }

    /** Activities the actor organizes, newest first. */
    @Transactional(readOnly = true)
    public Page<ActivityView> managed(Actor actor, int page, int size) {
        SqlPredicate reach = ActivityReach.manages(actor);
        Map<String, Object> params = new LinkedHashMap<>(reach.params());
        params.put("order_now", Times.ts(clock.instant()));
        // the running and coming ones first, soonest first; then the past, latest first
        return list(new SqlPredicate(reach.sql(), params), page, size,
                "a.ends_at < :order_now, case when a.ends_at >= :order_now then a.starts_at end, a.starts_at desc");
    }

    /** Open activities a volunteer may take: in their county, not ended, open or of a team they belong to. */
    @Transactional(readOnly = true)
    public Page<ActivityView> openTo(Actor actor, int page, int size) {
        Volunteers.Ref me = self(actor);
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "a.county_code", "a.region_code");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("me", me.id());
        params.put("now", Times.ts(clock.instant()));
        return list(new SqlPredicate(scope.sql() + " and a.status = 'OPEN' and a.ends_at > :now and (not a.team_only or "
                + TEAM_MEMBER + ")", params), page, size, "a.starts_at");
    }

    static final String TEAM_MEMBER = """
            exists (select 1 from volunteering.team_members m where m.county_code = a.county_code and m.team_id = a.team_id
                    and m.volunteer_id = :me and m.left_on is null)""";

    private Page<ActivityView> list(SqlPredicate where, int page, int size, String order) {
        long total = jdbc.sql("select count(*) from volunteering.activities a where " + where.sql()).params(where.params())
                .query(Long.class).single();
        List<ActivityView> items = jdbc.sql(SELECT + " where " + where.sql() + " order by " + order + ", a.id limit :limit offset :offset")
                .params(where.params()).param("limit", size).param("offset", (long) page * size).query(Activities::view).list();
        return Page.counted(items, total, page, size);
    }

    /** An activity the actor organizes, or may see as a volunteer of its county; 404 otherwise. */
    @Transactional(readOnly = true)
    public ActivityView detail(Actor actor, UUID id) {
        return visible(actor, id).orElseThrow(Activities::notFound);
    }

    Optional<ActivityView> visible(Actor actor, UUID id) {
        SqlPredicate reach = ActivityReach.manages(actor);
        Optional<ActivityView> managed = find(id, reach);
        if (managed.isPresent()) {
            return managed;
        }
        SqlPredicate viewer = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "a.county_code", "a.region_code");
        Optional<ActivityView> viewed = find(id, viewer);
        if (viewed.isPresent()) {
            return viewed;
        }
        return find(id, ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "a.county_code", "a.region_code"));
    }

    /** Whether the actor organizes the activity (sees its code, list and confirmation). */
    @Transactional(readOnly = true)
    public boolean organizes(Actor actor, UUID id) {
        return find(id, ActivityReach.manages(actor)).isPresent();
    }

    /** The activity as the check-in page names it, if the volunteer's county holds it. */
    @Transactional(readOnly = true)
    public Optional<ActivityView> find(Actor actor, UUID id) {
        return find(id, ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "a.county_code", "a.region_code"));
    }

    /** The activity if the actor organizes it; 403 when they only see it, 404 when they do not. */
    ActivityView managedOrRefuse(Actor actor, UUID id) {
        Optional<ActivityView> managed = find(id, ActivityReach.manages(actor));
        if (managed.isPresent()) {
            return managed.get();
        }
        if (visible(actor, id).isPresent()) {
            throw DomainException.forbidden(Messages.text("volunteering.activity.not-organizer"));
        }
        throw notFound();
    }

    Optional<ActivityView> find(UUID id, SqlPredicate where) {
        return jdbc.sql(SELECT + " where a.id = :id and " + where.sql()).param("id", id).params(where.params())
                .query(Activities::view).optional();
    }

    /** Locks the activity's row: changes of one activity (cancellations, a moved occurrence) queue on it. */
    void lock(ActivityView a) {
        jdbc.sql("select 1 from volunteering.activities where county_code = :county and id = :id for update")
                .param("county", a.countyCode()).param("id", a.id()).query(Integer.class).single();
    }

    static DomainException notFound() {
        return DomainException.notFound(Messages.text("volunteering.activity.not-found"));
    }

    Volunteers.Ref self(Actor actor) {
        volunteers.own(actor);
        return volunteers.refOfUser(actor.id())
                .orElseThrow(() -> DomainException.forbidden(Messages.text("volunteering.volunteer.no-profile")));
    }

    /** Writes the slot rows of activities written by COPY (the demo); an activity with slot rows keeps them. */
    public int writeMissingSlots(String county) {
        return jdbc.sql("""
                insert into volunteering.activity_slots (county_code, activity_id, slot_no)
                select a.county_code, a.id, g.n from volunteering.activities a cross join lateral generate_series(1, a.slots) g(n)
                where a.county_code = :county and a.status = 'OPEN'
                on conflict do nothing""").param("county", county).update();
    }

    /** The reminder a day before: to every enrolled volunteer with an account. */
    @Override
    public Set<String> kinds() {
        return Set.of(REMINDER_DEADLINE);
    }

    @Override
    public void onDue(DeadlineDue due) {
        if (!due.is(REMINDER_DEADLINE)) {
            return;
        }
        UUID id = UUID.fromString(due.deadline().objectId());
        Optional<ActivityView> a = find(id, ScopeFilter.unscoped("a deadline of the module's own activity fired"));
        if (a.isEmpty() || !a.get().status().equals("OPEN")) {
            return;
        }
        List<UUID> users = jdbc.sql("""
                select v.user_id from volunteering.enrolments e join volunteering.volunteers v
                  on v.county_code = e.county_code and v.id = e.volunteer_id
                where e.county_code = :county and e.activity_id = :activity and e.status = 'ENROLLED' and v.user_id is not null""")
                .param("county", a.get().countyCode()).param("activity", id).query(UUID.class).list();
        if (!users.isEmpty()) {
            notifications.send(new Notice(Recipients.users(users), REMINDER,
                    Messages.text("volunteering.notice.reminder-title", a.get().title()),
                    Messages.text("volunteering.notice.reminder-text", a.get().venueName()),
                    "/volunteering/activities/" + id, a.get().regionCode()));
        }
    }

    static final String SELECT = """
            select a.id, a.county_code, a.region_code, a.organizer_unit_id, a.team_id, a.team_only, a.title, a.service_line,
                a.starts_at, a.ends_at, a.cancel_cutoff, a.venue_name, a.venue_lat, a.venue_lng, a.radius_m, a.slots,
                a.skills, a.status, a.version,
                (select count(*) from volunteering.enrolments e where e.county_code = a.county_code and e.activity_id = a.id
                   and e.status = 'ENROLLED') as enrolled,
                (select count(*) from volunteering.enrolments e where e.county_code = a.county_code and e.activity_id = a.id
                   and e.status = 'WAITLISTED') as waitlisted
            from volunteering.activities a""";

    static ActivityView view(ResultSet rs, int row) throws SQLException {
        java.sql.Array skills = rs.getArray("skills");
        return new ActivityView(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("region_code"),
                rs.getObject("organizer_unit_id", UUID.class), rs.getObject("team_id", UUID.class),
                rs.getBoolean("team_only"), rs.getString("title"), rs.getString("service_line"),
                Times.required(rs, "starts_at"), Times.required(rs, "ends_at"), Times.required(rs, "cancel_cutoff"),
                rs.getString("venue_name"), rs.getDouble("venue_lat"), rs.getDouble("venue_lng"), rs.getInt("radius_m"),
                rs.getInt("slots"), skills == null ? List.of() : Arrays.asList((String[]) skills.getArray()),
                rs.getString("status"), rs.getInt("enrolled"), rs.getInt("waitlisted"), rs.getLong("version"));
    }
}
