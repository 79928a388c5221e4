package cn.wushe.registry.internal;

import cn.wushe.platform.db.CopyIn;
import cn.wushe.platform.db.CpuWork;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonId;

import cn.wushe.platform.FieldCipher;
import cn.wushe.registry.internal.PersonDetails.Address;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households (家庭户) as rows; the people of a household are read through {@link People}. */
@Repository
class Households {

    private final JdbcClient jdbc;
    private final CopyIn copy;
    private final CpuWork work;
    private final FieldCipher cipher;

    Households(JdbcClient jdbc, CopyIn copy, CpuWork work, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.work = work;
        this.cipher = cipher;
    }

    record HouseholdRow(HouseholdId id, String countyCode, String regionCode, String communityCode,
            @Nullable String gridCode, @Nullable PersonId head, int version) {
    }

    /** Unscoped: callers check the household's region against the actor before using it. */
    Optional<HouseholdRow> find(HouseholdId id) {
        return jdbc.sql("""
                select id, county_code, region_code, community_code, grid_code, head_person_id, version
                from registry.households where id = :id""")
                .param("id", id.value())
                .query((rs, i) -> new HouseholdRow(new HouseholdId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, UUID.class) == null ? null : new PersonId(rs.getObject(6, UUID.class)), rs.getInt(7)))
                .optional();
    }

    void create(HouseholdId id, Address address, PersonId head, @Nullable UUID actorId, Instant now) {
        createAll(List.of(new NewHousehold(id, address, head)), actorId, now);
    }

    /** A household to create, headed by a person registered with it. */
    record NewHousehold(HouseholdId id, Address address, PersonId head) {
    }

    /** Many households in one COPY (a roster import). */
    void createAll(List<NewHousehold> created, @Nullable UUID actorId, Instant now) {
        StringBuilder lines = new StringBuilder();
        work.map(created, h -> {
            Address a = h.address();
            StringBuilder line = new StringBuilder(256);
            CopyIn.row(line, h.id().value(), a.countyCode(), a.regionCode(), a.communityCode(), a.gridCode(),
                    h.head().value(), a.detail() == null ? null : cipher.encrypt(a.detail()), now, actorId, now, actorId);
            return line;
        }).forEach(lines::append);
        copy.copy("""
                registry.households (id, county_code, region_code, community_code, grid_code, head_person_id,
                    address_detail_enc, created_at, created_by, updated_at, updated_by)""", lines);
    }

    /** The household as its members' moves change it; unscoped like {@link #find}. */
    Optional<Household> load(HouseholdId id) {
        return jdbc.sql("""
                select head_person_id, community_code, grid_code, address_detail_enc from registry.households where id = :id""")
                .param("id", id.value())
                .query((rs, i) -> new Household(id,
                        rs.getObject(1, UUID.class) == null ? null : new PersonId(rs.getObject(1, UUID.class)),
                        new Address(rs.getString(2), rs.getString(3),
                                rs.getString(4) == null ? null : cipher.decrypt(rs.getString(4)))))
                .optional();
    }

    /** Stores what {@link Household}'s transitions changed: its place and head, or its end. */
    void save(Household household) {
        if (household.dissolved()) {
            jdbc.sql("delete from registry.households where id = :id").param("id", household.id().value()).update();
        } else if (household.changed()) {
            Address a = household.address();
            jdbc.sql("""
                    update registry.households set county_code = :county, region_code = :region, community_code = :community,
                        grid_code = :grid, address_detail_enc = :address, head_person_id = :head, version = version + 1
                    where id = :id""")
                    .param("id", household.id().value()).param("county", a.countyCode()).param("region", a.regionCode())
                    .param("community", a.communityCode()).param("grid", a.gridCode())
                    .param("address", a.detail() == null ? null : cipher.encrypt(a.detail()))
                    .param("head", household.head() == null ? null : household.head().value())
                    .update();
        }
    }
}
