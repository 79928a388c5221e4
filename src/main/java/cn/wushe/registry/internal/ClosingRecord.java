package cn.wushe.registry.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.registry.PersonClosed;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.Person.FieldChange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a person's record (销档) — moved away, no longer in need — or records their death, for a
 * worker whose edit scope holds the record: the transition on {@link Person}, its history entry,
 * the audit entry and the event ({@link PersonClosed}, {@link cn.wushe.registry.PersonDeceased}).
 */
@Service
public class ClosingRecord {

    private final People people;
    private final ChangeHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClosingRecord(People people, ChangeHistory history, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The record as closed: its new version (for the next If-Match). */
    public record Closed(PersonId id, int version) {
    }

    /**
     * @throws DomainException 404 outside the actor's edit scope, 412 when
     *                         changed meanwhile, 409 when closed already, 400 without a reason
     */
    @Transactional
    public Closed close(Actor actor, PersonId id, int expectedVersion, PersonClosed.@Nullable Reason reason) {
        LocalDate today = LocalDate.now(clock);
        return apply(actor, id, expectedVersion, "PERSON_CLOSE", person -> person.close(reason, today),
                reason == null ? "" : Messages.text("registry.closure.reason." + reason.name()));
    }

    /** Records the death on {@code dateOfDeath} (not in the future, not before birth); same refusals as {@link #close}. */
    @Transactional
    public Closed markDeceased(Actor actor, PersonId id, int expectedVersion, @Nullable LocalDate dateOfDeath) {
        LocalDate today = LocalDate.now(clock);
        return apply(actor, id, expectedVersion, "PERSON_DECEASED", person -> person.markDeceased(dateOfDeath, today),
                Messages.text("registry.closure.reason.DECEASED") + " " + dateOfDeath);
    }

    private Closed apply(Actor actor, PersonId id, int expectedVersion, String action, Consumer<Person> transition, String shown) {
        // outside the edit scope the record does not exist for this action, even where a search would find it
        Person person = people.load(id, WithinEditScope.sql(actor, "p")).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        if (person.version() != expectedVersion) {
            throw RegisteringPerson.versionMismatch();
        }
        transition.accept(person);
        Instant now = clock.instant();
        if (!people.saveClosure(person, expectedVersion, actor.id(), now)) {
            throw RegisteringPerson.versionMismatch();
        }
        String region = person.details().address().regionCode();
        history.record(id, person.details().address().countyCode(), "CLOSED",
                List.of(new FieldChange(Messages.text("registry.closure.field"), "", shown)), actor, now);
        audit.record(AuditEvent.success(action, "PERSON", id.toString(), region));
        person.takeEvents().forEach(events::publishEvent);
        return new Closed(id, person.version());
    }
}
