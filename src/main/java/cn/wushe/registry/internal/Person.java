package cn.wushe.registry.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonClosed;
import cn.wushe.registry.PersonDeceased;
import cn.wushe.registry.PersonId;

import cn.wushe.registry.internal.PersonDetails.CategoryEntry;
import cn.wushe.registry.internal.PersonDetails.RelatedParty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A registered person (在册人员): the aggregate whose details change only by {@link #revise}, which
 * says field by field what changed (masked) so the history can be kept, and moves the version on;
 * who moves to another household ({@link #moveToHousehold}); and whose record is finally closed
 * ({@link #close}, {@link #markDeceased}), after which it takes no further change. Each transition
 * registers its event, handed to the use case by {@link #takeEvents}.
 */
public final class Person {

    /** The person left {@code from} for {@code to}; the registry's own event (households follow it). */
    record MovedToHousehold(PersonId person, HouseholdId from, HouseholdId to) {
    }

    /** Why and since when a record is closed; {@code reason} is a {@link PersonClosed.Reason} name or {@code DECEASED}. */
    public record Closure(String reason, LocalDate on) {

        static final String DECEASED = "DECEASED";

        public boolean deceased() {
            return reason.equals(DECEASED);
        }
    }

    private final PersonId id;
    private HouseholdId householdId;
    private PersonDetails details;
    private int version;
    private @Nullable Closure closure;
    private final List<Object> events = new ArrayList<>();

    Person(PersonId id, HouseholdId householdId, PersonDetails details, int version) {
        this(id, householdId, details, version, null);
    }

    Person(PersonId id, HouseholdId householdId, PersonDetails details, int version, @Nullable Closure closure) {
        this.id = Objects.requireNonNull(id);
        this.householdId = Objects.requireNonNull(householdId);
        this.details = Objects.requireNonNull(details);
        this.version = version;
        this.closure = closure;
    }

    static Person register(PersonId id, HouseholdId householdId, PersonDetails details) {
        return new Person(id, householdId, details, 0);
    }

    /**
     * Replaces the details with a newly validated set and returns what changed; no change keeps the
     * version (an unchanged re-import writes nothing).
     */
    List<FieldChange> revise(PersonDetails revised, HouseholdId household, UnaryOperator<String> categoryName) {
        requireOpen();
        List<FieldChange> changes = diff(shown(details, householdId, categoryName), shown(revised, household, categoryName));
        if (!changes.isEmpty()) {
            this.details = revised;
            if (!household.equals(householdId)) {
                moveToHousehold(household, revised.relationToHead());
            }
            this.version++;
        }
        return changes;
    }

    /**
     * Joins {@code household} as {@code relation} of its head (its place and the actor's scope over
     * it are checked by validation); the household left behind follows from the event.
     */
    void moveToHousehold(HouseholdId household, RelationToHead relation) {
        requireOpen();
        if (household.equals(householdId) && relation == details.relationToHead()) {
            return;
        }
        HouseholdId from = householdId;
        householdId = household;
        if (relation != details.relationToHead()) {
            details = new PersonDetails(details.name(), details.idNumber(), details.sex(), details.phone(), details.address(),
                    household, relation, details.categories(), details.health(), details.incomeBand(), details.obligors(),
                    details.contacts());
        }
        if (!household.equals(from)) {
            events.add(new MovedToHousehold(id, from, household));
        }
    }

    /** Closes the record (销档) of someone who moved away or is no longer in need, as of {@code today}. */
    void close(PersonClosed.@Nullable Reason reason, LocalDate today) {
        requireOpen();
        if (reason == null) {
            throw DomainException.invalid("reason", Messages.text("registry.closure.reason-missing"));
        }
        closure = new Closure(reason.name(), today);
        version++;
        events.add(new PersonClosed(id, details.address().regionCode(), reason));
    }

    /** Records the person's death on {@code dateOfDeath}, which closes the record. */
    void markDeceased(@Nullable LocalDate dateOfDeath, LocalDate today) {
        requireOpen();
        if (dateOfDeath == null) {
            throw DomainException.invalid("dateOfDeath", Messages.text("registry.closure.date-missing"));
        }
        if (dateOfDeath.isAfter(today) || dateOfDeath.isBefore(details.birthDate())) {
            throw DomainException.invalid("dateOfDeath", Messages.text("registry.closure.date-impossible"));
        }
        closure = new Closure(Closure.DECEASED, dateOfDeath);
        version++;
        events.add(new PersonDeceased(id, details.address().regionCode(), dateOfDeath));
    }

    /** Refuses any change to a closed record (销档), before its fields are even looked at. */
    void requireOpen() {
        if (closure != null) {
            // no field: the refusal concerns the whole record, and a form shows it above its fields
            throw new DomainException(ProblemType.PERSON_CLOSED, Messages.text(
                    closure.deceased() ? "registry.closure.already-deceased" : "registry.closure.already-closed"));
        }
    }

    /** An unshared copy (no events), to work out what a revision would change without changing this one. */
    Person copy() {
        return new Person(id, householdId, details, version, closure);
    }

    /** The events of the transitions so far, handed over once. */
    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** {@code null} while the record is open. */
    public @Nullable Closure closure() {
        return closure;
    }

    /** What a new record holds, as "changes from nothing", for the history's first entry. */
    List<FieldChange> asRegistered(UnaryOperator<String> categoryName) {
        return diff(Map.of(), shown(details, householdId, categoryName));
    }

    public PersonId id() {
        return id;
    }

    public HouseholdId householdId() {
        return householdId;
    }

    public PersonDetails details() {
        return details;
    }

    public int version() {
        return version;
    }

    /** One field's change, with both values as they may be shown to a viewer (masked). */
    public record FieldChange(String field, String before, String after) {
    }

    /** Per field: a value to compare (may be sensitive, never stored) and the masked text to keep. */
    private record Shown(String compare, String display) {
    }

    private static Map<String, Shown> shown(PersonDetails d, HouseholdId household, UnaryOperator<String> categoryName) {
        Map<String, Shown> m = new LinkedHashMap<>();
        m.put(Messages.text("registry.column.NAME"), plain(d.name()));
        m.put(Messages.text("registry.history.field.id-document"), new Shown(d.idNumber().type() + d.idNumber().value(),
                d.idNumber().type().label() + " " + d.idNumber().masked()));
        m.put(Messages.text("registry.column.SEX"), plain(d.sex().label()));
        m.put(Messages.text("registry.column.PHONE"), d.phone() == null ? plain("") : new Shown(d.phone().digits(), d.phone().masked()));
        m.put(Messages.text("registry.export.column.community"), plain(d.address().communityCode()));
        m.put(Messages.text("registry.history.field.grid"), plain(d.address().gridCode() == null ? "" : d.address().gridCode()));
        m.put(Messages.text("registry.column.ADDRESS"), hidden(d.address().detail()));
        m.put(Messages.text("registry.subject.household"), plain(household.toString()));
        m.put(Messages.text("registry.column.RELATION"), plain(d.relationToHead().label()));
        m.put(Messages.text("registry.column.CATEGORIES"), new Shown(d.categories().toString(),
                d.categories().stream().map(c -> category(c, categoryName)).collect(Collectors.joining("；"))));
        m.put(Messages.text("registry.column.HEALTH"), hidden(d.health()));
        m.put(Messages.text("registry.history.field.income"), hidden(d.incomeBand() == null ? null : d.incomeBand().name()));
        m.put(Messages.text("registry.party-kind.OBLIGOR"), parties(d.obligors()));
        m.put(Messages.text("registry.party-kind.CONTACT"), parties(d.contacts()));
        return m;
    }

    private static Shown plain(String value) {
        return new Shown(value, value);
    }

    /** Sensitive content: the history says that it changed, never what it was. */
    private static Shown hidden(String value) {
        return new Shown(value == null ? "" : value, value == null ? "" : Messages.text("registry.history.hidden"));
    }

    private static String category(CategoryEntry c, UnaryOperator<String> categoryName) {
        String disability = c.disabilityGrade() == null ? "" : Messages.text("registry.history.disability-hidden");
        return c.endDate() == null
                ? Messages.text("registry.history.category-open", categoryName.apply(c.code()), c.startDate(), c.source(), disability)
                : Messages.text("registry.history.category-closed", categoryName.apply(c.code()), c.startDate(), c.endDate(),
                        c.source(), disability);
    }

    private static Shown parties(List<RelatedParty> parties) {
        return new Shown(parties.toString() + parties.stream().map(p -> p.phone() == null ? "" : p.phone().digits()).toList(),
                parties.stream().map(p -> p.name() + "（" + p.relation() + (p.phone() == null ? "" : "，" + p.phone().masked()) + "）")
                        .collect(Collectors.joining("；")));
    }

    private static List<FieldChange> diff(Map<String, Shown> before, Map<String, Shown> after) {
        List<FieldChange> changes = new ArrayList<>();
        after.forEach((field, now) -> {
            Shown was = before.get(field);
            if (was == null ? !now.compare().isEmpty() : !was.compare().equals(now.compare())) {
                String wasText = was == null ? "" : was.display();
                String nowText = now.display().equals(wasText) && !now.display().isEmpty() ? Messages.text("registry.history.modified", now.display()) : now.display();
                changes.add(new FieldChange(field, wasText, nowText));
            }
        });
        return changes;
    }
}
