package cn.wushe.registry.demo;

import cn.wushe.platform.db.CopyIn;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.demo.GeneratedPeople.Category;
import cn.wushe.registry.demo.GeneratedPeople.Household;
import cn.wushe.registry.demo.GeneratedPeople.Member;
import cn.wushe.registry.demo.GeneratedPeople.Party;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import cn.wushe.registry.internal.ImportedIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes generated households and people with PostgreSQL {@code COPY}, encrypting and indexing as
 * the application does, for demo data and benchmark volumes. Joins the caller's transaction, and
 * publishes the ids as {@link cn.wushe.registry.PeopleImported} events (without an import job).
 */
@Component
public class BulkLoad {

    private static final int CHUNK = 2_000;

    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final ApplicationEventPublisher events;

    BulkLoad(DataSource dataSource, FieldCipher cipher, BlindIndex index, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.index = index;
        this.events = events;
    }

    /** @return people written */
    public int write(List<Household> households, UUID createdBy, Instant at) {
        return write(households, createdBy, at, false);
    }

    /**
     * @param reuseCiphertexts benchmark volumes only: low-cardinality values (addresses, health notes,
     *                         income bands) are encrypted once per call; equal ciphertexts reveal equal
     *                         values, so demo and real data never use this
     */
    public int write(List<Household> households, UUID createdBy, Instant at, boolean reuseCiphertexts) {
        java.util.Map<String, String> memo = new java.util.HashMap<>();
        java.util.function.UnaryOperator<String> once = reuseCiphertexts
                ? plaintext -> memo.computeIfAbsent(plaintext, cipher::encrypt) : cipher::encrypt;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean loader = false;
        try {
            // COPY into tables behind the row-level security wall needs the loader role
            loader = CopyIn.takeLoaderRole(connection);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            int people = 0;
            ImportedIds imported = new ImportedIds();
            for (int from = 0; from < households.size(); from += CHUNK) {
                List<Household> chunk = households.subList(from, Math.min(households.size(), from + CHUNK));
                StringBuilder h = new StringBuilder();
                StringBuilder p = new StringBuilder();
                StringBuilder c = new StringBuilder();
                StringBuilder r = new StringBuilder();
                StringBuilder changes = new StringBuilder();
                for (Household household : chunk) {
                    row(h, household.id(), household.countyCode(), household.regionCode(), household.communityCode(),
                            household.gridCode(), household.members().get(0).id(), once.apply(household.address()),
                            at, createdBy, at, createdBy);
                    for (Member m : household.members()) {
                        people++;
                        imported.registered(household.countyCode(), new PersonId(m.id()));
                        person(p, household, m, createdBy, at, once);
                        for (Category cat : m.categories()) {
                            row(c, UUID.randomUUID(), m.id(), household.countyCode(), cat.code(), cat.start(), null,
                                    cat.source(), cat.disabilityType(), cat.grade());
                        }
                        for (int i = 0; i < m.parties().size(); i++) {
                            Party party = m.parties().get(i);
                            row(r, UUID.randomUUID(), m.id(), household.countyCode(), party.kind().name(), party.name(),
                                    party.relation(), party.phone() == null ? null : cipher.encrypt(party.phone()), i);
                        }
                        row(changes, m.id(), household.countyCode(), at, createdBy, "演示数据", "REGISTERED", "登记", "",
                                "批量生成");
                    }
                }
                copy.copyIn("copy registry.households (id, county_code, region_code, community_code, grid_code, head_person_id,"
                        + " address_detail_enc, created_at, created_by, updated_at, updated_by) from stdin", new StringReader(h.toString()));
                copy.copyIn("copy registry.people (id, county_code, region_code, community_code, grid_code, name, id_doc_type,"
                        + " id_number_enc, id_number_bidx, birth_date, sex, phone_enc, phone_bidx, address_detail_enc, health_enc,"
                        + " income_band_enc, household_id, relation_to_head, created_at, created_by, updated_at, updated_by) from stdin",
                        new StringReader(p.toString()));
                copy.copyIn("copy registry.person_categories (id, person_id, county_code, category_code, start_date, end_date,"
                        + " source, disability_type, disability_grade) from stdin", new StringReader(c.toString()));
                copy.copyIn("copy registry.related_parties (id, person_id, county_code, kind, name, relation, phone_enc, sort_order)"
                        + " from stdin", new StringReader(r.toString()));
                copy.copyIn("copy registry.person_changes (person_id, county_code, changed_at, changed_by, changed_by_name,"
                        + " change_kind, field, before_value, after_value) from stdin", new StringReader(changes.toString()));
            }
            // neighbours learn of bulk-loaded people as of imported ones, once the caller's transaction commits
            imported.events(null).forEach(events::publishEvent);
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException("批量写入人员失败", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (loader) {
                CopyIn.resetRole(connection);
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void person(StringBuilder out, Household household, Member m, UUID createdBy, Instant at,
            java.util.function.UnaryOperator<String> once) {
        row(out, m.id(), household.countyCode(), household.regionCode(), household.communityCode(), household.gridCode(),
                m.name(), IdDocumentType.RESIDENT_ID.name(), cipher.encrypt(m.idNumber()),
                index.of(IdentityNumber.BLIND_INDEX_PURPOSE, m.idNumber()), m.birthDate(), m.sex().name(),
                m.phone() == null ? null : cipher.encrypt(m.phone()),
                m.phone() == null ? null : index.of(PhoneNumber.BLIND_INDEX_PURPOSE, m.phone()),
                once.apply(household.address()), m.health() == null ? null : once.apply(m.health()),
                once.apply(m.income().name()), household.id(), m.relation().name(), at, createdBy, at, createdBy);
    }

    /** One line of COPY's text format; see {@link CopyIn#row}. */
    static void row(StringBuilder out, @Nullable Object... values) {
        CopyIn.row(out, values);
    }
}
