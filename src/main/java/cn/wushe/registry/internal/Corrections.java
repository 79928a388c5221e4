package cn.wushe.registry.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community worker's queue of residents' correction requests (更正申请), inside their edit
 * scope. The worker corrects the record through the ordinary edit, then closes the request.
 */
@Service
public class Corrections {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Corrections(JdbcClient jdbc, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<CorrectionRequest> openQueue() {
        Actor actor = CurrentActor.get();
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

    /** Closes an open request as done (the record was corrected) or rejected, with a note to the resident. */
    @Transactional
    public void close(UUID requestId, boolean done, @Nullable String note) {
        Actor actor = CurrentActor.get();
        SqlPredicate edit = Scopes.edit(actor, "r");
        String text = PersonValidation.text(note);
        if (!done && text == null) {
            throw DomainException.invalid("note", "驳回更正申请时请说明理由");
        }
        if (text != null && text.codePointCount(0, text.length()) > SelfService.PROPOSAL_MAX) {
            throw DomainException.invalid("note", "说明不能超过 " + SelfService.PROPOSAL_MAX + " 个字");
        }
        String region = jdbc.sql("""
                update registry.correction_requests r set status = :status, handled_by = :by, handled_at = :at,
                    handling_note = :note, version = version + 1
                where r.id = :id and r.status = 'OPEN' and """ + edit.sql() + " returning r.region_code")
                .params(edit.params()).param("id", requestId).param("status", done ? "DONE" : "REJECTED")
                .param("by", actor.id()).param("at", Timestamp.from(clock.instant())).param("note", text)
                .query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("待处理的更正申请"));
        audit.record(AuditEvent.success("CORRECTION_CLOSE", "CORRECTION", requestId.toString(), region)
                .withDetail(done ? "DONE" : "REJECTED"));
    }
}
