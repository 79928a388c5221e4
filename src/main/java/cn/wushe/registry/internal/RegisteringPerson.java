package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonRegistered;
import cn.wushe.registry.PersonRevised;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.internal.Person.FieldChange;
import cn.wushe.registry.internal.Registration.AlreadyRegistered;
import cn.wushe.registry.internal.Registration.PossibleDuplicates;
import cn.wushe.registry.internal.Registration.Registered;
import cn.wushe.registry.internal.Registration.Revised;
import cn.wushe.registry.internal.Registration.Unchanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers people (登记) and revises their records, for the form, the API and the roster import
 * alike: validation first ({@link PersonValidation}), duplicate detection by identity number across
 * the county and by name and birth date within the town, then one transaction that writes the
 * person, a new household when needed, the history and the audit entry — or nothing at all.
 */
@Service
public class RegisteringPerson {

    private final PersonValidation validation;
    private final AlreadyRegisteredInCounty alreadyRegistered;
    private final PossibleDuplicateInTown possibleDuplicate;
    private final People people;
    private final Households households;
    private final ChangeHistory history;
    private final PersonViews views;
    private final CategoryTypes categoryTypes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisteringPerson(PersonValidation validation, AlreadyRegisteredInCounty alreadyRegistered,
            PossibleDuplicateInTown possibleDuplicate, People people, Households households, ChangeHistory history,
            PersonViews views, CategoryTypes categoryTypes, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.validation = validation;
        this.alreadyRegistered = alreadyRegistered;
        this.possibleDuplicate = possibleDuplicate;
        this.people = people;
        this.households = households;
        this.history = history;
        this.views = views;
        this.categoryTypes = categoryTypes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param confirmedDistinct the user saw the people of the same name and birth date and confirms
     *                          this is someone else
     */
    @Transactional
    public Registration register(Actor actor, PersonDraft draft, boolean confirmedDistinct) {
        PersonDetails details = validation.check(draft, actor).orThrow();
        Optional<Registration> duplicate = duplicate(details, null, confirmedDistinct, actor);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        return registerChecked(actor, details, true);
    }

    /**
     * Registers {@code details} that were validated for {@code actor} and found no duplicate in
     * the caller's transaction (a roster import's preview); nothing is checked a second time.
     *
     * @param publish {@code false} for a bulk write, which publishes its ids as {@link cn.wushe.registry.PeopleImported}
     */
    Registered registerChecked(Actor actor, PersonDetails details, boolean publish) {
        Instant now = clock.instant();
        PersonId id = new PersonId(UUID.randomUUID());
        HouseholdId household = details.householdId();
        if (household == null) {
            household = new HouseholdId(UUID.randomUUID());
            households.create(household, details.address(), id, actor.id(), now);
        }
        Person person = Person.register(id, household, details);
        people.insert(person, actor.id(), now);
        history.record(id, details.address().countyCode(), "REGISTERED", person.asRegistered(categoryTypes::nameOf), actor, now);
        audit.record(AuditEvent.success("PERSON_REGISTER", "PERSON", id.toString(), details.address().regionCode()));
        if (publish) {
            events.publishEvent(new PersonRegistered(id, details.address().regionCode()));
        }
        return new Registered(id, person.version(), views.of(person, Disclosure.EDIT));
    }

    /**
     * Revises a record the actor may edit; {@code expectedVersion} is the version the user saw
     * (If-Match). A draft without a household keeps the person in their current household.
     *
     * @throws DomainException 404 outside every scope of the actor, 403 when only visible, 412 when changed meanwhile
     */
    @Transactional
    public Registration revise(Actor actor, PersonId id, int expectedVersion, PersonDraft draft) {
        return revise(actor, id, expectedVersion, draft, "REVISED");
    }

    /**
     * For a roster import: registers the person, or revises the record already registered under the
     * same identity number when it lies in the actor's edit scope. Re-importing the same row writes nothing.
     */
    @Transactional
    public Registration upsert(Actor actor, PersonDraft draft, boolean confirmedDistinct) {
        PersonDetails checked = validation.check(draft, actor).orThrow();
        Optional<PersonId> existing = alreadyRegistered.find(checked.address().countyCode(), checked.idNumber(), null);
        if (existing.isEmpty()) {
            return register(actor, draft, confirmedDistinct);
        }
        Optional<Person> person = people.load(existing.get(), WithinEditScope.sql(actor, "p"));
        if (person.isEmpty()) {
            return new AlreadyRegistered(existing.get(), false);
        }
        return apply(person.get(), validation.check(completed(draft, person.get()), actor).orThrow(), actor, "REVISED");
    }

    /** Applies a resident's correction that a worker has checked, recorded in the history as a correction. */
    @Transactional
    Registration applyCorrection(Actor actor, PersonId id, int expectedVersion, PersonDraft draft) {
        return revise(actor, id, expectedVersion, draft, "CORRECTED");
    }

    private Registration revise(Actor actor, PersonId id, int expectedVersion, PersonDraft draft, String kind) {
        Person person = editable(id, actor);
        if (person.version() != expectedVersion) {
            throw versionMismatch();
        }
        person.requireOpen();
        PersonDetails details = validation.check(completed(draft, person), actor).orThrow();
        Optional<Registration> duplicate = duplicate(details, id, true, actor);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        return apply(person, details, actor, kind);
    }

    /**
     * The draft of a revision, completed from the record where the editor could not see or did not
     * send a value: the household (kept unless another is named) and the identity number, which
     * editors without PII_UNMASK only ever see masked (blank means "unchanged" for that field alone).
     */
    static PersonDraft completed(PersonDraft d, Person person) {
        boolean keepNumber = d.idNumber() == null || d.idNumber().isBlank();
        if (d.householdId() != null && !keepNumber) {
            return d;
        }
        IdentityNumber current = person.details().idNumber();
        PersonDraft completed = keepNumber ? d.withIdentity(current.type(), current.value()) : d;
        return completed.withDeclaredSex(d.declaredSex() == null ? person.details().sex() : d.declaredSex())
                .withHousehold(d.householdId() != null ? d.householdId() : person.householdId().value(),
                        d.relationToHead() == null ? person.details().relationToHead() : d.relationToHead());
    }

    /**
     * Revises {@code person}, loaded in {@code actor}'s edit scope, with {@code details} validated for
     * it (an import's preview); publishes no {@link PersonRevised}, the import publishes the ids.
     */
    Registration reviseChecked(Actor actor, Person person, PersonDetails details) {
        return apply(person, details, actor, "REVISED", false);
    }

    private Registration apply(Person person, PersonDetails details, Actor actor, String kind) {
        return apply(person, details, actor, kind, true);
    }

    private Registration apply(Person person, PersonDetails details, Actor actor, String kind, boolean publish) {
        HouseholdId before = person.householdId();
        HouseholdId target = details.householdId() != null ? details.householdId() : before;
        int expected = person.version();
        List<FieldChange> changes = person.revise(details, target, categoryTypes::nameOf);
        if (changes.isEmpty()) {
            return new Unchanged(person.id(), person.version(), views.of(person, Disclosure.EDIT));
        }
        Instant now = clock.instant();
        if (!people.update(person, expected, actor.id(), now)) {
            throw versionMismatch();
        }
        for (Object event : person.takeEvents()) {
            if (event instanceof Person.MovedToHousehold moved) {
                households.load(moved.from()).ifPresent(left -> {
                    left.memberLeft(moved.person(), people.countMembers(moved.from()));
                    households.save(left);
                });
            }
        }
        households.load(target).ifPresent(household -> {
            household.headMoved(person.id(), details.address());
            households.save(household);
        });
        history.record(person.id(), details.address().countyCode(), kind, changes, actor, now);
        List<String> fields = changes.stream().map(FieldChange::field).toList();
        String action = kind.equals("CORRECTED") ? "PERSON_CORRECT" : "PERSON_REVISE";
        audit.record(AuditEvent.success(action, "PERSON", person.id().toString(), details.address().regionCode())
                .withDetail("fields=" + String.join(",", fields)));
        if (publish) {
            events.publishEvent(new PersonRevised(person.id(), details.address().regionCode(), fields));
        }
        return new Revised(person.id(), person.version(), changes, views.of(person, Disclosure.EDIT));
    }

    private Person editable(PersonId id, Actor actor) {
        return people.load(id, WithinEditScope.sql(actor, "p")).orElseThrow(() -> people.load(id, PersonReading.any(actor)).isPresent()
                ? DomainException.forbidden(Messages.text("registry.forbidden.edit-outside"))
                : DomainException.notFound(Messages.text("registry.subject.person")));
    }

    private Optional<Registration> duplicate(PersonDetails details, @Nullable PersonId self, boolean confirmedDistinct, Actor actor) {
        Optional<PersonId> sameNumber = alreadyRegistered.find(details.address().countyCode(), details.idNumber(), self);
        if (sameNumber.isPresent()) {
            boolean editable = people.load(sameNumber.get(), WithinEditScope.sql(actor, "p")).isPresent();
            return Optional.of(new AlreadyRegistered(sameNumber.get(), editable));
        }
        if (!confirmedDistinct) {
            List<PersonId> similar = possibleDuplicate.find(PossibleDuplicateInTown.Key.of(details), self);
            if (!similar.isEmpty()) {
                return Optional.of(new PossibleDuplicates(similar));
            }
        }
        return Optional.empty();
    }

    static DomainException versionMismatch() {
        return new DomainException(ProblemType.VERSION_MISMATCH,
                Messages.text("registry.person.modified"));
    }
}
