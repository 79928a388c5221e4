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
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.scheduling.Deadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework (个案): open a case for a person under care (the opener is its worker; a supervisor and
 * a team may be named), write notes (assessment, plan, intervention, review), set goals and a review
 * date, close it with a summary. Everyone with CASEWORK over the person's region sees that a case
 * exists (404 outside); its contents and notes only the worker, the supervisor and the team, each
 * read audited ({@code AuditLog.recordAccess}); anyone else gets the case without its contents and
 * 403 on writing.
 */
@Service
public class Casework {

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final CareSettingsStore settings;
    private final Deadlines deadlines;
    private final Notifications notifications;

    Casework(JdbcClient jdbc, Subjects subjects, FieldCipher cipher, AuditLog audit, Clock clock, CareSettingsStore settings,
            Deadlines deadlines, Notifications notifications) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID open(Actor actor, UUID personId, @Nullable String intake, @Nullable UUID supervisor, List<UUID> team) {
        return open(actor, personId, intake, supervisor, team, false);
    }

    /**
     * Opens a crisis (危机干预): as a case, with its first contact due within the county's crisis
     * hours (an [L] deadline written in this transaction).
     */
    @Transactional
    public UUID openCrisis(Actor actor, UUID personId, @Nullable String situation, @Nullable UUID supervisor, List<UUID> team) {
        return open(actor, personId, situation, supervisor, team, true);
    }

    private UUID open(Actor actor, UUID personId, @Nullable String intake, @Nullable UUID supervisor, List<UUID> team,
            boolean crisis) {
        Subject subject = subjects.visible(actor, personId, false).orElseThrow(() -> TierAssessment.notFound(personId));
        if (!actor.can(Permission.CASEWORK, subject.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.case.action-open"));
        }
        String text = required(intake, "intake", 2000);
        UUID id = UUID.randomUUID();
        List<UUID> members = List.copyOf(new LinkedHashSet<>(team));
        Instant firstContactDue = crisis
                ? clock.instant().plus(Duration.ofHours(settings.of(subject.countyCode()).crisisHours())).truncatedTo(ChronoUnit.SECONDS)
                : null;
        if (firstContactDue != null) {
            deadlines.schedule(CareDeadlines.crisisContact(id), firstContactDue);
        }
        jdbc.sql("""
                insert into care.cases (county_code, id, person_id, region_code, worker_id, supervisor_id, team_ids, intake,
                    status, opened_at, version, kind, first_contact_due, next_contact_due)
                values (:county, :id, :person, :region, :worker, :supervisor, cast(:team as uuid[]), :intake, 'OPEN', :now, 0,
                    :kind, :due, :due)""")
                .param("kind", crisis ? "CRISIS" : "CASE").param("due", firstContactDue == null ? null : Timestamp.from(firstContactDue))
                .param("county", subject.countyCode()).param("id", id).param("person", personId)
                .param("region", subject.regionCode()).param("worker", actor.id()).param("supervisor", supervisor)
                .param("team", members.stream().map(UUID::toString).toArray(String[]::new))
                .param("intake", cipher.encrypt(text)).param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success(crisis ? "CARE_CRISIS_OPEN" : "CARE_CASE_OPEN", "CARE_CASE", id.toString(),
                subject.regionCode()));
        return id;
    }

    /** The case with its contents for its people (the read audited), without them for others in scope. */
    public CaseFile read(Actor actor, UUID caseId) {
        CaseFile file = load(actor, caseId);
        if (!file.member(actor.id())) {
            return file;
        }
        audit.recordAccess(AuditEvent.success("CARE_CASE_READ", "CARE_CASE", caseId.toString(), file.regionCode()));
        List<CaseFile.Note> notes = jdbc.sql("""
                select id, kind, author_id, written_at, body from care.case_notes where county_code = :county and case_id = :id
                order by written_at, id""").param("county", file.countyCode()).param("id", caseId)
                .query((rs, n) -> new CaseFile.Note(rs.getObject(1, UUID.class), CaseFile.NoteKind.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(), cipher.decrypt(rs.getString(5)))).list();
        return new CaseFile(file.id(), file.personId(), file.countyCode(), file.regionCode(), file.worker(), file.supervisor(),
                file.team(), file.intake(), file.goals(), file.reviewOn(), file.summary(), file.open(), file.openedAt(),
                file.closedAt(), file.version(), true, notes, file.crisis());
    }

    @Transactional
    public void note(Actor actor, UUID caseId, CaseFile.@Nullable NoteKind kind, @Nullable String body,
            @Nullable String goals, @Nullable LocalDate reviewOn) {
        CaseFile file = forMember(actor, caseId);
        if (kind == null) {
            throw DomainException.invalid("kind", Messages.text("care.case.note-kind-required"));
        }
        String text = required(body, "body", 2000);
        String newGoals = Text.trimToNull(goals);
        if (kind == CaseFile.NoteKind.PLAN && (newGoals == null || reviewOn == null)) {
            throw DomainException.invalid(newGoals == null ? "goals" : "reviewOn", Messages.text("care.case.plan-needs-goals"));
        }
        if (!CaseFile.NoteKind.written().contains(kind)) {
            throw DomainException.invalid("kind", Messages.text("care.case.note-kind-required"));
        }
        writeNote(actor, file, kind, text);
        if (kind == CaseFile.NoteKind.PLAN) {
            jdbc.sql("update care.cases set goals = :goals, review_on = :review, version = version + 1 where county_code = :county and id = :id")
                    .param("goals", cipher.encrypt(newGoals)).param("review", reviewOn).param("county", file.countyCode())
                    .param("id", caseId).update();
        }
        audit.record(AuditEvent.success("CARE_CASE_NOTE", "CARE_CASE", caseId.toString(), file.regionCode()).withDetail(kind.name()));
    }

    @Transactional
    public void close(Actor actor, UUID caseId, @Nullable String summary) {
        close(actor, caseId, summary, null);
    }

    @Transactional
    public void close(Actor actor, UUID caseId, @Nullable String summary, @Nullable Long expectedVersion) {
        CaseFile file = forMember(actor, caseId, expectedVersion);
        String text = required(summary, "summary", 2000);
        int updated = jdbc.sql("""
                update care.cases set status = 'CLOSED', summary = :summary, closed_at = :now, version = version + 1
                where county_code = :county and id = :id and status = 'OPEN'""")
                .param("summary", cipher.encrypt(text)).param("now", Timestamp.from(clock.instant()))
                .param("county", file.countyCode()).param("id", caseId).update();
        if (updated == 0) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "summary", Messages.text("care.case.closed"));
        }
        if (file.crisisCase()) {
            deadlines.cancel(CareDeadlines.crisisContact(caseId));
        }
        audit.record(AuditEvent.success("CARE_CASE_CLOSE", "CARE_CASE", caseId.toString(), file.regionCode()));
    }

    private void writeNote(Actor actor, CaseFile file, CaseFile.NoteKind kind, String text) {
        jdbc.sql("""
                insert into care.case_notes (county_code, id, case_id, kind, author_id, written_at, body)
                values (:county, :id, :case, :kind, :author, :now, :body)""")
                .param("county", file.countyCode()).param("id", UUID.randomUUID()).param("case", file.id())
                .param("kind", kind.name()).param("author", actor.id()).param("now", Timestamp.from(clock.instant()))
                .param("body", cipher.encrypt(text)).update();
    }

    /**
     * A contact with the person in crisis: the first one meets the first-contact deadline; each
     * moves the next contact one day on, until de-escalated.
     */
    @Transactional
    public void contact(Actor actor, UUID caseId, @Nullable String notes) {
        contact(actor, caseId, notes, null);
    }

    /** {@code expectedVersion}: the version the caller saw (If-Match), {@code null} from a page. */
    @Transactional
    public void contact(Actor actor, UUID caseId, @Nullable String notes, @Nullable Long expectedVersion) {
        CaseFile file = forCrisis(actor, caseId, expectedVersion);
        String text = required(notes, "body", 2000);
        writeNote(actor, file, CaseFile.NoteKind.CONTACT, text);
        Instant now = clock.instant();
        Instant next = now.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                update care.cases set first_contact_at = coalesce(first_contact_at, :now), next_contact_due = :next,
                    version = version + 1 where county_code = :county and id = :id""")
                .param("now", Timestamp.from(now)).param("next", Timestamp.from(next)).param("county", file.countyCode())
                .param("id", caseId).update();
        deadlines.schedule(CareDeadlines.crisisContact(caseId), next);
        audit.record(AuditEvent.success("CARE_CRISIS_CONTACT", "CARE_CASE", caseId.toString(), file.regionCode()));
    }

    @Transactional
    public void safetyPlan(Actor actor, UUID caseId, @Nullable String plan) {
        safetyPlan(actor, caseId, plan, null);
    }

    @Transactional
    public void safetyPlan(Actor actor, UUID caseId, @Nullable String plan, @Nullable Long expectedVersion) {
        CaseFile file = forCrisis(actor, caseId, expectedVersion);
        String text = required(plan, "safetyPlan", 2000);
        writeNote(actor, file, CaseFile.NoteKind.SAFETY_PLAN, text);
        jdbc.sql("update care.cases set safety_plan = :plan, version = version + 1 where county_code = :county and id = :id")
                .param("plan", cipher.encrypt(text)).param("county", file.countyCode()).param("id", caseId).update();
        audit.record(AuditEvent.success("CARE_CRISIS_SAFETY_PLAN", "CARE_CASE", caseId.toString(), file.regionCode()));
    }

    /** The crisis is over: daily contact ends (the case stays open until closed). Needs a safety plan and a first contact. */
    @Transactional
    public void deescalate(Actor actor, UUID caseId, @Nullable String reason) {
        deescalate(actor, caseId, reason, null);
    }

    @Transactional
    public void deescalate(Actor actor, UUID caseId, @Nullable String reason, @Nullable Long expectedVersion) {
        CaseFile file = forCrisis(actor, caseId, expectedVersion);
        String text = required(reason, "reason", 2000);
        if (file.crisis().firstContactAt() == null || file.crisis().safetyPlan() == null) {
            throw DomainException.invalid("reason", Messages.text("care.crisis.deescalate-early"));
        }
        writeNote(actor, file, CaseFile.NoteKind.DEESCALATION, text);
        jdbc.sql("""
                update care.cases set deescalated_at = :now, next_contact_due = null, version = version + 1
                where county_code = :county and id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("county", file.countyCode()).param("id", caseId).update();
        deadlines.cancel(CareDeadlines.crisisContact(caseId));
        audit.record(AuditEvent.success("CARE_CRISIS_DEESCALATE", "CARE_CASE", caseId.toString(), file.regionCode()));
    }

    /**
     * A crisis contact deadline fired: when the crisis still waits for that very contact (no contact,
     * de-escalation or closing moved it meanwhile), the case worker, supervisor and team are told.
     */
    @Transactional
    public void contactMissed(UUID caseId, Instant dueAt) {
        // marking the due time as told in the same statement that finds the crisis: a redelivered
        // firing (or two nodes at once, the row lock orders them) finds it marked and sends nothing
        jdbc.sql("""
                update care.cases set missed_notice_for = :due
                where id = :id and kind = 'CRISIS' and status = 'OPEN' and deescalated_at is null
                    and next_contact_due = :due and missed_notice_for is distinct from :due
                returning *""").param("id", caseId).param("due", Timestamp.from(dueAt))
                .query((rs, n) -> row(rs, false)).optional().ifPresent(file -> {
                    List<UUID> people = new ArrayList<>(new LinkedHashSet<>(file.team()));
                    people.add(0, file.worker());
                    if (file.supervisor() != null) {
                        people.add(file.supervisor());
                    }
                    notifications.send(new Notice(Recipients.users(List.copyOf(new LinkedHashSet<>(people))),
                            CareNotices.CRISIS_CONTACT_MISSED,
                            Messages.text(file.crisis().firstContactAt() == null ? "care.notice.crisis-first-missed.title"
                                    : "care.notice.crisis-daily-missed.title"),
                            Messages.text("care.notice.crisis-missed.text"), "/care/cases/" + caseId, file.regionCode()));
                });
    }

    private CaseFile forCrisis(Actor actor, UUID caseId, @Nullable Long expectedVersion) {
        CaseFile file = forMember(actor, caseId, expectedVersion);
        if (!file.crisisCase()) {
            throw DomainException.invalid("kind", Messages.text("care.crisis.not-crisis"));
        }
        if (file.crisis().deescalatedAt() != null) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "reason", Messages.text("care.crisis.deescalated"));
        }
        return file;
    }

    public Page<CaseFile> list(Actor actor, boolean openOnly, int page, int size) {
        return list(actor, openOnly, false, page, size);
    }

    /** Cases in the actor's CASEWORK scope, newest first; {@code crisesOnly} keeps the crises (危机干预). */
    public Page<CaseFile> list(Actor actor, boolean openOnly, boolean crisesOnly, int page, int size) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "c.county_code", "c.region_code");
        String where = " where " + scope.sql() + (openOnly ? " and c.status = 'OPEN'" : "")
                + (crisesOnly ? " and c.kind = 'CRISIS'" : "");
        long total = jdbc.sql("select count(*) from care.cases c" + where).params(scope.params()).query(Long.class).single();
        List<CaseFile> items = jdbc.sql("select c.* from care.cases c" + where + " order by c.opened_at desc limit :limit offset :offset")
                .params(scope.params()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> row(rs, false)).list();
        return Page.counted(items, total, page, size);
    }

    private CaseFile forMember(Actor actor, UUID caseId) {
        return forMember(actor, caseId, null);
    }

    private CaseFile forMember(Actor actor, UUID caseId, @Nullable Long expectedVersion) {
        CaseFile file = load(actor, caseId);
        if (!file.member(actor.id())) {
            throw DomainException.forbidden(Messages.text("care.case.action-write"));
        }
        if (!file.open()) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "summary", Messages.text("care.case.closed"));
        }
        // the row stays locked until this transaction ends, so the version seen is the one changed
        if (expectedVersion != null && jdbc.sql("select version from care.cases where county_code = :county and id = :id for update")
                .param("county", file.countyCode()).param("id", caseId).query(Long.class).single() != expectedVersion.longValue()) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
        return file;
    }

    private CaseFile load(Actor actor, UUID caseId) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "c.county_code", "c.region_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", caseId);
        params.put("me", actor.id());
        return jdbc.sql("select c.*, (c.worker_id = :me or c.supervisor_id = :me or :me = any(c.team_ids)) as member"
                        + " from care.cases c where c.id = :id and " + scope.sql())
                .params(params).query((rs, n) -> row(rs, rs.getBoolean("member"))).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.case")));
    }

    private CaseFile row(ResultSet rs, boolean member) throws SQLException {
        List<UUID> team = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("team_ids").getArray()) {
            team.add((UUID) o);
        }
        return new CaseFile(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("county_code"),
                rs.getString("region_code"), rs.getObject("worker_id", UUID.class), rs.getObject("supervisor_id", UUID.class),
                team, member ? decrypt(rs.getString("intake")) : null, member ? decrypt(rs.getString("goals")) : null,
                rs.getObject("review_on", LocalDate.class), member ? decrypt(rs.getString("summary")) : null,
                "OPEN".equals(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                Subjects.instant(rs, "closed_at"), rs.getLong("version"), false, List.of(),
                "CRISIS".equals(rs.getString("kind")) ? new CaseFile.Crisis(rs.getTimestamp("first_contact_due").toInstant(),
                        Subjects.instant(rs, "first_contact_at"), Subjects.instant(rs, "next_contact_due"),
                        member ? decrypt(rs.getString("safety_plan")) : null, Subjects.instant(rs, "deescalated_at")) : null);
    }

    private @Nullable String decrypt(@Nullable String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    private static String required(@Nullable String text, String field, int max) {
        String value = Text.trimToNull(text);
        if (value == null) {
            throw DomainException.invalid(field, Messages.text("care.case.text-required"));
        }
        if (value.length() > max) {
            throw DomainException.invalid(field, Messages.text("care.text.too-long", max));
        }
        return value;
    }

    /** Open cases of a person, for the person's page (metadata only). */
    public List<CaseFile> ofPerson(Actor actor, UUID personId) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.CASEWORK, "c.county_code", "c.region_code");
        return jdbc.sql("select c.* from care.cases c where c.person_id = :person and " + scope.sql() + " order by c.opened_at desc")
                .params(scope.params()).param("person", personId).query((rs, n) -> row(rs, false)).list();
    }
}
