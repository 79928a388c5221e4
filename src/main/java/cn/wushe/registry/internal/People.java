package cn.wushe.registry.internal;

import cn.wushe.platform.db.CopyIn;
import cn.wushe.platform.db.CpuWork;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.registry.internal.PersonDetails.Address;
import cn.wushe.registry.internal.PersonDetails.CategoryEntry;
import cn.wushe.registry.internal.PersonDetails.RelatedParty;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores {@link Person} aggregates: encrypts sensitive fields on the way in, computes the blind
 * indexes, decrypts on the way out. Categories and related parties are rewritten with their person.
 */
@Repository
class People {

    static final String ID_PURPOSE = IdentityNumber.BLIND_INDEX_PURPOSE;
    static final String PHONE_PURPOSE = PhoneNumber.BLIND_INDEX_PURPOSE;

    private final JdbcClient jdbc;
    private final CopyIn copy;
    private final CpuWork work;
    private final FieldCipher cipher;
    private final BlindIndex index;

    People(JdbcClient jdbc, CopyIn copy, CpuWork work, FieldCipher cipher, BlindIndex index) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.work = work;
        this.cipher = cipher;
        this.index = index;
    }

    String idIndex(IdentityNumber number) {
        return idIndex(number.value());
    }

    String idIndex(String normalisedNumber) {
        return index.of(ID_PURPOSE, normalisedNumber);
    }

    String phoneIndex(String digits) {
        return index.of(PHONE_PURPOSE, digits);
    }

    /** A person already registered with this number anywhere in the county, regardless of the actor's scope. */
    Optional<PersonId> findByIdNumber(String countyCode, IdentityNumber number) {
        return jdbc.sql("select id from registry.people where county_code = :county and id_number_bidx = :bidx")
                .param("county", countyCode).param("bidx", idIndex(number))
                .query((rs, i) -> new PersonId(rs.getObject(1, UUID.class))).optional();
    }

    void insert(Person person, @Nullable UUID actorId, Instant now) {
        insertAll(List.of(person), actorId, now);
    }

    /** A new person's own columns in the order {@link #storedValues} gives them. */
    static final String STORED_COLUMNS = """
            county_code, region_code, community_code, grid_code, name, id_doc_type, id_number_enc, id_number_bidx,
            birth_date, sex, phone_enc, phone_bidx, address_detail_enc, health_enc, income_band_enc""";

    /** Many people by COPY, categories and related parties included (a roster import). */
    void insertAll(List<Person> persons, @Nullable UUID actorId, Instant now) {
        StringBuilder lines = new StringBuilder();
        // encryption and blind indexes are most of the JVM's share of an import: spread over the cores
        work.map(persons, person -> {
            List<Object> values = new ArrayList<>(24);
            values.add(person.id().value());
            values.addAll(storedValues(person.details(), null));
            values.addAll(java.util.Arrays.asList(person.householdId().value(), person.details().relationToHead().name(),
                    now, actorId, now, actorId));
            StringBuilder line = new StringBuilder(512);
            CopyIn.row(line, values.toArray());
            return line;
        }).forEach(lines::append);
        copy.copy("registry.people (id, " + STORED_COLUMNS + ", household_id, relation_to_head, created_at, created_by,"
                + " updated_at, updated_by)", lines);
        writeChildren(persons);
    }

    /**
     * The values of {@link #STORED_COLUMNS} for {@code d}, encrypted and blind-indexed as stored
     * ({@code idIndex} when the caller has it already, else computed).
     */
    List<@Nullable Object> storedValues(PersonDetails d, @Nullable String idIndex) {
        Address a = d.address();
        return java.util.Arrays.asList(a.countyCode(), a.regionCode(), a.communityCode(), a.gridCode(), d.name(),
                d.idNumber().type().name(), cipher.encrypt(d.idNumber().value()),
                idIndex != null ? idIndex : idIndex(d.idNumber()), d.birthDate(), d.sex().name(),
                d.phone() == null ? null : cipher.encrypt(d.phone().digits()),
                d.phone() == null ? null : phoneIndex(d.phone().digits()), encrypt(a.detail()), encrypt(d.health()),
                d.incomeBand() == null ? null : cipher.encrypt(d.incomeBand().name()));
    }

    /** A related party's phone as stored. */
    @Nullable String partyPhone(RelatedParty party) {
        return party.phone() == null ? null : cipher.encrypt(party.phone().digits());
    }

    /** @return {@code false} when someone else changed the person since {@code expectedVersion} was read */
    boolean update(Person person, int expectedVersion, @Nullable UUID actorId, Instant now) {
        int rows = jdbc.sql("""
                update registry.people set county_code = :county, region_code = :region, community_code = :community,
                    grid_code = :grid, name = :name, id_doc_type = :docType, id_number_enc = :idEnc, id_number_bidx = :idBidx,
                    birth_date = :birth, sex = :sex, phone_enc = :phoneEnc, phone_bidx = :phoneBidx,
                    address_detail_enc = :addressEnc, health_enc = :healthEnc, income_band_enc = :incomeEnc,
                    household_id = :household, relation_to_head = :relation, version = :version,
                    updated_at = :now, updated_by = :by
                where id = :id and version = :expected""")
                .params(columns(person)).param("id", person.id().value()).param("version", person.version())
                .param("expected", expectedVersion).param("now", Timestamp.from(now)).param("by", actorId)
                .update();
        if (rows == 1) {
            jdbc.sql("delete from registry.person_categories where person_id = :id").param("id", person.id().value()).update();
            jdbc.sql("delete from registry.related_parties where person_id = :id").param("id", person.id().value()).update();
            writeChildren(List.of(person));
        }
        return rows == 1;
    }

    /**
     * Writes a record's status (档案状态) and version; the destination of a move is encrypted like
     * an address.
     *
     * @return {@code false} when someone else changed the person since {@code expectedVersion} was read
     */
    boolean saveStanding(Person person, int expectedVersion, @Nullable UUID actorId, Instant now) {
        Person.Standing standing = person.standing();
        return jdbc.sql("""
                update registry.people set status = :status, status_on = :on, closing_reason = :reason,
                    moved_to_enc = :movedTo, version = :version, updated_at = :now, updated_by = :by
                where id = :id and version = :expected""")
                .param("status", standing.status().name())
                .param("on", standing.since() == null ? null : Date.valueOf(standing.since()))
                .param("reason", standing.reason() == null ? null : standing.reason().name())
                .param("movedTo", encrypt(standing.movedTo())).param("version", person.version())
                .param("now", Timestamp.from(now)).param("by", actorId).param("id", person.id().value())
                .param("expected", expectedVersion).update() == 1;
    }

    /** People of a household, for its view; scope is applied by the caller through the household. */
    int countMembers(HouseholdId household) {
        return jdbc.sql("select count(*) from registry.people where household_id = :h").param("h", household.value())
                .query(Integer.class).single();
    }

    /** The person if it lies inside {@code scope}; the predicate must use the table alias {@code p}. */
    Optional<Person> load(PersonId id, SqlPredicate scope) {
        Optional<Person> person = jdbc.sql("select p.* from registry.people p where p.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id.value())
                .query((rs, i) -> map(rs)).optional();
        return person.map(p -> new Person(p.id(), p.householdId(), withChildren(p), p.version(), p.standing()));
    }

    /** The update's parameter names for {@link #storedValues}, in its order. */
    private static final List<String> STORED_PARAMS = List.of("county", "region", "community", "grid", "name", "docType",
            "idEnc", "idBidx", "birth", "sex", "phoneEnc", "phoneBidx", "addressEnc", "healthEnc", "incomeEnc");

    private Map<String, @Nullable Object> columns(Person person) {
        List<@Nullable Object> values = storedValues(person.details(), null);
        Map<String, @Nullable Object> m = new java.util.HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            m.put(STORED_PARAMS.get(i), values.get(i));
        }
        m.put("birth", Date.valueOf(person.details().birthDate()));
        m.put("household", person.householdId().value());
        m.put("relation", person.details().relationToHead().name());
        return m;
    }

    private @Nullable String encrypt(@Nullable String value) {
        return value == null ? null : cipher.encrypt(value);
    }

    private @Nullable String decrypt(@Nullable String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    private void writeChildren(List<Person> persons) {
        StringBuilder categories = new StringBuilder();
        StringBuilder related = new StringBuilder();
        for (Person person : persons) {
            PersonDetails d = person.details();
            String county = d.address().countyCode();
            for (CategoryEntry c : d.categories()) {
                CopyIn.row(categories, UUID.randomUUID(), person.id().value(), county, c.code(), c.startDate(), c.endDate(),
                        c.source(), c.disabilityType(), c.disabilityGrade());
            }
            List<RelatedParty> parties = new ArrayList<>(d.obligors());
            parties.addAll(d.contacts());
            for (int i = 0; i < parties.size(); i++) {
                RelatedParty p = parties.get(i);
                CopyIn.row(related, UUID.randomUUID(), person.id().value(), county, p.kind().name(), p.name(), p.relation(),
                        partyPhone(p), i);
            }
        }
        copy.copy("""
                registry.person_categories (id, person_id, county_code, category_code, start_date, end_date,
                    source, disability_type, disability_grade)""", categories);
        copy.copy("registry.related_parties (id, person_id, county_code, kind, name, relation, phone_enc, sort_order)", related);
    }

    /** A person from a {@code registry.people} row, without categories and related people. */
    Person map(ResultSet rs) throws SQLException {
        IdentityNumber number = new IdentityNumber(IdDocumentType.valueOf(rs.getString("id_doc_type")),
                cipher.decrypt(rs.getString("id_number_enc")));
        String phone = decrypt(rs.getString("phone_enc"));
        String income = decrypt(rs.getString("income_band_enc"));
        PersonDetails d = new PersonDetails(rs.getString("name"), number, Sex.valueOf(rs.getString("sex")),
                phone == null ? null : new PhoneNumber(phone),
                new Address(rs.getString("community_code"), rs.getString("grid_code"), decrypt(rs.getString("address_detail_enc"))),
                new HouseholdId(rs.getObject("household_id", UUID.class)),
                RelationToHead.valueOf(rs.getString("relation_to_head")), List.of(), decrypt(rs.getString("health_enc")),
                income == null ? null : IncomeBand.valueOf(income), List.of(), List.of());
        Date since = rs.getDate("status_on");
        String reason = rs.getString("closing_reason");
        Person.Standing standing = new Person.Standing(PersonStatus.valueOf(rs.getString("status")),
                since == null ? null : since.toLocalDate(), reason == null ? null : ClosingReason.valueOf(reason),
                decrypt(rs.getString("moved_to_enc")));
        return new Person(new PersonId(rs.getObject("id", UUID.class)), d.householdId(), d, rs.getInt("version"), standing);
    }

    private PersonDetails withChildren(Person p) {
        PersonDetails d = p.details();
        List<CategoryEntry> categories = jdbc.sql("""
                select category_code, start_date, end_date, source, disability_type, disability_grade
                from registry.person_categories where person_id = :id order by start_date, category_code""")
                .param("id", p.id().value())
                .query((rs, i) -> new CategoryEntry(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6)))
                .list();
        List<RelatedParty> parties = jdbc.sql("""
                select kind, name, relation, phone_enc from registry.related_parties where person_id = :id order by sort_order""")
                .param("id", p.id().value())
                .query((rs, i) -> {
                    String phone = decrypt(rs.getString(4));
                    return new RelatedParty(PartyKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            phone == null ? null : new PhoneNumber(phone));
                }).list();
        return new PersonDetails(d.name(), d.idNumber(), d.sex(), d.phone(), d.address(), d.householdId(), d.relationToHead(),
                categories, d.health(), d.incomeBand(),
                parties.stream().filter(r -> r.kind() == PartyKind.OBLIGOR).toList(),
                parties.stream().filter(r -> r.kind() == PartyKind.CONTACT).toList());
    }
}
