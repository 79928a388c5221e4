package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 四协助 items: written with their visit, listed while open, closed with an outcome (办结). */
@Service
public class Assists {

    static final BigDecimal MAX_YUAN = new BigDecimal("10000000");

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final Visiting visiting;
    private final AuditLog audit;
    private final Clock clock;

    Assists(JdbcClient jdbc, Subjects subjects, Visiting visiting, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.visiting = visiting;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules of one item: a description; a resource names its kind, provider and a value in yuan. */
    static void check(VisitDraft.AssistDraft a, String prefix, Map<String, String> errors) {
        String description = Text.trimToNull(a.description());
        if (description == null) {
            errors.put(prefix + "description", Messages.text("care.assist.description-required"));
        } else if (description.length() > 200) {
            errors.put(prefix + "description", Messages.text("care.text.too-long", 200));
        }
        if (a.kind() == AssistKind.RESOURCE) {
            if (a.resourceKind() == null) {
                errors.put(prefix + "resourceKind", Messages.text("care.assist.resource-kind-required"));
            }
            if (a.providerUnit() == null && Text.trimToNull(a.providerText()) == null) {
                errors.put(prefix + "providerText", Messages.text("care.assist.provider-required"));
            }
            if (a.valueYuan() == null || a.valueYuan().signum() < 0 || a.valueYuan().compareTo(MAX_YUAN) >= 0
                    || a.valueYuan().scale() > 2) {
                errors.put(prefix + "valueYuan", Messages.text("care.assist.value-invalid"));
            }
        }
    }

    static void insert(JdbcClient jdbc, Visit visit, VisitDraft.AssistDraft a, Instant now) {
        boolean resource = a.kind() == AssistKind.RESOURCE;
        jdbc.sql("""
                insert into care.assists (county_code, id, visit_id, person_id, region_code, kind, description, resource_kind,
                    provider_unit_id, provider_text, value_yuan, status, created_at, version)
                values (:county, :id, :visit, :person, :region, :kind, :description, :rkind, :unit, :ptext, :value, 'OPEN', :now, 0)""")
                .param("county", visit.countyCode()).param("id", UUID.randomUUID()).param("visit", visit.id())
                .param("person", visit.personId()).param("region", visit.regionCode()).param("kind", a.kind().name())
                .param("description", Text.trimToNull(a.description()))
                .param("rkind", resource ? a.resourceKind().name() : null).param("unit", resource ? a.providerUnit() : null)
                .param("ptext", resource ? Text.trimToNull(a.providerText()) : null)
                .param("value", resource ? a.valueYuan() : null).param("now", Timestamp.from(now)).update();
    }

    /** Closes an open item with its outcome; {@code expectedVersion} is the version the user saw (If-Match). */
    @Transactional
    public Assist close(Actor actor, UUID assistId, @Nullable String outcome, long expectedVersion) {
        Assist assist = find(assistId).orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.assist")));
        Subject subject = subjects.visible(actor, assist.personId(), false)
                .orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.assist")));
        if (!visiting.mayVisit(actor, subject)) {
            throw DomainException.forbidden(Messages.text("care.assist.action-close"));
        }
        String text = Text.trimToNull(outcome);
        if (text == null) {
            throw DomainException.invalid("outcome", Messages.text("care.assist.outcome-required"));
        }
        if (text.length() > 200) {
            throw DomainException.invalid("outcome", Messages.text("care.text.too-long", 200));
        }
        if (!assist.open()) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "outcome", Messages.text("care.assist.closed"));
        }
        int updated = jdbc.sql("""
                update care.assists set status = 'CLOSED', outcome = :outcome, closed_at = :now, closed_by = :by,
                    version = version + 1
                where county_code = :county and id = :id and version = :version and status = 'OPEN'""")
                .param("outcome", text).param("now", Timestamp.from(clock.instant())).param("by", actor.id())
                .param("county", assist.countyCode()).param("id", assistId).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
        audit.record(AuditEvent.success("CARE_ASSIST_CLOSE", "CARE_ASSIST", assistId.toString(), assist.regionCode()));
        return find(assistId).orElseThrow();
    }

    public Optional<Assist> find(UUID id) {
        return jdbc.sql("select * from care.assists where id = :id").param("id", id).query(Assists::row).optional();
    }

    public List<Assist> ofPerson(UUID personId) {
        return jdbc.sql("select * from care.assists where person_id = :person order by status desc, created_at desc limit 100")
                .param("person", personId).query(Assists::row).list();
    }

    /** Open items in the actor's view, oldest first. */
    public List<Assist> open(Actor actor, int limit) {
        SqlPredicate scope = CareScope.visible(actor, "a");
        return jdbc.sql("select a.* from care.assists a where a.status = 'OPEN' and " + scope.sql()
                        + " order by a.created_at limit :limit")
                .params(scope.params()).param("limit", limit).query(Assists::row).list();
    }

    private static Assist row(ResultSet rs, int n) throws SQLException {
        String rk = rs.getString("resource_kind");
        return new Assist(rs.getObject("id", UUID.class), rs.getObject("visit_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("county_code"), rs.getString("region_code"),
                AssistKind.valueOf(rs.getString("kind")), rs.getString("description"),
                rk == null ? null : ResourceKind.valueOf(rk), rs.getObject("provider_unit_id", UUID.class),
                rs.getString("provider_text"), rs.getBigDecimal("value_yuan"), "OPEN".equals(rs.getString("status")),
                rs.getString("outcome"), Subjects.instant(rs, "closed_at"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}
