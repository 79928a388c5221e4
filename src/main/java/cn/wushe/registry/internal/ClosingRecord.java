package cn.wushe.registry.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;
import cn.wushe.registry.PersonStatusChanged;
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
 * Changes a person's status (档案状态) — moved out, deceased, closed (销档), back in the registry —
 * for a worker whose edit scope holds the record, as {@link StatusTransitions} allows: the
 * transition on {@link Person}, its history entry, the audit entry and one
 * {@link PersonStatusChanged} event.
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

    /** The record after the change: its new version (for the next If-Match). */
    public record Closed(PersonId id, int version) {
    }

    /**
     * @throws DomainException 404 outside the actor's edit scope, 412 when changed meanwhile, 409
     *                         when the status does not allow it, 400 without a reason
     */
    @Transactional
    public Closed close(Actor actor, PersonId id, int expectedVersion, @Nullable ClosingReason reason) {
        LocalDate today = LocalDate.now(clock);
        return apply(actor, id, expectedVersion, "PERSON_CLOSE", person -> person.close(reason, today),
                reason == null ? "" : reason.label(), null);
    }

    /** Records the death on {@code dateOfDeath} (not in the future, not before birth); same refusals as {@link #close}. */
    @Transactional
    public Closed markDeceased(Actor actor, PersonId id, int expectedVersion, @Nullable LocalDate dateOfDeath) {
        LocalDate today = LocalDate.now(clock);
        return apply(actor, id, expectedVersion, "PERSON_DECEASED", person -> person.markDeceased(dateOfDeath, today),
                PersonStatus.DECEASED.label() + " " + dateOfDeath, null);
    }

    /**
     * Records that the person moved out (迁出) on {@code movedOn} to {@code destination}; the
     * destination is kept encrypted and shown in the history only as "recorded".
     */
    @Transactional
    public Closed moveOut(Actor actor, PersonId id, int expectedVersion, @Nullable LocalDate movedOn, @Nullable String destination) {
        LocalDate today = LocalDate.now(clock);
        return apply(actor, id, expectedVersion, "PERSON_MOVE_OUT", person -> person.moveOut(movedOn, destination, today),
                PersonStatus.MOVED_OUT.label() + " " + movedOn, null);
    }

    /**
     * Puts a moved-out or closed record back in the registry (恢复在册), stating why; a deceased one
     * only for a holder of county-wide PERSON_EDIT (403 for anyone else), as a correction.
     */
    @Transactional
    public Closed reopen(Actor actor, PersonId id, int expectedVersion, @Nullable String reason) {
        LocalDate today = LocalDate.now(clock);
        String why = reason == null ? "" : reason.strip();
        return apply(actor, id, expectedVersion, "PERSON_REOPEN",
                person -> person.reopen(why, countyWide(actor, person), today), PersonStatus.ACTIVE.label(), why);
    }

    /** A county-level registry administrator: PERSON_EDIT over the person's whole county. */
    private static boolean countyWide(Actor actor, Person person) {
        return actor.can(Permission.PERSON_EDIT, person.details().address().countyCode());
    }

    private Closed apply(Actor actor, PersonId id, int expectedVersion, String action, Consumer<Person> transition, String shown,
            @Nullable String reason) {
        // outside the edit scope the record does not exist for this action, even where a search would find it
        Person person = people.load(id, WithinEditScope.sql(actor, "p")).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        if (person.version() != expectedVersion) {
            throw RegisteringPerson.versionMismatch();
        }
        PersonStatus before = person.standing().status();
        transition.accept(person);
        Instant now = clock.instant();
        if (!people.saveStanding(person, expectedVersion, actor.id(), now)) {
            throw RegisteringPerson.versionMismatch();
        }
        String region = person.details().address().regionCode();
        String after = reason == null || reason.isEmpty() ? shown : Messages.text("registry.status.shown-with-reason", shown, reason);
        history.record(id, person.details().address().countyCode(), "STATUS",
                List.of(new FieldChange(Messages.text("registry.closure.field"), before.label(), after)), actor, now);
        audit.record(AuditEvent.success(action, "PERSON", id.toString(), region).withReason(reason)
                .withDetail(before.name() + "->" + person.standing().status().name()));
        person.takeEvents().forEach(events::publishEvent);
        return new Closed(id, person.version());
    }
}
