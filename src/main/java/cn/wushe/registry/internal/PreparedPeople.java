package cn.wushe.registry.internal;

import cn.wushe.platform.db.CopyIn;
import cn.wushe.platform.db.CpuWork;
import cn.wushe.registry.PersonId;

import cn.wushe.platform.Actor;
import cn.wushe.registry.internal.PersonDetails.CategoryEntry;
import cn.wushe.registry.internal.PersonDetails.RelatedParty;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * New people of a roster import (花名册导入) prepared while the file is checked, so that its commit
 * is server-side SQL: the check stages each valid new person heading their own household with the
 * column values the registry will hold — encrypted and blind-indexed exactly as {@link People}
 * writes them — and the commit re-checks in SQL what may have changed since, then copies the staged
 * rows into households, people, categories, related parties and the history with no row passing
 * through the application and no encryption. Rows are staged in {@code registry.import_people}.
 */
@Repository
public class PreparedPeople {

    /** Why a staged row can no longer be imported as previewed, with its row number. */
    public record Changed(int rowNumber, String why) {
    }

    /** A valid new person of row {@code rowNumber} who heads their own household; {@code idIndex} as in the preview. */
    public record NewHead(int rowNumber, PersonDetails details, String idIndex) {
    }

    private final JdbcClient jdbc;
    private final CopyIn copy;
    private final CpuWork work;
    private final People people;
    private final PlaceValid places;
    private final CategoryTypes categoryTypes;
    private final JsonMapper json;

    PreparedPeople(JdbcClient jdbc, CopyIn copy, CpuWork work, People people, PlaceValid places,
            CategoryTypes categoryTypes, JsonMapper json) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.work = work;
        this.people = people;
        this.places = places;
        this.categoryTypes = categoryTypes;
        this.json = json;
    }

    /** Stages {@code heads} for {@code job} by COPY; their encryption runs on all cores. */
    public void stage(UUID job, List<NewHead> heads) {
        StringBuilder lines = new StringBuilder(heads.size() * 800);
        work.map(heads, h -> {
            List<@Nullable Object> values = new ArrayList<>(20);
            values.add(job);
            values.add(h.rowNumber());
            values.addAll(people.storedValues(h.details(), h.idIndex()));
            values.add(h.details().relationToHead().name());
            values.add(categories(h.details()));
            values.add(parties(h.details()));
            StringBuilder line = new StringBuilder(640);
            CopyIn.row(line, values.toArray());
            return line;
        }).forEach(lines::append);
        copy.copy("registry.import_people (job_id, row_number, " + People.STORED_COLUMNS
                + ", relation_to_head, categories, parties)", lines);
    }

    /**
     * The first staged row (in row order) that can no longer be imported as previewed: its number is
     * now registered in the county, someone of the same name and birth date now lives in its town,
     * its community or grid is gone or outside {@code actor}'s edit and import scope, or one of its
     * categories was retired.
     */
    public Optional<Changed> firstChanged(UUID job, Actor actor) {
        List<Changed> changed = new ArrayList<>();
        // two joins rather than one OR of two EXISTS, so that PostgreSQL may hash-join each
        firstRow(job, AlreadyRegisteredInCounty.STAGED_MATCH)
                .ifPresent(row -> changed.add(new Changed(row, AlreadyRegisteredInCounty.registeredMeanwhile())));
        firstRow(job, PossibleDuplicateInTown.STAGED_MATCH)
                .ifPresent(row -> changed.add(new Changed(row, PossibleDuplicateInTown.refusal())));
        jdbc.sql("""
                select community_code, grid_code, min(row_number) from registry.import_people
                where job_id = :job group by community_code, grid_code""")
                .param("job", job)
                .query((rs, i) -> {
                    int row = rs.getInt(3);
                    return placeProblem(rs.getString(1), rs.getString(2), actor).map(why -> changed.add(new Changed(row, why)));
                })
                .list();
        jdbc.sql("""
                select c.code, min(s.row_number) from registry.import_people s
                cross join jsonb_to_recordset(s.categories) as c(code text)
                where s.job_id = :job group by c.code""")
                .param("job", job)
                .query((rs, i) -> {
                    int row = rs.getInt(2);
                    return CategoryActive.check(rs.getString(1), categoryTypes).map(why -> changed.add(new Changed(row, why)));
                })
                .list();
        return changed.stream().min(java.util.Comparator.comparingInt(Changed::rowNumber));
    }

    /**
     * Registers every staged person of {@code job}: household, record, categories, related parties
     * and one history entry each ("登记", {@code how}) by INSERT … SELECT in the caller's transaction,
     * their ids into {@code imported} (published by the caller). The staged rows stay until
     * {@link #discard}, so the caller can still tell them from the rows it writes itself.
     *
     * @return how many people were registered
     */
    public int register(UUID job, Actor actor, String how, Instant now, ImportedIds imported) {
        Map<String, @Nullable Object> params = new java.util.HashMap<>();
        params.put("job", job);
        params.put("at", Timestamp.from(now));
        params.put("by", actor.id());
        params.put("byName", actor.displayName());
        params.put("how", how);
        run("""
                insert into registry.households (id, county_code, region_code, community_code, grid_code, head_person_id,
                    address_detail_enc, created_at, created_by, updated_at, updated_by)
                select household_id, county_code, region_code, community_code, grid_code, id, address_detail_enc,
                    :at, :by, :at, :by
                from registry.import_people where job_id = :job""", params);
        int registered = run("""
                insert into registry.people (id, %1$s, household_id, relation_to_head, created_at, created_by, updated_at,
                    updated_by)
                select id, %1$s, household_id, relation_to_head, :at, :by, :at, :by
                from registry.import_people where job_id = :job""".formatted(People.STORED_COLUMNS), params);
        run("""
                insert into registry.person_categories (id, person_id, county_code, category_code, start_date, end_date,
                    source, disability_type, disability_grade)
                select gen_random_uuid(), s.id, s.county_code, c.code, c.start_date, c.end_date, c.source,
                    c.disability_type, c.disability_grade
                from registry.import_people s
                cross join jsonb_to_recordset(s.categories) as c(code text, start_date date, end_date date, source text,
                    disability_type text, disability_grade int)
                where s.job_id = :job""", params);
        run("""
                insert into registry.related_parties (id, person_id, county_code, kind, name, relation, phone_enc, sort_order)
                select gen_random_uuid(), s.id, s.county_code, r.kind, r.name, r.relation, r.phone_enc, r.sort_order
                from registry.import_people s
                cross join jsonb_to_recordset(s.parties) as r(kind text, name text, relation text, phone_enc text,
                    sort_order int)
                where s.job_id = :job""", params);
        run("""
                insert into registry.person_changes (person_id, county_code, changed_at, changed_by, changed_by_name,
                    change_kind, field, before_value, after_value)
                select id, county_code, :at, :by, :byName, 'REGISTERED', '登记方式', '', :how
                from registry.import_people where job_id = :job order by row_number""", params);
        jdbc.sql("select id, county_code from registry.import_people where job_id = :job order by row_number")
                .param("job", job)
                .query((java.sql.ResultSet rs) -> {
                    imported.registered(rs.getString(2), new PersonId(rs.getObject(1, UUID.class)));
                });
        return registered;
    }

    private int run(String sql, Map<String, @Nullable Object> params) {
        return jdbc.sql(sql).params(params).update();
    }

    /** Forgets what was staged for {@code job}. */
    public void discard(UUID job) {
        jdbc.sql("delete from registry.import_people where job_id = :job").param("job", job).update();
    }

    /** The first staged row of {@code job} matching someone registered in its county on {@code match}. */
    private Optional<Integer> firstRow(UUID job, String match) {
        return jdbc.sql("""
                select min(s.row_number) from registry.import_people s
                join registry.people p on %s
                where s.job_id = :job""".formatted(match))
                .param("job", job).query((rs, i) -> (Integer) rs.getObject(1)).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private Optional<String> placeProblem(String community, @Nullable String grid, Actor actor) {
        return places.check(community, grid).map(PlaceValid.Refusal::message)
                .or(() -> WithinEditScope.importRefusalNow(actor, community, grid));
    }

    private @Nullable String categories(PersonDetails d) {
        List<Map<String, @Nullable Object>> out = new ArrayList<>(d.categories().size());
        for (CategoryEntry c : d.categories()) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("start_date", c.startDate().toString());
            m.put("end_date", c.endDate() == null ? null : c.endDate().toString());
            m.put("source", c.source());
            m.put("disability_type", c.disabilityType());
            m.put("disability_grade", c.disabilityGrade());
            out.add(m);
        }
        return out.isEmpty() ? null : json.writeValueAsString(out);
    }

    /** Obligors then contacts, numbered in that order as {@link People} numbers them. */
    private @Nullable String parties(PersonDetails d) {
        List<RelatedParty> all = new ArrayList<>(d.obligors());
        all.addAll(d.contacts());
        List<Map<String, @Nullable Object>> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            RelatedParty p = all.get(i);
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind().name());
            m.put("name", p.name());
            m.put("relation", p.relation());
            m.put("phone_enc", people.partyPhone(p));
            m.put("sort_order", i);
            out.add(m);
        }
        return out.isEmpty() ? null : json.writeValueAsString(out);
    }
}
