package cn.wushe.care.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Page;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.registry.DirectoryEntry;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people under care: kept in step with the registry's directory, read within {@link CareScope}. */
@Repository
public class Subjects {

    static final String COLUMNS = "s.person_id, s.county_code, s.community_code, s.region_code, s.household_id, "
            + "s.masked_name, s.age_band, s.categories, s.active, s.tier, s.tier_since, s.last_visit_at, s.next_due_at, s.version";

    /** Which part of the due list. */
    public enum Due {
        TODAY, WEEK, OVERDUE, ALL, UNASSESSED;

        public String label() {
            return cn.wushe.platform.Messages.text("care.due." + name());
        }
    }

    private final JdbcClient jdbc;

    Subjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes what the directory says now (place, masked name, categories, status); care's own columns stay. */
    public void refresh(Collection<DirectoryEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return;
        }
        List<DirectoryEntry> list = List.copyOf(entries);
        jdbc.sql("""
                insert into care.subjects (county_code, person_id, community_code, region_code, household_id, masked_name,
                    age_band, categories, active, version, updated_at)
                select e.county, e.person, e.community, e.region, e.household, e.name, e.band,
                    string_to_array(nullif(e.cats, ''), ','), e.active, 0, :now
                from unnest(cast(:county as text[]), cast(:person as uuid[]), cast(:community as text[]), cast(:region as text[]),
                    cast(:household as uuid[]), cast(:name as text[]), cast(:band as text[]), cast(:cats as text[]),
                    cast(:active as boolean[]))
                    as e(county, person, community, region, household, name, band, cats, active)
                on conflict (person_id) do update set county_code = excluded.county_code, community_code = excluded.community_code,
                    region_code = excluded.region_code, household_id = excluded.household_id,
                    masked_name = excluded.masked_name, age_band = excluded.age_band, categories = excluded.categories,
                    active = excluded.active, updated_at = excluded.updated_at
                """)
                .param("county", list.stream().map(DirectoryEntry::countyCode).toArray(String[]::new))
                .param("person", list.stream().map(e -> e.id().value().toString()).toArray(String[]::new))
                .param("community", list.stream().map(DirectoryEntry::communityCode).toArray(String[]::new))
                .param("region", list.stream().map(DirectoryEntry::regionCode).toArray(String[]::new))
                .param("household", list.stream().map(e -> e.household().value().toString()).toArray(String[]::new))
                .param("name", list.stream().map(DirectoryEntry::maskedName).toArray(String[]::new))
                .param("band", list.stream().map(e -> e.ageBand().toString()).toArray(String[]::new))
                .param("cats", list.stream().map(e -> String.join(",", e.categories())).toArray(String[]::new))
                .param("active", list.stream().map(e -> String.valueOf(e.status().name().equals("ACTIVE"))).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Subject> find(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from care.subjects s where s.person_id = :person")
                .param("person", personId).query(Subjects::row).optional();
    }

    /** The person if the actor sees them; locked for the rest of the transaction when {@code forUpdate}. */
    public Optional<Subject> visible(Actor actor, UUID personId, boolean forUpdate) {
        SqlPredicate scope = CareScope.visible(actor, "s");
        return jdbc.sql("select " + COLUMNS + " from care.subjects s where s.person_id = :person and " + scope.sql()
                        + (forUpdate ? " for update" : ""))
                .params(scope.params()).param("person", personId).query(Subjects::row).optional();
    }

    public Optional<Subject> lock(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from care.subjects s where s.person_id = :person for update")
                .param("person", personId).query(Subjects::row).optional();
    }

    public void tierSet(UUID personId, Tier tier, Instant since, @Nullable Instant nextDue) {
        jdbc.sql("""
                update care.subjects set tier = :tier, tier_since = :since, next_due_at = :due, version = version + 1,
                    updated_at = :since where person_id = :person""")
                .param("tier", tier.name()).param("since", Timestamp.from(since))
                .param("due", nextDue == null ? null : Timestamp.from(nextDue)).param("person", personId).update();
    }

    public void visited(UUID personId, Instant visitedAt, @Nullable Instant nextDue, Instant now) {
        jdbc.sql("""
                update care.subjects set last_visit_at = greatest(last_visit_at, :at), next_due_at = coalesce(:due, next_due_at),
                    version = version + 1, updated_at = :now where person_id = :person""")
                .param("at", Timestamp.from(visitedAt)).param("due", nextDue == null ? null : Timestamp.from(nextDue))
                .param("now", Timestamp.from(now)).param("person", personId).update();
    }

    /** The person left the registry (moved out, died, closed): no more visits are due. */
    public boolean endCycle(UUID personId, Instant now) {
        return jdbc.sql("""
                update care.subjects set active = false, next_due_at = null, version = version + 1, updated_at = :now
                where person_id = :person and (active or next_due_at is not null)""")
                .param("now", Timestamp.from(now)).param("person", personId).update() == 1;
    }

    public void reopen(UUID personId, Instant now) {
        jdbc.sql("update care.subjects set active = true, version = version + 1, updated_at = :now where person_id = :person")
                .param("now", Timestamp.from(now)).param("person", personId).update();
    }

    /** People the actor sees whose visit is overdue (the 待办 count). */
    public long overdueCount(Actor actor, Instant now) {
        SqlPredicate scope = CareScope.visible(actor, "s");
        return jdbc.sql("select count(*) from care.subjects s where s.active and s.next_due_at < :now and " + scope.sql())
                .params(scope.params()).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    public Page<Subject> due(Actor actor, Due which, @Nullable String regionPrefix, Instant now, Instant endOfToday,
            int page, int size) {
        SqlPredicate scope = CareScope.visible(actor, "s");
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where s.active and ").append(scope.sql());
        switch (which) {
            case TODAY -> where.append(" and s.next_due_at < :end");
            case WEEK -> where.append(" and s.next_due_at < cast(:end as timestamptz) + interval '6 days'");
            case OVERDUE -> where.append(" and s.next_due_at < :now");
            case UNASSESSED -> where.append(" and s.tier is null");
            case ALL -> {
            }
        }
        params.put("end", Timestamp.from(endOfToday));
        params.put("now", Timestamp.from(now));
        if (regionPrefix != null) {
            where.append(" and left(s.region_code, :plen) = :prefix");
            params.put("plen", regionPrefix.length());
            params.put("prefix", regionPrefix);
        }
        long total = jdbc.sql("select count(*) from care.subjects s" + where).params(params).query(Long.class).single();
        List<Subject> items = jdbc.sql("select " + COLUMNS + " from care.subjects s" + where
                        + " order by s.next_due_at nulls last, s.region_code, s.person_id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(Subjects::row).list();
        return Page.counted(items, total, page, size);
    }

    static Subject row(ResultSet rs, int n) throws SQLException {
        return new Subject(rs.getObject("person_id", UUID.class), rs.getString("county_code"), rs.getString("community_code"),
                rs.getString("region_code"), rs.getObject("household_id", UUID.class), rs.getString("masked_name"),
                rs.getString("age_band"), strings(rs.getArray("categories")), rs.getBoolean("active"),
                Tier.fromCode(rs.getString("tier")).orElse(null), instant(rs, "tier_since"), instant(rs, "last_visit_at"),
                instant(rs, "next_due_at"), rs.getLong("version"));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
