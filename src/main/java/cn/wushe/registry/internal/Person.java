package cn.wushe.registry.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;
import cn.wushe.registry.PersonStatusChanged;

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
 * who moves to another household ({@link #moveToHousehold}); and whose status changes as
 * {@link StatusTransitions} allows ({@link #moveOut}, {@link #markDeceased}, {@link #close},
 * {@link #reopen}); only an ACTIVE record takes other changes. Each transition
 * registers its event, handed to the use case by {@link #takeEvents}.
 */
public final class Person {

    /** The person left {@code from} for {@code to}; the registry's own event (households follow it). */
    record MovedToHousehold(PersonId person, HouseholdId from, HouseholdId to) {
    }

    /**
     * Where the record stands and since when ({@code since} is {@code null} only while ACTIVE and never
     * changed); {@code reason} for CLOSED, {@code movedTo} (where to, free text) for MOVED_OUT.
     */
    public record Standing(PersonStatus status, @Nullable LocalDate since, @Nullable ClosingReason reason,
            @Nullable String movedTo) {

        static final Standing ACTIVE = new Standing(PersonStatus.ACTIVE, null, null, null);
    }

    private final PersonId id;
    private HouseholdId householdId;
    private PersonDetails details;
    private int version;
    private Standing standing;
    private final List<Object> events = new ArrayList<>();

    Person(PersonId id, HouseholdId householdId, PersonDetails details, int version) {
        this(id, householdId, details, version, Standing.ACTIVE);
    }

    Person(PersonId id, HouseholdId householdId, PersonDetails details, int version, Standing standing) {
        this.id = Objects.requireNonNull(id);
        this.householdId = Objects.requireNonNull(householdId);
        this.details = Objects.requireNonNull(details);
        this.version = version;
        this.standing = Objects.requireNonNull(standing);
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

    /** Closes the record (销档) as of {@code today}: no longer in need, or a duplicate. */
    void close(@Nullable ClosingReason reason, LocalDate today) {
        requireAllowed(PersonStatus.CLOSED, false);
        if (reason == null) {
            throw DomainException.invalid("reason", Messages.text("registry.closure.reason-missing"));
        }
        become(new Standing(PersonStatus.CLOSED, today, reason, null), today);
    }

    /** Records the person's death on {@code dateOfDeath}, which ends every service. */
    void markDeceased(@Nullable LocalDate dateOfDeath, LocalDate today) {
        requireAllowed(PersonStatus.DECEASED, false);
        become(new Standing(PersonStatus.DECEASED, requirePossible("dateOfDeath", dateOfDeath, today,
                "registry.closure.date-missing", "registry.closure.date-impossible"), null, null), today);
    }

    /** Records that the person moved out (迁出) on {@code on} to {@code destination} (free text, e.g. 西安市雁塔区). */
    void moveOut(@Nullable LocalDate on, @Nullable String destination, LocalDate today) {
        requireAllowed(PersonStatus.MOVED_OUT, false);
        LocalDate date = requirePossible("movedOn", on, today, "registry.status.moved-on-missing", "registry.status.moved-on-impossible");
        String to = cn.wushe.platform.Text.trimToNull(destination);
        if (to == null || to.length() > MAX_DESTINATION) {
            throw DomainException.invalid("destination", Messages.text(to == null ? "registry.status.destination-missing"
                    : "registry.status.destination-too-long", MAX_DESTINATION));
        }
        become(new Standing(PersonStatus.MOVED_OUT, date, null, to), today);
    }

    /**
     * Puts the record back in the registry (恢复在册) as of {@code today}, saying why; a deceased record
     * only when {@code countyCorrection} (a county-level administrator correcting a wrong death).
     */
    void reopen(@Nullable String why, boolean countyCorrection, LocalDate today) {
        requireAllowed(PersonStatus.ACTIVE, countyCorrection);
        if (cn.wushe.platform.Text.trimToNull(why) == null) {
            throw DomainException.invalid("reason", Messages.text("registry.status.reopen-reason-missing"));
        }
        become(new Standing(PersonStatus.ACTIVE, today, null, null), today);
    }

    /** Longest destination text of a move (a place, not an address). */
    static final int MAX_DESTINATION = 100;

    /** Refuses a change the table does not allow, before the change's own input is looked at. */
    private void requireAllowed(PersonStatus to, boolean countyCorrection) {
        PersonStatus from = standing.status();
        StatusTransitions.refusal(from, to, countyCorrection).ifPresent(refusal -> {
            throw switch (refusal) {
                case SAME -> new DomainException(from == PersonStatus.ACTIVE ? ProblemType.STATUS_NOT_ALLOWED : ProblemType.PERSON_CLOSED,
                        Messages.text(alreadyKey(from)));
                case NOT_ALLOWED -> new DomainException(ProblemType.STATUS_NOT_ALLOWED,
                        Messages.text("registry.status.refused", from.label(), to.label()));
                case DECEASED_NEEDS_CORRECTION -> DomainException.forbidden(Messages.text("registry.status.correction-only"));
            };
        });
    }

    /** Moves to {@code next}, allowed by {@link #requireAllowed}: the version and one event. */
    private void become(Standing next, LocalDate today) {
        PersonStatus from = standing.status();
        standing = next;
        version++;
        events.add(new PersonStatusChanged(id, details.address().countyCode(), details.address().regionCode(), householdId,
                from, next.status(), next.since() != null ? next.since() : today, next.reason()));
    }

    private static String alreadyKey(PersonStatus status) {
        return switch (status) {
            case DECEASED -> "registry.closure.already-deceased";
            case MOVED_OUT -> "registry.closure.already-moved-out";
            case CLOSED -> "registry.closure.already-closed";
            case ACTIVE -> "registry.status.already-active";
        };
    }

    private LocalDate requirePossible(String field, @Nullable LocalDate date, LocalDate today, String missingKey, String impossibleKey) {
        if (date == null) {
            throw DomainException.invalid(field, Messages.text(missingKey));
        }
        if (date.isAfter(today) || date.isBefore(details.birthDate())) {
            throw DomainException.invalid(field, Messages.text(impossibleKey));
        }
        return date;
    }

    /** Refuses any change to a record that is not ACTIVE (在册), before its fields are even looked at. */
    void requireOpen() {
        notOpen().ifPresent(why -> {
            // no field: the refusal concerns the whole record, and a form shows it above its fields
            throw new DomainException(ProblemType.PERSON_CLOSED, why);
        });
    }

    /** Why the record takes no change (it is not ACTIVE); empty while it is. */
    java.util.Optional<String> notOpen() {
        return standing.status() == PersonStatus.ACTIVE ? java.util.Optional.empty()
                : java.util.Optional.of(Messages.text(alreadyKey(standing.status())));
    }

    /** An unshared copy (no events), to work out what a revision would change without changing this one. */
    Person copy() {
        return new Person(id, householdId, details, version, standing);
    }

    /** The events of the transitions so far, handed over once. */
    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    public Standing standing() {
        return standing;
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
