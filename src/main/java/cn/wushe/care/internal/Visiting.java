package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.care.VisitRecorded;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import cn.wushe.scheduling.Deadlines;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a visit (走访): who may (CARE_VISIT over the person's region, or paired with them),
 * when (not ahead of the server by more than {@link #CLOCK_SKEW}, at most {@link #MAX_AGE} old),
 * what (五了解 and 四协助), and what follows in the same transaction: the person's next visit and
 * its deadline, the 四协助 items, the audit entry and {@link VisitRecorded}.
 */
@Service
public class Visiting {

    /** A phone's clock may run a little ahead; more than this is a wrong date. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** Visits queued offline arrive late, but a week is the most a record may be back-dated. */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    static final int MAX_ASSISTS = 10;
    static final int MAX_COMPANIONS = 10;

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final CareSettingsStore settings;
    private final Deadlines deadlines;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Visiting(JdbcClient jdbc, Subjects subjects, CareSettingsStore settings, Deadlines deadlines, FieldCipher cipher,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.settings = settings;
        this.deadlines = deadlines;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Visit record(Actor actor, UUID personId, VisitDraft draft) {
        Subject subject = subjects.visible(actor, personId, true).orElseThrow(() -> TierAssessment.notFound(personId));
        if (!mayVisit(actor, subject)) {
            throw DomainException.forbidden(Messages.text("care.visit.action-record"));
        }
        TierAssessment.requireActive(subject);
        Instant now = clock.instant();
        Map<String, String> errors = new LinkedHashMap<>();
        Instant visitedAt = draft.visitedAt() == null ? now : draft.visitedAt();
        if (visitedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.put("visitedAt", Messages.text("care.visit.in-future"));
        } else if (visitedAt.isBefore(now.minus(MAX_AGE))) {
            errors.put("visitedAt", Messages.text("care.visit.too-old", MAX_AGE.toDays()));
        }
        String notes = Text.trimToNull(draft.notes());
        if (notes != null && notes.length() > 1000) {
            errors.put("notes", Messages.text("care.text.too-long", 1000));
        }
        checkPosition(draft.lat(), draft.lng(), errors);
        List<VisitDraft.AssistDraft> assists = draft.assists();
        if (assists.size() > MAX_ASSISTS) {
            errors.put("assists", Messages.text("care.assist.too-many", MAX_ASSISTS));
        }
        for (int i = 0; i < assists.size() && i < MAX_ASSISTS; i++) {
            Assists.check(assists.get(i), "assists[" + i + "].", errors);
        }
        if (draft.companions().size() > MAX_COMPANIONS) {
            errors.put("companions", Messages.text("care.visit.too-many-companions", MAX_COMPANIONS));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        LinkedHashSet<UUID> visitors = new LinkedHashSet<>();
        visitors.add(actor.id());
        visitors.addAll(draft.companions());
        Map<Aspect, Finding> findings = new EnumMap<>(Aspect.class);
        for (Aspect aspect : Aspect.values()) {
            findings.put(aspect, draft.findings().getOrDefault(aspect, Finding.OK));
        }
        boolean nothingFound = findings.values().stream().allMatch(f -> f == Finding.OK) && assists.isEmpty() && notes == null;
        Visit visit = new Visit(UUID.randomUUID(), personId, subject.countyCode(), subject.regionCode(), visitedAt, now,
                actor.id(), List.copyOf(visitors), findings, notes, draft.lat(), draft.lng(), nothingFound);
        insert(visit);
        for (VisitDraft.AssistDraft a : assists) {
            Assists.insert(jdbc, visit, a, now);
        }
        Instant due = null;
        if (subject.tier() != null) {
            Instant latest = subject.lastVisitAt() == null || visitedAt.isAfter(subject.lastVisitAt()) ? visitedAt
                    : subject.lastVisitAt();
            due = VisitCycle.afterVisit(subject.tier(), settings.of(subject.countyCode()), latest, now);
            deadlines.schedule(CareDeadlines.visitDue(personId), due);
        }
        subjects.visited(personId, visitedAt, due, now);
        audit.record(AuditEvent.success("CARE_VISIT_RECORD", "CARE_VISIT", visit.id().toString(), subject.regionCode())
                .withDetail(nothingFound ? "nothing-found" : assists.size() + " assists"));
        events.publishEvent(new VisitRecorded(visit.id(), personId, subject.countyCode(), subject.regionCode(),
                visit.visitors(), visitedAt));
        return visit;
    }

    /** CARE_VISIT over the person's region, or paired with them (结对) while holding CARE_VISIT at all. */
    public boolean mayVisit(Actor actor, Subject subject) {
        if (actor.can(Permission.CARE_VISIT, subject.regionCode())) {
            return true;
        }
        return actor.can(Permission.CARE_VISIT) && paired(actor.id(), subject.personId());
    }

    boolean paired(UUID user, UUID person) {
        return jdbc.sql("""
                select exists (select 1 from care.pairings where person_id = :person and active
                    and (social_worker_id = :user or :user = any(volunteer_ids)))""")
                .param("person", person).param("user", user).query(Boolean.class).single();
    }

    public List<Visit> ofPerson(UUID personId, int limit) {
        return jdbc.sql("select * from care.visits where person_id = :person order by visited_at desc limit :limit")
                .param("person", personId).param("limit", limit).query(this::row).list();
    }

    public Optional<Visit> find(UUID visitId) {
        return jdbc.sql("select * from care.visits where id = :id").param("id", visitId).query(this::row).optional();
    }

    private void insert(Visit v) {
        jdbc.sql("""
                insert into care.visits (county_code, id, person_id, region_code, visited_at, received_at, recorded_by, visitors,
                    health, finances, support, home, needs, notes, lat, lng, nothing_found)
                values (:county, :id, :person, :region, :visited, :received, :by, cast(:visitors as uuid[]),
                    :health, :finances, :support, :home, :needs, :notes, :lat, :lng, :nothing)""")
                .param("county", v.countyCode()).param("id", v.id()).param("person", v.personId())
                .param("region", v.regionCode()).param("visited", Timestamp.from(v.visitedAt()))
                .param("received", Timestamp.from(v.receivedAt())).param("by", v.recordedBy())
                .param("visitors", v.visitors().stream().map(UUID::toString).toArray(String[]::new))
                .param("health", v.finding(Aspect.HEALTH).name()).param("finances", v.finding(Aspect.FINANCES).name())
                .param("support", v.finding(Aspect.SUPPORT).name()).param("home", v.finding(Aspect.HOME).name())
                .param("needs", v.finding(Aspect.NEEDS).name())
                .param("notes", v.notes() == null ? null : cipher.encrypt(v.notes()))
                .param("lat", v.lat()).param("lng", v.lng()).param("nothing", v.nothingFound()).update();
    }

    private Visit row(ResultSet rs, int n) throws SQLException {
        Map<Aspect, Finding> findings = new EnumMap<>(Aspect.class);
        for (Aspect aspect : Aspect.values()) {
            findings.put(aspect, Finding.valueOf(rs.getString(aspect.field())));
        }
        String notes = rs.getString("notes");
        List<UUID> visitors = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("visitors").getArray()) {
            visitors.add((UUID) o);
        }
        return new Visit(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("county_code"),
                rs.getString("region_code"), rs.getTimestamp("visited_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), rs.getObject("recorded_by", UUID.class), visitors, findings,
                notes == null ? null : cipher.decrypt(notes), rs.getBigDecimal("lat"), rs.getBigDecimal("lng"),
                rs.getBoolean("nothing_found"));
    }

    private static void checkPosition(@Nullable BigDecimal lat, @Nullable BigDecimal lng, Map<String, String> errors) {
        if ((lat == null) != (lng == null)) {
            errors.put("lat", Messages.text("care.visit.position-pair"));
        } else if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0 || lng.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            errors.put("lat", Messages.text("care.visit.position-invalid"));
        }
    }
}
