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
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import java.sql.Array;
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
 * Care teams (关爱帮扶小组). A county admin defines team types (CARE_SETTINGS): a follow-up form
 * (questions) and a cycle. A manager (CARE_MANAGE over the person's region) forms a team around a
 * person under care and adds members — accounts or outside contacts with name, unit, role and a
 * phone kept encrypted. Whoever may visit the person records follow-ups: when, who took part (the
 * team's members) and an answer to each question; the next one is due a cycle later. Teams are seen
 * as the person is ({@link CareScope}); a team outside it does not exist (404).
 */
@Service
public class CareTeams {

    static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    CareTeams(JdbcClient jdbc, Subjects subjects, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CareTeam.Type defineType(Actor actor, String countyCode, @Nullable String name, int cycleDays, List<String> questions) {
        if (countyCode == null || !countyCode.matches("[0-9]{6}") || !actor.can(Permission.CARE_SETTINGS, countyCode)) {
            throw DomainException.notFound(Messages.text("care.subject.settings", countyCode));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String typeName = text(name, "name", errors);
        if (cycleDays < 1 || cycleDays > 366) {
            errors.put("cycleDays", Messages.text("care.settings.range", 1, 366));
        }
        List<String> asked = questions.stream().map(Text::trimToNull).filter(q -> q != null).map(String.class::cast).toList();
        if (asked.isEmpty() || asked.size() > 20 || asked.stream().anyMatch(q -> q.length() > MAX_TEXT)) {
            errors.put("questions", Messages.text("care.team.questions-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        int added = jdbc.sql("""
                insert into care.team_types (county_code, id, name, cycle_days, questions, created_at)
                values (:county, :id, :name, :cycle, cast(:questions as text[]), :now) on conflict (county_code, name) do nothing""")
                .param("county", countyCode).param("id", id).param("name", typeName).param("cycle", cycleDays)
                .param("questions", asked.toArray(String[]::new)).param("now", Timestamp.from(clock.instant())).update();
        if (added == 0) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "name", Messages.text("care.team.type-exists"));
        }
        audit.record(AuditEvent.success("CARE_TEAM_TYPE_DEFINE", "CARE_TEAM_TYPE", id.toString(), countyCode).withDetail(typeName));
        return new CareTeam.Type(id, countyCode, typeName, cycleDays, asked);
    }

    /** The team types of the counties where the actor sees or sets care. */
    public List<CareTeam.Type> types(Actor actor) {
        List<String> counties = java.util.stream.Stream.of(Permission.CARE_VIEW, Permission.CARE_SETTINGS, Permission.CARE_VISIT)
                .flatMap(p -> actor.scopesFor(p).stream()).map(s -> s.countyCode()).distinct().toList();
        return jdbc.sql("select * from care.team_types where county_code = any(cast(:counties as text[])) order by county_code, name")
                .param("counties", counties.toArray(String[]::new)).query((rs, n) -> type(rs)).list();
    }

    @Transactional
    public UUID form(Actor actor, UUID personId, @Nullable UUID typeId, @Nullable String name) {
        Subject subject = subjects.visible(actor, personId, false).orElseThrow(() -> TierAssessment.notFound(personId));
        if (!actor.can(Permission.CARE_MANAGE, subject.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.team.action-form"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String teamName = text(name, "name", errors);
        CareTeam.Type type = typeId == null ? null : jdbc.sql("select * from care.team_types where county_code = :county and id = :id")
                .param("county", subject.countyCode()).param("id", typeId).query((rs, n) -> type(rs)).optional().orElse(null);
        if (type == null) {
            errors.put("typeId", Messages.text("care.team.type-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        LocalDate today = today();
        jdbc.sql("""
                insert into care.teams (county_code, id, person_id, region_code, type_id, name, created_by, created_at,
                    next_due_on, version)
                values (:county, :id, :person, :region, :type, :name, :me, :now, :due, 0)""")
                .param("county", subject.countyCode()).param("id", id).param("person", personId)
                .param("region", subject.regionCode()).param("type", type.id()).param("name", teamName).param("me", actor.id())
                .param("now", Timestamp.from(clock.instant())).param("due", today.plusDays(type.cycleDays())).update();
        audit.record(AuditEvent.success("CARE_TEAM_FORM", "CARE_TEAM", id.toString(), subject.regionCode()).withDetail(type.name()));
        return id;
    }

    @Transactional
    public UUID addMember(Actor actor, UUID teamId, @Nullable UUID userId, @Nullable String name, @Nullable String unit,
            @Nullable String role, @Nullable String phone) {
        CareTeam team = load(actor, teamId);
        if (!actor.can(Permission.CARE_MANAGE, team.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.team.action-member"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String memberName = text(name, "name", errors);
        String memberUnit = text(unit, "unit", errors);
        String memberRole = text(role, "role", errors);
        String memberPhone = Text.trimToNull(phone);
        if (memberPhone != null && !memberPhone.matches("[0-9+\\- ]{5,20}")) {
            errors.put("phone", Messages.text("care.team.phone-invalid"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.team_members (county_code, id, team_id, user_id, name, unit, role, phone, added_at)
                values (:county, :id, :team, :user, :name, :unit, :role, :phone, :now)""")
                .param("county", team.countyCode()).param("id", id).param("team", teamId).param("user", userId)
                .param("name", memberName).param("unit", memberUnit).param("role", memberRole)
                .param("phone", memberPhone == null ? null : cipher.encrypt(memberPhone))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("CARE_TEAM_MEMBER_ADD", "CARE_TEAM", teamId.toString(), team.regionCode()));
        return id;
    }

    /**
     * A member leaves the team with a reason; the row stays (past follow-ups name who took part).
     * {@code expectedVersion} is the team version the user saw (If-Match), {@code null} from a page.
     */
    @Transactional
    public CareTeam removeMember(Actor actor, UUID teamId, UUID memberId, @Nullable String reason, @Nullable Long expectedVersion) {
        CareTeam team = load(actor, teamId);
        if (!actor.can(Permission.CARE_MANAGE, team.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.team.action-member-remove"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", errors);
        if (team.members().stream().noneMatch(m -> m.id().equals(memberId))) {
            errors.put("memberId", Messages.text("care.team.member-unknown"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int updated = jdbc.sql("""
                update care.teams set version = version + 1
                where county_code = :county and id = :id and version = coalesce(cast(:version as bigint), version)""")
                .param("county", team.countyCode()).param("id", teamId).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
        jdbc.sql("""
                update care.team_members set removed_at = :now, removed_by = :me, removed_reason = :reason
                where county_code = :county and id = :member and team_id = :team and removed_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("me", actor.id()).param("reason", why)
                .param("county", team.countyCode()).param("member", memberId).param("team", teamId).update();
        audit.record(AuditEvent.success("CARE_TEAM_MEMBER_REMOVE", "CARE_TEAM", teamId.toString(), team.regionCode()));
        return read(actor, teamId);
    }

    @Transactional
    public UUID followUp(Actor actor, UUID teamId, @Nullable LocalDate heldOn, List<UUID> participants, List<String> answers) {
        CareTeam team = load(actor, teamId);
        if (!actor.can(Permission.CARE_VISIT, team.regionCode()) && !actor.can(Permission.CARE_MANAGE, team.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.team.action-follow-up"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = today();
        if (heldOn == null || heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(30))) {
            errors.put("heldOn", Messages.text("care.team.held-on-invalid", 30));
        }
        List<UUID> taking = List.copyOf(new LinkedHashSet<>(participants));
        List<UUID> memberIds = team.members().stream().map(CareTeam.Member::id).toList();
        if (taking.isEmpty() || !memberIds.containsAll(taking)) {
            errors.put("participants", Messages.text("care.team.participants-required"));
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < team.type().questions().size(); i++) {
            String answer = i < answers.size() ? Text.trimToNull(answers.get(i)) : null;
            if (answer == null || answer.length() > 2000) {
                errors.put("answer" + i, Messages.text("care.team.answer-required", team.type().questions().get(i)));
            } else {
                given.add(cipher.encrypt(answer));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.team_follow_ups (county_code, id, team_id, held_on, participant_ids, answers, recorded_by, recorded_at)
                values (:county, :id, :team, :held, cast(:participants as uuid[]), cast(:answers as text[]), :me, :now)""")
                .param("county", team.countyCode()).param("id", id).param("team", teamId).param("held", heldOn)
                .param("participants", taking.stream().map(UUID::toString).toArray(String[]::new))
                .param("answers", given.toArray(String[]::new)).param("me", actor.id())
                .param("now", Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                update care.teams set last_follow_up_on = greatest(last_follow_up_on, cast(:held as date)),
                    next_due_on = greatest(last_follow_up_on, cast(:held as date)) + :cycle, version = version + 1
                where county_code = :county and id = :id""")
                .param("held", heldOn).param("cycle", team.type().cycleDays()).param("county", team.countyCode())
                .param("id", teamId).update();
        audit.record(AuditEvent.success("CARE_TEAM_FOLLOW_UP", "CARE_TEAM", teamId.toString(), team.regionCode()));
        return id;
    }

    /** The team with its members' phones and its follow-ups' answers; the read is audited. */
    public CareTeam read(Actor actor, UUID teamId) {
        CareTeam team = load(actor, teamId);
        audit.recordAccess(AuditEvent.success("CARE_TEAM_READ", "CARE_TEAM", teamId.toString(), team.regionCode()));
        Map<UUID, String> names = new HashMap<>();
        team.members().forEach(m -> names.put(m.id(), m.name()));
        List<CareTeam.FormerMember> former = jdbc.sql("""
                select * from care.team_members where county_code = :county and team_id = :id and removed_at is not null
                order by removed_at desc, id""").param("county", team.countyCode()).param("id", teamId)
                .query((rs, n) -> new CareTeam.FormerMember(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("role"), rs.getTimestamp("removed_at").toInstant(), rs.getString("removed_reason"))).list();
        former.forEach(m -> names.put(m.id(), m.name()));
        List<CareTeam.FollowUp> followUps = jdbc.sql("""
                select * from care.team_follow_ups where county_code = :county and team_id = :id order by held_on desc, recorded_at desc""")
                .param("county", team.countyCode()).param("id", teamId).query((rs, n) -> {
                    List<String> who = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray("participant_ids").getArray()) {
                        who.add(names.getOrDefault((UUID) o, "—"));
                    }
                    List<String> said = Subjects.strings(rs.getArray("answers")).stream().map(cipher::decrypt).toList();
                    return new CareTeam.FollowUp(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class), who,
                            said, rs.getObject("recorded_by", UUID.class), rs.getTimestamp("recorded_at").toInstant());
                }).list();
        List<CareTeam.Member> members = team.members().stream().map(m -> new CareTeam.Member(m.id(), m.userId(), m.name(),
                m.unit(), m.role(), m.phone() == null ? null : cipher.decrypt(m.phone()))).toList();
        return new CareTeam(team.id(), team.personId(), team.countyCode(), team.regionCode(), team.type(), team.name(),
                team.lastFollowUpOn(), team.nextDueOn(), team.version(), members, followUps, former);
    }

    /** Teams the actor sees (without members), the most overdue first. */
    public Page<CareTeam> list(Actor actor, @Nullable UUID personId, int page, int size) {
        SqlPredicate scope = CareScope.visible(actor, "t");
        String where = " where " + scope.sql() + (personId == null ? "" : " and t.person_id = :person");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (personId != null) {
            params.put("person", personId);
        }
        long total = jdbc.sql("select count(*) from care.teams t" + where).params(params).query(Long.class).single();
        List<CareTeam> items = jdbc.sql("select t.*, ty.name as type_name, ty.cycle_days, ty.questions from care.teams t"
                        + " join care.team_types ty on ty.county_code = t.county_code and ty.id = t.type_id" + where
                        + " order by t.next_due_on, t.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> team(rs, List.of())).list();
        return Page.counted(items, total, page, size);
    }

    private CareTeam load(Actor actor, UUID teamId) {
        SqlPredicate scope = CareScope.visible(actor, "t");
        CareTeam team = jdbc.sql("select t.*, ty.name as type_name, ty.cycle_days, ty.questions from care.teams t"
                        + " join care.team_types ty on ty.county_code = t.county_code and ty.id = t.type_id"
                        + " where t.id = :id and " + scope.sql())
                .params(scope.params()).param("id", teamId).query((rs, n) -> team(rs, List.of())).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.team")));
        List<CareTeam.Member> members = jdbc.sql("""
                select * from care.team_members where county_code = :county and team_id = :id and removed_at is null
                order by added_at, id""").param("county", team.countyCode()).param("id", teamId)
                .query((rs, n) -> new CareTeam.Member(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("name"), rs.getString("unit"), rs.getString("role"), rs.getString("phone"))).list();
        return new CareTeam(team.id(), team.personId(), team.countyCode(), team.regionCode(), team.type(), team.name(),
                team.lastFollowUpOn(), team.nextDueOn(), team.version(), members, List.of(), List.of());
    }

    private static CareTeam team(ResultSet rs, List<CareTeam.Member> members) throws SQLException {
        CareTeam.Type type = new CareTeam.Type(rs.getObject("type_id", UUID.class), rs.getString("county_code"),
                rs.getString("type_name"), rs.getInt("cycle_days"), Subjects.strings(rs.getArray("questions")));
        return new CareTeam(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("county_code"),
                rs.getString("region_code"), type, rs.getString("name"), rs.getObject("last_follow_up_on", LocalDate.class),
                rs.getObject("next_due_on", LocalDate.class), rs.getLong("version"), members, List.of(), List.of());
    }

    private static CareTeam.Type type(ResultSet rs) throws SQLException {
        Array questions = rs.getArray("questions");
        return new CareTeam.Type(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("name"),
                rs.getInt("cycle_days"), Subjects.strings(questions));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CareFormat.CHINA));
    }

    private static String text(@Nullable String raw, String field, Map<String, String> errors) {
        String value = Text.trimToNull(raw);
        if (value == null) {
            errors.put(field, Messages.text("care.case.text-required"));
            return "";
        }
        if (value.length() > MAX_TEXT) {
            errors.put(field, Messages.text("care.text.too-long", MAX_TEXT));
        }
        return value;
    }
}
