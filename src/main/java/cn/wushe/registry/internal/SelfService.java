package cn.wushe.registry.internal;

import cn.wushe.platform.Text;
import cn.wushe.platform.Messages;
import cn.wushe.registry.PersonId;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's own record (我的信息): a resident account linked to its record sees it, in clear,
 * and asks for corrections, which land in the community worker's queue. The link, not a region,
 * is the scope here: a resident sees nobody else.
 */
@Service
public class SelfService {

    static final int PROPOSAL_MAX = 200;
    /** A correction request is answered within 30 days (PIPL Art. 50; GB/T 35273 §8.7). */
    static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final People people;
    private final PersonViews views;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<DemoResident> demo;

    SelfService(JdbcClient jdbc, People people, PersonViews views, FieldCipher cipher, AuditLog audit, Clock clock,
            ObjectProvider<DemoResident> demo) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.people = people;
        this.views = views;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in resident's own record; empty when their account is not linked to one. */
    @Transactional
    public Optional<PersonView> myRecord(Actor resident) {
        Actor actor = residentActor(resident);
        return ownPerson(actor).map(person -> {
            audit.record(AuditEvent.success("PERSON_SELF_READ", "PERSON", person.id().toString(),
                    person.details().address().regionCode()));
            return views.of(person, Disclosure.SELF);
        });
    }

    @Transactional
    public UUID requestCorrection(Actor resident, @Nullable CorrectableField field, @Nullable String proposedValue, @Nullable String note) {
        Actor actor = residentActor(resident);
        Person person = ownPerson(actor).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.own-record")));
        String proposed = Text.trimToNull(proposedValue);
        String noteText = Text.trimToNull(note);
        if (field == null) {
            throw DomainException.invalid("field", Messages.text("registry.correction.field-missing"));
        }
        if (proposed == null) {
            throw DomainException.invalid("proposedValue", Messages.text("registry.correction.value-missing"));
        }
        if (proposed.codePointCount(0, proposed.length()) > PROPOSAL_MAX
                || (noteText != null && noteText.codePointCount(0, noteText.length()) > PROPOSAL_MAX)) {
            throw DomainException.invalid(proposed.length() > PROPOSAL_MAX ? "proposedValue" : "note",
                    Messages.text("registry.correction.value-too-long", PROPOSAL_MAX));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into registry.correction_requests (id, person_id, county_code, region_code, field, proposed_value_enc,
                    note, status, requested_by, requested_at, due_at)
                values (:id, :person, :county, :region, :field, :proposed, :note, 'OPEN', :by, :at, :due)""")
                .param("id", id).param("person", person.id().value())
                .param("county", person.details().address().countyCode())
                .param("region", person.details().address().regionCode()).param("field", field.name())
                .param("proposed", cipher.encrypt(proposed)).param("note", noteText == null ? null : noteText)
                .param("by", actor.id()).param("at", Timestamp.from(clock.instant()))
                .param("due", Timestamp.from(clock.instant().plus(ANSWER_WITHIN)))
                .update();
        audit.record(AuditEvent.success("CORRECTION_REQUEST", "PERSON", person.id().toString(),
                person.details().address().regionCode()).withDetail("field=" + field.name()));
        return id;
    }

    /**
     * The signed-in resident's own correction requests, newest first, with the worker's answer;
     * only requests this account made about its linked record, never another resident's. Empty when
     * the account is not linked.
     */
    @Transactional(readOnly = true)
    public List<OwnCorrection> myCorrections(Actor resident) {
        Actor actor = residentActor(resident);
        return jdbc.sql("""
                select r.id, r.field, r.proposed_value_enc, r.requested_at, r.status, r.handling_note, r.handled_at
                from registry.correction_requests r
                where r.requested_by = :self
                  and r.person_id = (select a.person_id from registry.resident_accounts a where a.user_id = :self)
                order by r.requested_at desc limit 50""")
                .param("self", actor.id())
                .query((rs, i) -> new OwnCorrection(rs.getObject(1, UUID.class), CorrectableField.valueOf(rs.getString(2)),
                        cipher.decrypt(rs.getString(3)), day(rs.getTimestamp(4)), Correction.Status.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getTimestamp(7) == null ? null : day(rs.getTimestamp(7))))
                .list();
    }

    private static LocalDate day(Timestamp at) {
        return LocalDate.ofInstant(at.toInstant(), ClockConfiguration.ZONE);
    }

    /** Links a resident account to a record the acting worker may edit (e.g. when the resident signs up). */
    @Transactional
    public void linkAccount(Actor actor, UUID userId, PersonId personId) {
        Person person = people.load(personId, Scopes.edit(actor, "p")).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        jdbc.sql("""
                insert into registry.resident_accounts (user_id, person_id, linked_at) values (:user, :person, :at)
                on conflict (user_id) do update set person_id = excluded.person_id, linked_at = excluded.linked_at""")
                .param("user", userId).param("person", personId.value()).param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEvent.success("RESIDENT_LINK", "PERSON", personId.toString(),
                person.details().address().regionCode()).withDetail("user=" + userId));
    }

    private Actor residentActor(Actor actor) {
        if (!actor.can(Permission.SELF_SERVICE)) {
            throw DomainException.forbidden(Messages.text("registry.forbidden.self-service"));
        }
        return actor;
    }

    private Optional<Person> ownPerson(Actor actor) {
        SqlPredicate own = new SqlPredicate(
                "p.id = (select a.person_id from registry.resident_accounts a where a.user_id = :self)", Map.of("self", actor.id()));
        Optional<UUID> linked = jdbc.sql("select a.person_id from registry.resident_accounts a where a.user_id = :self")
                .param("self", actor.id()).query(UUID.class).optional();
        return linked.or(() -> demoLink(actor)).flatMap(id -> people.load(new PersonId(id), own));
    }

    /** Demo mode only: the demo resident account meets its demo record on its first visit. */
    private Optional<UUID> demoLink(Actor actor) {
        DemoResident demoResident = demo.getIfAvailable();
        if (demoResident == null) {
            return Optional.empty();
        }
        return demoResident.recordOf(actor.username()).map(person -> {
            jdbc.sql("insert into registry.resident_accounts (user_id, person_id, linked_at) values (:u, :p, :at)"
                            + " on conflict do nothing")
                    .param("u", actor.id()).param("p", person.value()).param("at", Timestamp.from(clock.instant())).update();
            return person.value();
        });
    }
}
