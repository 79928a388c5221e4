package cn.wushe.organizations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.organizations.OrganizationDeregistered;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitRegistration;
import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 注销 and its revocation (撤销注销): deregistering keeps the organization and its unit for history
 * and takes no more applications; a deregistration made by mistake is revoked with a reason, the
 * unit becomes active again. Both are rows of the register's history (field {@code status}) and
 * audited, and both need ORG_MANAGE over the organization (else 404).
 */
@Service
public class Deregistration {

    private final OrganizationRegister register;
    private final UnitRegistration units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Deregistration(OrganizationRegister register, UnitRegistration units, AuditLog audit, ApplicationEventPublisher events,
            JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public OrganizationRecord deregister(Actor actor, UnitId id, @Nullable String reason) {
        OrganizationRecord o = register.managed(actor, id);
        OrganizationRegister.requireActive(o);
        String why = Text.trimToNull(reason);
        if (why == null) {
            throw DomainException.invalid("reason", Messages.text("organizations.organization.reason-required"));
        }
        jdbc.sql("""
                update organizations.organizations set status = 'DEREGISTERED', deregistered_at = :at,
                    deregistered_reason = :reason, version = version + 1, updated_at = :at where id = :id
                """).param("at", Timestamp.from(clock.instant())).param("reason", why).param("id", id.value()).update();
        units.retire(id, null);
        register.history(o, actor, "status", Messages.text("organizations.history.active"),
                Messages.text("organizations.history.deregistered", why));
        audit.record(AuditEvent.success("ORGANIZATION_DEREGISTER", OrganizationRegister.OBJECT_TYPE, id.toString(),
                o.regionCode()).withReason(why));
        events.publishEvent(new OrganizationDeregistered(id, o.countyCode()));
        return register.reload(id);
    }

    /** 撤销注销: the deregistration was a mistake; the organization and its unit are active again. */
    @Transactional
    public OrganizationRecord reinstate(Actor actor, UnitId id, @Nullable String reason) {
        OrganizationRecord o = register.managed(actor, id);
        if (o.active()) {
            throw new DomainException(ProblemType.STATUS_NOT_ALLOWED, Messages.text("organizations.reinstate.active", o.name()));
        }
        String why = Text.trimToNull(reason);
        if (why == null || why.length() < 2) {
            throw DomainException.invalid("reason", Messages.text("organizations.reinstate.reason"));
        }
        jdbc.sql("""
                update organizations.organizations set status = 'ACTIVE', deregistered_at = null, deregistered_reason = null,
                    version = version + 1, updated_at = :at where id = :id
                """).param("at", Timestamp.from(clock.instant())).param("id", id.value()).update();
        units.reinstate(id, null);
        register.history(o, actor, "status", Messages.text("organizations.history.deregistered",
                String.valueOf(o.deregisteredReason())), Messages.text("organizations.history.reinstated", why));
        audit.record(AuditEvent.success("ORGANIZATION_REINSTATE", OrganizationRegister.OBJECT_TYPE, id.toString(),
                o.regionCode()).withReason(why));
        return register.reload(id);
    }
}
