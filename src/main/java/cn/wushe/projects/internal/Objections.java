package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示 with objections (异议): after the committee's decision a round's recommendations are public
 * for {@value #PUBLICITY_DAYS} days. Anyone signed in may object to a recommendation with a reason
 * while the publicity runs; the bureau (ROUND_MANAGE over the application) answers each one. An
 * upheld objection stops the award (RECOMMENDED → NOT_RECOMMENDED, audited with the answer); while
 * the publicity runs, and while an objection is unanswered, the application cannot be confirmed. The filer is kept as an account id
 * only, never shown to the public or to the organization.
 */
@Service
public class Objections {

    static final int PUBLICITY_DAYS = 7;

    private final ProjectStore store;
    private final Transitions transitions;
    private final AuditLog audit;
    private final Clock clock;

    Objections(ProjectStore store, Transitions transitions, AuditLog audit, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A recommendation under publicity, as anyone signed in sees it: no person. */
    public record Publicized(UUID id, String roundTitle, String ownerName, String title, String field, BigDecimal requested,
            @Nullable BigDecimal meanScore, @Nullable Integer rank, LocalDate publicityUntil) {
    }

    public enum Status { OPEN, UPHELD, DISMISSED }

    public record Objection(UUID id, UUID applicationId, String applicationTitle, String reason, Status status,
            @Nullable String answer, Instant filedAt, @Nullable Instant answeredAt) {

        public String statusLabel() {
            return Messages.text("projects.objection.status." + status.name());
        }
    }

    /** Starts the publicity of a decided round (called by the committee's decision). */
    void startPublicity(UUID roundId) {
        store.jdbc().sql("update projects.rounds set publicity_until = :u where id = :id")
                .param("u", today().plusDays(PUBLICITY_DAYS)).param("id", roundId).update();
    }

    /** The recommendations of a county whose publicity runs today. */
    public List<Publicized> underPublicity(String countyCode) {
        return store.jdbc().sql("""
                select a.id, r.title as round_title, a.owner_name, a.title, a.field, a.requested, a.mean_score, a.rank,
                    r.publicity_until
                from projects.applications a join projects.rounds r on r.id = a.round_id
                where a.county_code = :c and a.status = 'RECOMMENDED' and r.publicity_until >= :today
                order by r.publicity_until, a.rank nulls last, a.title
                """).param("c", countyCode).param("today", today())
                .query((rs, n) -> new Publicized(rs.getObject("id", UUID.class), rs.getString("round_title"),
                        rs.getString("owner_name"), rs.getString("title"), rs.getString("field"), rs.getBigDecimal("requested"),
                        rs.getBigDecimal("mean_score"), (Integer) rs.getObject("rank"),
                        rs.getObject("publicity_until", LocalDate.class))).list();
    }

    /**
     * Files an objection to a recommendation under publicity. Public information, so any signed-in
     * actor may; an application not under publicity is 404 whoever asks.
     */
    @Transactional
    public Objection file(Actor actor, UUID applicationId, @Nullable String reason) {
        String why = Text.trimToNull(reason);
        Application a = store.jdbc().sql("""
                select a.* from projects.applications a join projects.rounds r on r.id = a.round_id
                where a.id = :id and a.status = 'RECOMMENDED' and r.publicity_until >= :today
                """).param("id", applicationId).param("today", today()).query(ProjectStore::application).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.objection.not-public")));
        if (why == null || why.length() < 4 || why.length() > 500) {
            throw DomainException.invalid("reason", Messages.text("projects.objection.reason"));
        }
        UUID id = UUID.randomUUID();
        try {
            store.jdbc().sql("insert into projects.objections (county_code, id, application_id, filed_by, reason, status, created_at) "
                            + "values (:c, :id, :a, :by, :r, 'OPEN', :at)")
                    .param("c", a.countyCode()).param("id", id).param("a", a.id()).param("by", actor.id()).param("r", why)
                    .param("at", ProjectStore.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("reason", Messages.text("projects.objection.pending"));
        }
        audit.record(AuditEvent.success("OBJECTION_FILE", Transitions.OBJECT_TYPE, a.id().toString(), a.regionCode())
                .withDetail(id.toString()));
        return find(id).orElseThrow();
    }

    /** Objections the actor may answer or read (ROUND_MANAGE / PROJECT_VIEW over the application), newest first. */
    public List<Objection> visible(Actor actor, @Nullable UUID applicationId, int limit) {
        var scope = ProjectScope.anyOf(List.of(ProjectScope.manage(actor, "a"),
                cn.wushe.platform.ScopeFilter.predicate(actor, Permission.PROJECT_VIEW, "a.county_code", "a.region_code")));
        return store.jdbc().sql("select o.*, a.title from projects.objections o join projects.applications a on a.id = o.application_id "
                        + "where " + scope.sql() + (applicationId == null ? "" : " and a.id = :app")
                        + " order by (o.status = 'OPEN') desc, o.created_at desc limit :limit")
                .params(scope.params()).params(applicationId == null ? Map.of() : Map.of("app", applicationId))
                .param("limit", limit).query(Objections::objection).list();
    }

    /**
     * The bureau's answer: upheld stops the award (the application leaves the recommendations with
     * the answer as reason), dismissed keeps it. Once per objection; 404 outside ROUND_MANAGE scope.
     */
    @Transactional
    public Objection answer(Actor actor, UUID objectionId, @Nullable Boolean upheld, @Nullable String answer) {
        UUID applicationId = store.jdbc().sql("select application_id from projects.objections where id = :id")
                .param("id", objectionId).query(UUID.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.objection.subject")));
        Application a = store.application(applicationId, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.objection.subject")));
        String text = Text.trimToNull(answer);
        if (upheld == null) {
            throw DomainException.invalid("upheld", Messages.text("projects.objection.decision"));
        }
        if (text == null || text.length() < 2 || text.length() > 500) {
            throw DomainException.invalid("answer", Messages.text("projects.objection.answer"));
        }
        int rows = store.jdbc().sql("update projects.objections set status = :s, answer = :t, answered_by = :by, answered_at = :at "
                        + "where id = :id and status = 'OPEN'")
                .param("s", upheld ? "UPHELD" : "DISMISSED").param("t", text).param("by", actor.id())
                .param("at", ProjectStore.ts(clock.instant())).param("id", objectionId).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.objection.answered"));
        }
        if (upheld && a.status() == ApplicationStatus.RECOMMENDED) {
            transitions.move(a, ApplicationStatus.NOT_RECOMMENDED, Map.of(), text);
        }
        audit.record(AuditEvent.success(upheld ? "OBJECTION_UPHOLD" : "OBJECTION_DISMISS", Transitions.OBJECT_TYPE,
                a.id().toString(), a.regionCode()).withDetail(objectionId.toString()).withReason(text));
        return find(objectionId).orElseThrow();
    }

    /**
     * Refuses a confirmation during the whole publicity of the application's round (the last day
     * included: objections may still come that day), naming the day it ends.
     */
    void requirePublicityOver(Application application) {
        List<LocalDate> running = store.jdbc().sql("select publicity_until from projects.rounds where id = :r "
                        + "and publicity_until >= :today").param("r", application.roundId()).param("today", today())
                .query(LocalDate.class).list();
        if (!running.isEmpty()) {
            LocalDate until = running.get(0);
            throw new DomainException(ProblemType.APPLICATION_STATUS,
                    Messages.text("projects.objection.publicity-blocks-confirmation", until, until.plusDays(1)));
        }
    }

    /** Refuses a confirmation while an objection to the application waits for its answer. */
    void requireNoOpenObjection(UUID applicationId) {
        boolean open = store.jdbc().sql("select exists (select 1 from projects.objections where application_id = :a and status = 'OPEN')")
                .param("a", applicationId).query(Boolean.class).single();
        if (open) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.objection.blocks-confirmation"));
        }
    }

    private java.util.Optional<Objection> find(UUID id) {
        return store.jdbc().sql("select o.*, a.title from projects.objections o join projects.applications a on a.id = o.application_id "
                + "where o.id = :id").param("id", id).query(Objections::objection).optional();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RoundManagement.CHINA));
    }

    private static Objection objection(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp answered = rs.getTimestamp("answered_at");
        return new Objection(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class), rs.getString("title"),
                rs.getString("reason"), Status.valueOf(rs.getString("status")), rs.getString("answer"),
                rs.getTimestamp("created_at").toInstant(), answered == null ? null : answered.toInstant());
    }
}
