package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups (小组工作) and community activities (社区活动), the station's work beside cases. A group
 * runs in a region of the worker's CASEWORK scope; its members (named participants, possibly people
 * under care) and its meetings' attendance and notes are private as a case's notes are: only the
 * group's worker and co-workers read them (audited), others with CASEWORK in scope see the group,
 * its topics and head counts. An activity is a date, a place and a head count (人次).
 */
@Service
public class GroupWork {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    GroupWork(JdbcClient jdbc, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record Activity(UUID id, String regionCode, String title, LocalDate heldOn, String place, int attendance,
            @Nullable String summary) {
    }

    @Transactional
    public UUID openGroup(Actor actor, @Nullable String regionCode, @Nullable String name, @Nullable String purpose,
            List<UUID> team) {
        String region = inScope(actor, regionCode);
        Map<String, String> errors = new LinkedHashMap<>();
        String groupName = text(name, "name", 200, errors);
        String groupPurpose = text(purpose, "purpose", 2000, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.groups (county_code, id, region_code, name, purpose, worker_id, team_ids, status, opened_at, version)
                values (:county, :id, :region, :name, :purpose, :me, cast(:team as uuid[]), 'OPEN', :now, 0)""")
                .param("county", region.substring(0, 6)).param("id", id).param("region", region).param("name", groupName)
                .param("purpose", groupPurpose).param("me", actor.id())
                .param("team", new LinkedHashSet<>(team).stream().map(UUID::toString).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("CARE_GROUP_OPEN", "CARE_GROUP", id.toString(), region));
        return id;
    }

    @Transactional
    public UUID addMember(Actor actor, UUID groupId, @Nullable String name, @Nullable UUID personId) {
        CareGroup group = forMember(actor, groupId);
        Map<String, String> errors = new LinkedHashMap<>();
        String memberName = text(name, "name", 100, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.group_members (county_code, id, group_id, name, person_id, joined_at)
                values (:county, :id, :group, :name, :person, :now)""")
                .param("county", group.countyCode()).param("id", id).param("group", groupId)
                .param("name", cipher.encrypt(memberName)).param("person", personId)
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("CARE_GROUP_MEMBER_ADD", "CARE_GROUP", groupId.toString(), group.regionCode()));
        return id;
    }

    @Transactional
    public UUID meeting(Actor actor, UUID groupId, @Nullable LocalDate heldOn, @Nullable String topic, List<UUID> attended,
            @Nullable String notes) {
        CareGroup group = forMember(actor, groupId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(CareFormat.CHINA));
        if (heldOn == null || heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(30))) {
            errors.put("heldOn", Messages.text("care.team.held-on-invalid", 30));
        }
        String meetingTopic = text(topic, "topic", 200, errors);
        List<UUID> present = List.copyOf(new LinkedHashSet<>(attended));
        if (!group.members().stream().map(CareGroup.Member::id).toList().containsAll(present)) {
            errors.put("attended", Messages.text("care.group.attendee-unknown"));
        }
        String note = Text.trimToNull(notes);
        if (note != null && note.length() > 2000) {
            errors.put("notes", Messages.text("care.text.too-long", 2000));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.group_meetings (county_code, id, group_id, held_on, topic, attended_ids, notes, recorded_by, recorded_at)
                values (:county, :id, :group, :held, :topic, cast(:attended as uuid[]), :notes, :me, :now)""")
                .param("county", group.countyCode()).param("id", id).param("group", groupId).param("held", heldOn)
                .param("topic", meetingTopic).param("attended", present.stream().map(UUID::toString).toArray(String[]::new))
                .param("notes", note == null ? null : cipher.encrypt(note)).param("me", actor.id())
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("CARE_GROUP_MEETING", "CARE_GROUP", groupId.toString(), group.regionCode()));
        return id;
    }

    /**
     * Ends the group with a summary of what it achieved (encrypted, read as its notes are); no
     * members or meetings are added afterwards. {@code expectedVersion} is the version the user saw
     * (If-Match), {@code null} from a page.
     */
    @Transactional
    public CareGroup closeGroup(Actor actor, UUID groupId, @Nullable String summary, @Nullable Long expectedVersion) {
        CareGroup group = forMember(actor, groupId);
        Map<String, String> errors = new LinkedHashMap<>();
        String text = text(summary, "summary", 2000, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int updated = jdbc.sql("""
                update care.groups set status = 'CLOSED', closed_at = :now, closed_by = :me, summary = :summary,
                    version = version + 1
                where county_code = :county and id = :id and status = 'OPEN'
                    and version = coalesce(cast(:version as bigint), version)""")
                .param("now", Timestamp.from(clock.instant())).param("me", actor.id()).param("summary", cipher.encrypt(text))
                .param("county", group.countyCode()).param("id", groupId).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
        audit.record(AuditEvent.success("CARE_GROUP_CLOSE", "CARE_GROUP", groupId.toString(), group.regionCode()));
        return read(actor, groupId);
    }

    /** The group; members and notes for its people (the read audited), topics and head counts for others in scope. */
    public CareGroup read(Actor actor, UUID groupId) {
        CareGroup group = load(actor, groupId);
        boolean shown = group.member(actor.id());
        if (shown) {
            audit.recordAccess(AuditEvent.success("CARE_GROUP_READ", "CARE_GROUP", groupId.toString(), group.regionCode()));
        }
        List<CareGroup.Member> members = shown ? members(group) : List.of();
        Map<UUID, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.id(), m.name()));
        List<CareGroup.Meeting> meetings = jdbc.sql("""
                select * from care.group_meetings where county_code = :county and group_id = :id order by held_on desc, recorded_at desc""")
                .param("county", group.countyCode()).param("id", groupId).query((rs, n) -> {
                    List<String> who = new ArrayList<>();
                    Object[] ids = (Object[]) rs.getArray("attended_ids").getArray();
                    if (shown) {
                        for (Object o : ids) {
                            who.add(names.getOrDefault((UUID) o, "—"));
                        }
                    }
                    String notes = rs.getString("notes");
                    return new CareGroup.Meeting(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                            rs.getString("topic"), ids.length, who, shown && notes != null ? cipher.decrypt(notes) : null);
                }).list();
        return group.shown(shown, members, meetings, group.summary() == null ? null : cipher.decrypt(group.summary()));
    }

    public Page<CareGroup> groups(Actor actor, int page, int size) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "g.county_code", "g.region_code");
        long total = jdbc.sql("select count(*) from care.groups g where " + scope.sql()).params(scope.params())
                .query(Long.class).single();
        List<CareGroup> items = jdbc.sql("select g.* from care.groups g where " + scope.sql()
                        + " order by g.status desc, g.opened_at desc limit :limit offset :offset")
                .params(scope.params()).param("limit", size).param("offset", (long) page * size).query(GroupWork::row).list();
        return Page.counted(items, total, page, size);
    }

    @Transactional
    public UUID recordActivity(Actor actor, @Nullable String regionCode, @Nullable String title, @Nullable LocalDate heldOn,
            @Nullable String place, @Nullable Integer attendance, @Nullable String summary) {
        String region = inScope(actor, regionCode);
        Map<String, String> errors = new LinkedHashMap<>();
        String activityTitle = text(title, "title", 200, errors);
        String activityPlace = text(place, "place", 200, errors);
        LocalDate today = LocalDate.now(clock.withZone(CareFormat.CHINA));
        if (heldOn == null || heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(366))) {
            errors.put("heldOn", Messages.text("care.team.held-on-invalid", 366));
        }
        if (attendance == null || attendance < 0 || attendance > 100_000) {
            errors.put("attendance", Messages.text("care.activity.attendance-invalid"));
        }
        String text = Text.trimToNull(summary);
        if (text != null && text.length() > 2000) {
            errors.put("summary", Messages.text("care.text.too-long", 2000));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.activities (county_code, id, region_code, title, held_on, place, attendance, summary, recorded_by, recorded_at)
                values (:county, :id, :region, :title, :held, :place, :attendance, :summary, :me, :now)""")
                .param("county", region.substring(0, 6)).param("id", id).param("region", region).param("title", activityTitle)
                .param("held", heldOn).param("place", activityPlace).param("attendance", attendance).param("summary", text)
                .param("me", actor.id()).param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("CARE_ACTIVITY_RECORD", "CARE_ACTIVITY", id.toString(), region));
        return id;
    }

    /** Activities in the actor's CASEWORK scope, newest first, with the total 人次 of the year. */
    public Page<Activity> activities(Actor actor, int page, int size) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "a.county_code", "a.region_code");
        long total = jdbc.sql("select count(*) from care.activities a where " + scope.sql()).params(scope.params())
                .query(Long.class).single();
        List<Activity> items = jdbc.sql("select a.* from care.activities a where " + scope.sql()
                        + " order by a.held_on desc, a.id limit :limit offset :offset")
                .params(scope.params()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Activity(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("title"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getInt("attendance"),
                        rs.getString("summary"))).list();
        return Page.counted(items, total, page, size);
    }

    /** Sum of 人次 of the activities in the actor's scope held since {@code from}. */
    public long attendanceSince(Actor actor, LocalDate from) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "a.county_code", "a.region_code");
        return jdbc.sql("select coalesce(sum(a.attendance), 0) from care.activities a where a.held_on >= :from and " + scope.sql())
                .params(scope.params()).param("from", from).query(Long.class).single();
    }

    private CareGroup forMember(Actor actor, UUID groupId) {
        CareGroup group = load(actor, groupId);
        if (!group.member(actor.id())) {
            throw DomainException.forbidden(Messages.text("care.group.action-write"));
        }
        if (!group.open()) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "name", Messages.text("care.group.closed"));
        }
        return group.shown(true, members(group), List.of(), null);
    }

    private List<CareGroup.Member> members(CareGroup group) {
        return jdbc.sql("select * from care.group_members where county_code = :county and group_id = :id order by joined_at, id")
                .param("county", group.countyCode()).param("id", group.id())
                .query((rs, n) -> new CareGroup.Member(rs.getObject("id", UUID.class), cipher.decrypt(rs.getString("name")),
                        rs.getObject("person_id", UUID.class))).list();
    }

    private CareGroup load(Actor actor, UUID groupId) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "g.county_code", "g.region_code");
        return jdbc.sql("select g.* from care.groups g where g.id = :id and " + scope.sql()).params(scope.params())
                .param("id", groupId).query(GroupWork::row).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.group")));
    }

    private static CareGroup row(ResultSet rs, int n) throws SQLException {
        List<UUID> team = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("team_ids").getArray()) {
            team.add((UUID) o);
        }
        Timestamp closed = rs.getTimestamp("closed_at");
        return new CareGroup(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("region_code"),
                rs.getString("name"), rs.getString("purpose"), rs.getObject("worker_id", UUID.class), team,
                "OPEN".equals(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(), false, List.of(), List.of(),
                rs.getLong("version"), closed == null ? null : closed.toInstant(), rs.getString("summary"));
    }

    private static String inScope(Actor actor, @Nullable String regionCode) {
        String region = Text.trimToNull(regionCode);
        if (region == null || !region.matches("[0-9][0-9A-Za-z-]{5,31}")) {
            throw DomainException.invalid("regionCode", Messages.text("care.group.region-invalid"));
        }
        if (!actor.can(Permission.CASEWORK, region)) {
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("care.group.region-out-of-scope")));
        }
        return region;
    }

    private static String text(@Nullable String raw, String field, int max, Map<String, String> errors) {
        String value = Text.trimToNull(raw);
        if (value == null) {
            errors.put(field, Messages.text("care.case.text-required"));
            return "";
        }
        if (value.length() > max) {
            errors.put(field, Messages.text("care.text.too-long", max));
        }
        return value;
    }
}
