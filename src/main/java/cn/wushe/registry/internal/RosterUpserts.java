package cn.wushe.registry.internal;

import cn.wushe.platform.ProblemType;
import cn.wushe.platform.db.CpuWork;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonId;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.internal.Person.FieldChange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's side of a roster import (花名册导入) before anything is written: what
 * {@link RegisteringPerson#upsert} would do with each draft — register, revise (with the masked
 * differences), leave unchanged, or refuse and why — checked a batch at a time with the same
 * {@link PersonValidation} (its place look-ups remembered for the batch), so an importer sees the outcome before committing. Batches look
 * existing people up by blind index in one query instead of one per row.
 */
@Service
public class RosterUpserts {

    private final PlaceValid places;
    private final AlreadyRegisteredInCounty alreadyRegistered;
    private final PossibleDuplicateInTown possibleDuplicate;
    private final People people;
    private final Households households;
    private final ChangeHistory history;
    private final RegisteringPerson registering;
    private final CategoryTypes categoryTypes;
    private final JdbcClient jdbc;
    private final CpuWork work;
    private final Clock clock;

    RosterUpserts(PlaceValid places, AlreadyRegisteredInCounty alreadyRegistered, PossibleDuplicateInTown possibleDuplicate,
            People people, Households households, ChangeHistory history,
            RegisteringPerson registering, CategoryTypes categoryTypes, JdbcClient jdbc,
            CpuWork work, Clock clock) {
        this.places = places;
        this.alreadyRegistered = alreadyRegistered;
        this.possibleDuplicate = possibleDuplicate;
        this.people = people;
        this.households = households;
        this.history = history;
        this.registering = registering;
        this.categoryTypes = categoryTypes;
        this.jdbc = jdbc;
        this.work = work;
        this.clock = clock;
    }

    /** How writing one draft came out. */
    public enum Written { NEW, UPDATE, UNCHANGED }

    /** A draft that can no longer be written as it was previewed; nothing of its batch should be kept. */
    public static final class NotAsPreviewed extends DomainException {

        private final int index;

        NotAsPreviewed(int index, String why) {
            super(ProblemType.IMPORT_CHANGED, why);
            this.index = index;
        }

        /** The draft's place in the batch. */
        public int index() {
            return index;
        }
    }

    /**
     * What an upsert of one draft would come to, with what validation found so that nothing is
     * validated twice: the details to write, and the identity number as read.
     */
    public sealed interface Preview {

        /** The draft's identity number as read, when valid (also for a rejected draft). */
        @Nullable IdentityNumber idNumber();

        /** A new person would be registered with these details; {@code idIndex} is their identity number's blind index. */
        record New(PersonDetails details, String idIndex) implements Preview {

            @Override
            public IdentityNumber idNumber() {
                return details.idNumber();
            }
        }

        /**
         * The person registered under this number would be revised; {@code changes} are masked;
         * {@code person} as loaded (unchanged) and {@code details} as validated, to be written as they are.
         */
        record Update(PersonId id, List<FieldChange> changes, Person person, PersonDetails details) implements Preview {

            @Override
            public IdentityNumber idNumber() {
                return details.idNumber();
            }
        }

        /** The record already says exactly this. */
        record Unchanged(PersonId id, IdentityNumber idNumber) implements Preview {
        }

        /** Nothing would be written: field → Chinese message, field names as in {@link PersonDraft}. */
        record Rejected(Map<String, String> errors, @Nullable IdentityNumber idNumber) implements Preview {
        }
    }

    /**
     * Previews the upsert of every draft, in order, as {@code actor}; writes nothing. Drafts of the
     * same batch are judged against the registry only, not against each other (the importer checks
     * duplicates inside a file itself).
     */
    @Transactional(readOnly = true)
    public List<Preview> preview(List<PersonDraft> drafts, Actor actor) {
        PersonValidation checking = validationForBatch();
        // an explicit end of a category (「退出:低保」) is judged against the registered person, not here
        List<PersonValidation.Result> results = drafts.stream().map(d -> checking.check(withoutEndings(d), actor)).toList();
        // one keyed digest per row: HMAC-SM3 is the costliest step of a large preview
        List<String> indexes = work.map(results, r -> r.valid() ? people.idIndex(r.details().idNumber()) : null);
        Map<String, PersonId> existing = existing(results, indexes);
        Set<PossibleDuplicateInTown.Key> sameNameAndBirth = sameNameAndBirth(results, indexes, existing);
        List<Preview> previews = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            PersonValidation.Result result = results.get(i);
            if (!result.valid()) {
                previews.add(new Preview.Rejected(result.errors(), result.idNumber()));
                continue;
            }
            PersonDetails details = result.details();
            PersonId id = existing.get(indexes.get(i));
            if (id != null) {
                previews.add(revision(id, drafts.get(i), details.idNumber(), actor, checking));
            } else if (sameNameAndBirth.contains(PossibleDuplicateInTown.Key.of(details))) {
                previews.add(new Preview.Rejected(Map.of("name", PossibleDuplicateInTown.refusal()), details.idNumber()));
            } else if (withoutEndings(drafts.get(i)) != drafts.get(i)) {
                previews.add(new Preview.Rejected(Map.of("categories[0].code", Messages.text("registry.import.category-end-new")),
                        details.idNumber()));
            } else {
                previews.add(new Preview.New(details, indexes.get(i)));
            }
        }
        return previews;
    }

    /**
     * Writes a batch in the caller's transaction as {@code actor}, checking every draft again first
     * (the registry may have changed since the preview). New people who head their own household
     * are registered together — household, record, categories, related parties, one history entry
     * each ("登记", {@code how}) — in a few JDBC batches;
     * revisions and new members of an existing household are written one at a time as the form
     * writes them, with the details this re-check validated (not validated again). No per-person
     * event: the ids go to {@code imported}, and the caller publishes them and audits the import as a whole.
     *
     * @throws NotAsPreviewed naming the first draft that cannot be written as previewed
     */
    @Transactional
    public List<Written> write(List<PersonDraft> drafts, Actor actor, String how, ImportedIds imported) {
        List<Preview> previews = preview(drafts, actor);
        List<Written> written = new ArrayList<>(drafts.size());
        List<Person> created = new ArrayList<>();
        List<Households.NewHousehold> newHouseholds = new ArrayList<>();
        List<Integer> oneByOne = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Preview preview = previews.get(i);
            if (preview instanceof Preview.Rejected rejected) {
                throw new NotAsPreviewed(i, String.join("；", rejected.errors().values()));
            } else if (preview instanceof Preview.New n && n.details().householdId() == null) {
                Person person = Person.register(new PersonId(UUID.randomUUID()), new HouseholdId(UUID.randomUUID()), n.details());
                created.add(person);
                newHouseholds.add(new Households.NewHousehold(person.householdId(), n.details().address(), person.id()));
                written.add(Written.NEW);
            } else if (preview instanceof Preview.Unchanged) {
                written.add(Written.UNCHANGED);
            } else {
                oneByOne.add(i);
                written.add(null);
            }
        }
        if (!created.isEmpty()) {
            Instant now = clock.instant();
            households.createAll(newHouseholds, actor.id(), now);
            people.insertAll(created, actor.id(), now);
            history.recordAll(created.stream().map(p -> new ChangeHistory.Entry(p.id(), p.details().address().countyCode(),
                    new FieldChange(Messages.text("registry.history.field.registered-how"), "", how))).toList(), "REGISTERED", actor, now);
            created.forEach(p -> imported.registered(p.details().address().countyCode(), p.id()));
        }
        for (int i : oneByOne) {
            written.set(i, switch (previews.get(i)) {
                case Preview.New n -> {
                    imported.registered(n.details().address().countyCode(), registering.registerChecked(actor, n.details(), false).id());
                    yield Written.NEW;
                }
                case Preview.Update u -> {
                    if (registering.reviseChecked(actor, u.person(), u.details()) instanceof Registration.Revised revised) {
                        imported.revised(u.details().address().countyCode(), revised.id());
                        yield Written.UPDATE;
                    }
                    yield Written.UNCHANGED;
                }
                default -> throw new IllegalStateException("written above: " + previews.get(i).getClass().getSimpleName());
            });
        }
        return written;
    }

    /**
     * The household of the person registered in the county under {@code headIdNumber} (normalised,
     * any document type), if any; not scope-checked: validation checks the household against the actor.
     */
    @Transactional(readOnly = true)
    public Optional<HouseholdId> householdOf(String headIdNumber, String countyCode) {
        return jdbc.sql("select household_id from registry.people where county_code = :county and id_number_bidx = :bidx")
                .param("county", countyCode).param("bidx", people.idIndex(headIdNumber))
                .query((rs, i) -> new HouseholdId(rs.getObject(1, UUID.class))).optional();
    }

    private Preview revision(PersonId id, PersonDraft draft, IdentityNumber number, Actor actor, PersonValidation checking) {
        Optional<Person> loaded = people.load(id, WithinEditScope.sql(actor, "p"));
        if (loaded.isEmpty()) {
            return new Preview.Rejected(Map.of("idNumber", AlreadyRegisteredInCounty.registeredElsewhere()), number);
        }
        Person person = loaded.get();
        Optional<String> notOpen = person.notOpen();
        if (notOpen.isPresent()) {
            return new Preview.Rejected(Map.of("idNumber", notOpen.get()), number);
        }
        // the number matched, the person did not: a typo in the number would otherwise overwrite someone else
        String rowName = draft.name() == null ? null : draft.name().strip();
        if (rowName != null && !rowName.equals(person.details().name())) {
            return new Preview.Rejected(Map.of("name", Messages.text("registry.import.name-differs",
                    cn.wushe.platform.personal.Masking.name(person.details().name()))), number);
        }
        if (!person.details().birthDate().equals(number.birthDate())) {
            return new Preview.Rejected(Map.of("idNumber", Messages.text("registry.import.birth-differs")), number);
        }
        Map<String, String> endingRefused = new java.util.LinkedHashMap<>();
        draft = draft.withCategories(mergedCategories(draft, person, endingRefused));
        if (!endingRefused.isEmpty()) {
            return new Preview.Rejected(endingRefused, number);
        }
        PersonValidation.Result result = checking.check(RegisteringPerson.completed(draft, person), actor);
        if (!result.valid()) {
            return new Preview.Rejected(result.errors(), number);
        }
        PersonDetails details = result.details();
        HouseholdId target = details.householdId() != null ? details.householdId() : person.householdId();
        // a copy is revised: that only computes the differences, the loaded record stays as it is for the write
        List<FieldChange> changes = person.copy().revise(details, target, categoryTypes::nameOf);
        return changes.isEmpty() ? new Preview.Unchanged(id, number) : new Preview.Update(id, changes, person, details);
    }

    /** The draft without its explicit category ends; the same draft when it has none. */
    private static PersonDraft withoutEndings(PersonDraft d) {
        if (d.categories() == null || d.categories().stream().noneMatch(PersonDraft.CategoryDraft::isEnding)) {
            return d;
        }
        return d.withCategories(d.categories().stream().filter(c -> !c.isEnding()).toList());
    }

    /**
     * A roster row's categories merged into what the person holds: every held entry is kept (an
     * import never drops a category by leaving it out), those the row ends explicitly
     * ({@link PersonDraft.CategoryDraft#isEnding}) get the end date, and the row's other categories
     * are added unless the person holds them today. An end of a category not held goes to {@code refused}.
     */
    private List<PersonDraft.CategoryDraft> mergedCategories(PersonDraft draft, Person person, Map<String, String> refused) {
        LocalDate today = LocalDate.now(clock);
        List<PersonDraft.CategoryDraft> row = draft.categories() == null ? List.of() : draft.categories();
        Map<String, LocalDate> ends = new java.util.HashMap<>();
        row.stream().filter(PersonDraft.CategoryDraft::isEnding).forEach(c -> ends.put(c.code(), c.endDate()));
        List<PersonDraft.CategoryDraft> merged = new ArrayList<>();
        Set<String> heldToday = new java.util.HashSet<>();
        for (PersonDetails.CategoryEntry held : person.details().categories()) {
            boolean open = held.endDate() == null;
            LocalDate end = open && ends.containsKey(held.code()) ? ends.remove(held.code()) : held.endDate();
            merged.add(new PersonDraft.CategoryDraft(held.code(), held.startDate(), end, held.source(), held.disabilityType(),
                    held.disabilityGrade()));
            if (held.currentOn(today)) {
                heldToday.add(held.code());
            }
        }
        ends.keySet().forEach(code -> refused.put("categories[0].code",
                Messages.text("registry.import.category-end-not-held", categoryTypes.nameOf(code))));
        row.stream().filter(c -> !c.isEnding() && !heldToday.contains(c.code())).forEach(merged::add);
        return merged;
    }

    /**
     * The one PersonValidation, with the region and grid look-ups remembered for one batch
     * ({@link PlaceValid#remembering}).
     */
    private PersonValidation validationForBatch() {
        return new PersonValidation(places.remembering(), categoryTypes, households, clock);
    }

    /** Blind index → person, for the valid drafts' identity numbers, one query per county. */
    private Map<String, PersonId> existing(List<PersonValidation.Result> results, List<String> indexes) {
        Map<String, List<String>> indexesByCounty = AlreadyRegisteredInCounty.byCounty();
        for (int i = 0; i < results.size(); i++) {
            PersonValidation.Result r = results.get(i);
            if (r.valid()) {
                AlreadyRegisteredInCounty.add(indexesByCounty, r.details().address().countyCode(), indexes.get(i));
            }
        }
        return alreadyRegistered.findAll(indexesByCounty);
    }

    /** The name, birth date and town of the new drafts that someone already registered in the same town shares. */
    private Set<PossibleDuplicateInTown.Key> sameNameAndBirth(List<PersonValidation.Result> results, List<String> indexes,
            Map<String, PersonId> existing) {
        List<PossibleDuplicateInTown.Key> keys = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            PersonValidation.Result r = results.get(i);
            if (r.valid() && !existing.containsKey(indexes.get(i))) {
                keys.add(PossibleDuplicateInTown.Key.of(r.details()));
            }
        }
        return possibleDuplicate.registered(keys);
    }
}
