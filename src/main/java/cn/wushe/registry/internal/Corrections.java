package cn.wushe.registry.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community worker's queue of residents' correction requests (更正申请), inside their edit
 * scope. The worker corrects the record through the ordinary edit, then accepts the request, or
 * rejects it with a reason ({@link Correction}).
 */
@Service
public class Corrections {

    private final JdbcClient jdbc;
    private final CorrectionRequests requests;
    private final ApplicationEventPublisher events;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Corrections(JdbcClient jdbc, CorrectionRequests requests, ApplicationEventPublisher events, FieldCipher cipher, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<CorrectionRequest> openQueue(Actor actor) {
        SqlPredicate edit = Scopes.edit(actor, "r");
        List<CorrectionRequest> open = jdbc.sql("""
                select r.id, r.person_id, p.name, r.field, r.proposed_value_enc, r.note, r.status, r.requested_at, r.handling_note,
                    r.due_at, r.due_at < :now as overdue
                from registry.correction_requests r join registry.people p on p.id = r.person_id
                where r.status = 'OPEN' and """ + edit.sql() + " order by r.due_at, r.requested_at limit 200")
                .params(edit.params()).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new CorrectionRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), CorrectableField.valueOf(rs.getString(4)), cipher.decrypt(rs.getString(5)),
                        rs.getString(6), rs.getString(7), java.time.LocalDateTime.ofInstant(rs.getTimestamp(8).toInstant(), cn.wushe.platform.ClockConfiguration.ZONE), rs.getString(9),
                        java.time.LocalDateTime.ofInstant(rs.getTimestamp(10).toInstant(), cn.wushe.platform.ClockConfiguration.ZONE), rs.getBoolean(11)))
                .list();
        if (!open.isEmpty()) {
            audit.record(AuditEvent.success("CORRECTION_QUEUE_READ", "PERSON", null, PersonReading.countyOf(actor))
                    .withDetail("requests=" + open.size()));
        }
        return open;
    }

    /** How many correction requests inside the actor's edit scope wait for an answer, and how many of them are overdue. */
    public record Due(long open, long overdue) {
    }

    /** The correction requests waiting for the actor: one indexed count, no personal data read (so not audited). */
    @Transactional(readOnly = true)
    public Due due(Actor actor) {
        if (!actor.can(cn.wushe.platform.Permission.PERSON_EDIT)) {
            return new Due(0, 0);
        }
        SqlPredicate edit = Scopes.edit(actor, "r");
        return jdbc.sql("select count(*), count(*) filter (where r.due_at < :now) from registry.correction_requests r"
                        + " where r.status = 'OPEN' and " + edit.sql())
                .params(edit.params()).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Accepts an open request: the record was corrected through the ordinary edit; {@code note} is optional. */
    @Transactional
    public void accept(Actor actor, UUID requestId, @Nullable String note) {
        Correction request = editable(actor, requestId);
        request.accept(actor.id(), note, clock.instant());
        save(request, "DONE");
    }

    /** Rejects an open request, telling the resident why ({@code reason} is required). */
    @Transactional
    public void reject(Actor actor, UUID requestId, @Nullable String reason) {
        Correction request = editable(actor, requestId);
        request.reject(actor.id(), reason, clock.instant());
        save(request, "REJECTED");
    }

    private Correction editable(Actor actor, UUID requestId) {
        return requests.load(requestId, WithinEditScope.sql(actor, "r"))
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.correction")));
    }

    private void save(Correction request, String outcome) {
        if (!requests.save(request)) {
            throw DomainException.conflict(ProblemType.CORRECTION_HANDLED, "status", Messages.text("registry.correction.handled-meanwhile"));
        }
        audit.record(AuditEvent.success("CORRECTION_CLOSE", "CORRECTION", request.id().toString(), request.regionCode())
                .withDetail(outcome));
        request.takeEvents().forEach(events::publishEvent);
    }
}
