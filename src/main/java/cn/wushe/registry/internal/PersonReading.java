package cn.wushe.registry.internal;

import cn.wushe.platform.personal.Masking;

import cn.wushe.platform.Text;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.registry.PersonId;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading people's records: one record, its history, revealing it in full, and exact search by
 * identity number or phone. Every read of personal data writes one audit entry per request, naming
 * the person (or, for a search, every person returned).
 */
@Service
public class PersonReading {


    private final JdbcClient jdbc;
    private final People people;
    private final PersonViews views;
    private final ChangeHistory history;
    private final AuditLog audit;

    PersonReading(JdbcClient jdbc, People people, PersonViews views, ChangeHistory history, AuditLog audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.views = views;
        this.history = history;
        this.audit = audit;
    }

    /** The record as the actor may see it; 404 when it lies outside every scope of theirs. */
    @Transactional(readOnly = true)
    public PersonView detail(Actor actor, PersonId id) {
        Disclosure disclosure = disclosureOf(id, actor).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        Person person = people.load(id, any(actor)).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        audit.recordAccess(AuditEvent.success(disclosure == Disclosure.SEARCH ? "PERSON_SEARCH" : "PERSON_READ", "PERSON",
                id.toString(), person.details().address().regionCode()).withDetail("disclosure=" + disclosure));
        return views.of(person, disclosure);
    }

    /**
     * The head of {@code household} as the actor sees them, when the actor may edit them: a new
     * member's form starts from the head's community, grid and address. Empty otherwise.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<PersonView> headOf(Actor actor, cn.wushe.registry.HouseholdId household) {
        java.util.Optional<java.util.UUID> head = jdbc.sql("select head_person_id from registry.households where id = :id")
                .param("id", household.value()).query(java.util.UUID.class).optional();
        if (head.isEmpty() || disclosureOf(new PersonId(head.get()), actor).orElse(Disclosure.SEARCH) != Disclosure.EDIT) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(detail(actor, new PersonId(head.get())));
    }

    /**
     * The record in clear ("查看完整信息"), for a holder of PII_UNMASK whose scope contains it, with a
     * stated reason that is kept in the audit log.
     */
    @Transactional
    public PersonView reveal(Actor actor, PersonId id, @Nullable String reason) {
        return reveal(actor, id, reason, null);
    }

    /**
     * @param reason a {@link RevealReason} code (or free text, read as OTHER)
     * @param note   what "other" means here: at least four Chinese characters
     */
    @Transactional
    public PersonView reveal(Actor actor, PersonId id, @Nullable String reason, @Nullable String note) {
        if (disclosureOf(id, actor).isEmpty()) {
            throw DomainException.notFound(Messages.text("registry.subject.person"));
        }
        Optional<Person> person = people.load(id, Scopes.of(actor, Permission.PII_UNMASK, "p", "u"));
        if (person.isEmpty()) {
            throw DomainException.forbidden(Messages.text("registry.forbidden.unmask"));
        }
        String stated = RevealReason.stated(reason, note);
        audit.record(AuditEvent.success("PERSON_UNMASK", "PERSON", id.toString(), person.get().details().address().regionCode())
                .withReason(stated));
        return views.of(person.get(), Disclosure.FULL);
    }

    /** The change history, for those who may view the record. */
    @Transactional(readOnly = true)
    public List<PersonChange> history(Actor actor, PersonId id) {
        String region = regionOf(id, Scopes.view(actor, "p")).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        audit.recordAccess(AuditEvent.success("PERSON_HISTORY_READ", "PERSON", id.toString(), region));
        return readable(history.of(id));
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * The history as a person reads it: no entry without a value on either side, the community and
     * grid by name, the household by its head's masked name (the history keeps codes and ids, which
     * stay true when names change).
     */
    private List<PersonChange> readable(List<PersonChange> changes) {
        String householdField = Messages.text("registry.subject.household");
        String communityField = Messages.text("registry.export.column.community");
        String gridField = Messages.text("registry.history.field.grid");
        String[] ids = changes.stream().filter(c -> c.field().equals(householdField))
                .flatMap(c -> java.util.stream.Stream.of(c.before(), c.after()))
                .filter(v -> v != null && UUID_TEXT.matcher(v).matches()).distinct().toArray(String[]::new);
        java.util.Map<String, String> heads = new java.util.HashMap<>();
        if (ids.length > 0) {
            jdbc.sql("""
                    select h.id::text, p.name from registry.households h join registry.people p on p.id = h.head_person_id
                    where h.id = any(cast(:ids as uuid[]))""").param("ids", ids)
                    .query((java.sql.ResultSet rs) -> {
                        heads.put(rs.getString(1), Messages.text("registry.history.household-of", Masking.name(rs.getString(2))));
                    });
        }
        java.util.function.UnaryOperator<String> household = v -> v == null || v.isEmpty() ? v
                : heads.getOrDefault(v, UUID_TEXT.matcher(v).matches() ? Messages.text("registry.history.household-gone") : v);
        return changes.stream()
                .filter(c -> !(blank(c.before()) && blank(c.after())))
                .map(c -> {
                    java.util.function.UnaryOperator<String> shown = c.field().equals(householdField) ? household
                            : c.field().equals(communityField) ? v -> blank(v) ? v : views.regionName(v)
                            : c.field().equals(gridField) ? v -> blank(v) ? v : views.gridName(v)
                            : v -> v;
                    return new PersonChange(c.at(), c.by(), c.kind(), c.field(), shown.apply(c.before()), shown.apply(c.after()));
                })
                .toList();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /**
     * Exact search by a full identity number or phone number (via the blind index), within the
     * actor's search scope (a grid worker: the whole town) — the minimal masked projection there,
     * a summary (no categories or related people) where the actor may view or edit; the full record
     * is one {@link #detail} away.
     */
    @Transactional(readOnly = true)
    public List<PersonView> lookup(Actor actor, String query) {
        String normalised = IdentityNumber.normalise(query);
        boolean byPhone = PhoneNumber.problem(query) == null;
        String column = byPhone ? "phone_bidx" : "id_number_bidx";
        String digest = byPhone ? people.phoneIndex(PhoneNumber.normalise(query)) : people.idIndex(normalised);
        if (!byPhone && !normalised.matches("[0-9A-Z]{15}|[0-9A-Z]{18}")) {
            throw DomainException.invalid("query", Messages.text("registry.lookup.query-invalid"));
        }
        SqlPredicate edit = Scopes.edit(actor, "p");
        SqlPredicate view = Scopes.view(actor, "p");
        SqlPredicate scope = any(actor);
        // one query: the rows, and per row which scope holds it (the disclosure)
        List<PersonView> found = jdbc.sql("select p.*, (" + edit.sql() + ") as in_edit, (" + view.sql() + ") as in_view"
                        + " from registry.people p where p." + column + " = :digest and " + scope.sql()
                        + " order by p.name, p.id limit 20")
                .params(scope.params()).param("digest", digest)
                .query((rs, i) -> views.summary(people.map(rs), rs.getBoolean("in_edit") ? Disclosure.EDIT
                        : rs.getBoolean("in_view") ? Disclosure.VIEW : Disclosure.SEARCH))
                .list();
        List<UUID> ids = found.stream().map(PersonView::id).toList();
        audit.recordAccess(AuditEvent.success("PERSON_SEARCH", "PERSON", null, countyOf(actor))
                .withDetail("by=" + (byPhone ? "phone" : "id-number") + ";ids=" + ids.stream().map(UUID::toString)
                        .collect(Collectors.joining(","))));
        return found;
    }

    /**
     * The masked projection of a record found as a duplicate, whatever the actor's scope: the
     * minimal one unless the actor may view it. Audited as a search.
     */
    @Transactional
    public PersonView duplicateShown(Actor actor, PersonId id) {
        Person person = people.load(id, ScopeFilter.unscoped("a duplicate is shown masked whatever the scope")).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.person")));
        Disclosure disclosure = disclosureOf(id, actor).filter(d -> d != Disclosure.SEARCH).orElse(Disclosure.SEARCH);
        audit.record(AuditEvent.success("PERSON_SEARCH", "PERSON", id.toString(), person.details().address().regionCode())
                .withDetail("duplicate-check;disclosure=" + disclosure));
        return views.of(person, disclosure);
    }

    /** What the actor may see of a record: EDIT over VIEW over SEARCH; empty when none of their scopes holds it. */
    Optional<Disclosure> disclosureOf(PersonId id, Actor actor) {
        SqlPredicate edit = Scopes.edit(actor, "p");
        SqlPredicate view = Scopes.view(actor, "p");
        SqlPredicate search = Scopes.search(actor, "p");
        return jdbc.sql("select (" + edit.sql() + ") as e, (" + view.sql() + ") as v, (" + search.sql()
                        + ") as s from registry.people p where p.id = :id")
                .params(edit.params()).params(view.params()).params(search.params()).param("id", id.value())
                .query((rs, i) -> rs.getBoolean("e") ? Disclosure.EDIT : rs.getBoolean("v") ? Disclosure.VIEW
                        : rs.getBoolean("s") ? Disclosure.SEARCH : null)
                .optional();
    }

    Optional<String> regionOf(PersonId id, SqlPredicate scope) {
        return jdbc.sql("select p.region_code from registry.people p where p.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id.value()).query(String.class).optional();
    }

    /** Edit, view or search scope: the widest the actor has for people. */
    static SqlPredicate any(Actor actor) {
        SqlPredicate edit = Scopes.edit(actor, "p");
        SqlPredicate view = Scopes.view(actor, "p");
        SqlPredicate search = Scopes.search(actor, "p");
        java.util.Map<String, Object> params = new java.util.HashMap<>(edit.params());
        params.putAll(view.params());
        params.putAll(search.params());
        return new SqlPredicate("(" + edit.sql() + " or " + view.sql() + " or " + search.sql() + ")", params);
    }

    static @Nullable String countyOf(Actor actor) {
        return actor.scopesFor(Permission.PERSON_SEARCH).stream().map(RegionScope::countyCode)
                .filter(java.util.Objects::nonNull).findFirst()
                .orElse(actor.scopesFor(Permission.PERSON_VIEW).stream().map(RegionScope::countyCode)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null));
    }
}
