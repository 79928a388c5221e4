package cn.wushe.registry.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.AgeBand;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.platform.db.CpuWork;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Masking;
import cn.wushe.region.Regions;
import cn.wushe.registry.DirectoryCaller;
import cn.wushe.registry.DirectoryEntry;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.IdentityMatch;
import cn.wushe.registry.PersonDirectory;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.wushe.platform.db.ScopeWall;
import org.springframework.stereotype.Service;

/**
 * The {@link PersonDirectory}: reads {@code registry.people} for other modules, one query per call,
 * and writes one audit entry per call through {@link AuditLog#recordAccess} (a read: no read-write
 * transaction needed, and nothing is handed back unless the entry is committed).
 */
@Service
class DirectoryLookups implements PersonDirectory {

    static final String OBJECT_TYPE = "PERSON_DIRECTORY";

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    private final JdbcClient jdbc;
    private final People people;
    private final Regions regions;
    private final AuditLog audit;
    private final CpuWork work;
    private final Clock clock;
    private final ScopeWall wall;

    private final CategoryTypes categoryTypes;

    DirectoryLookups(JdbcClient jdbc, People people, Regions regions, AuditLog audit, CpuWork work, Clock clock, ScopeWall wall,
            CategoryTypes categoryTypes) {
        this.categoryTypes = categoryTypes;
        this.jdbc = jdbc;
        this.wall = wall;
        this.people = people;
        this.regions = regions;
        this.audit = audit;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public Optional<DirectoryEntry> find(DirectoryCaller caller, String countyCode, PersonId id) {
        return findAll(caller, countyCode, List.of(id)).stream().findFirst();
    }

    @Override
    public List<DirectoryEntry> findAll(DirectoryCaller caller, String countyCode, Collection<PersonId> ids) {
        String county = county(caller, "DIRECTORY_READ", countyCode, "ids", ids.size());
        LocalDate today = LocalDate.now(clock);
        SqlPredicate scope = scope(caller);
        List<DirectoryEntry> found = ids.isEmpty() ? List.of() : walled(caller, () -> jdbc.sql("""
                select p.id, p.county_code, p.community_code, p.grid_code, p.region_code, p.household_id, p.name,
                    p.birth_date, p.status, p.status_on,
                    array(select c.category_code from registry.person_categories c
                          where c.person_id = p.id and c.start_date <= :today and (c.end_date is null or c.end_date >= :today)
                          order by c.category_code) as categories
                from registry.people p
                where p.county_code = :county and p.id = any(cast(:ids as uuid[])) and\s""" + scope.sql())
                .params(scope.params()).param("county", county).param("today", Date.valueOf(today))
                .param("ids", ids.stream().map(PersonId::toString).distinct().toArray(String[]::new))
                .query((rs, i) -> entry(rs, today)).list());
        audited(caller, "DIRECTORY_READ", county, AuditEvent.Outcome.SUCCESS,
                "asked=" + ids.size() + ",found=" + found.size());
        return found;
    }

    @Override
    public List<DirectoryEntry> select(DirectoryCaller caller, String countyCode, cn.wushe.registry.PersonCriteria criteria) {
        int among = criteria.among() == null ? 0 : criteria.among().size();
        String county = county(caller, "DIRECTORY_SELECT", countyCode, "among", among > MAX_SELECTED ? among : 0);
        LocalDate today = LocalDate.now(clock);
        SqlPredicate scope = scope(caller);
        // ages become birth-date bounds so the index on (county_code, birth_date) may serve the query
        LocalDate bornBefore = criteria.minAge() == null ? null : today.minusYears(criteria.minAge());
        LocalDate bornAfter = criteria.maxAge() == null ? null : today.minusYears(criteria.maxAge() + 1L);
        List<DirectoryEntry> found = walled(caller, () -> jdbc.sql("""
                with cats as (
                    select c.person_id, array_agg(c.category_code order by c.category_code) as codes
                    from registry.person_categories c join registry.people p on p.id = c.person_id
                    where p.county_code = :county and c.start_date <= :today and (c.end_date is null or c.end_date >= :today)
                    group by c.person_id),
                households as (
                    select p.household_id, count(*) as size from registry.people p
                    where p.county_code = :county and p.status = 'ACTIVE' group by p.household_id)
                select p.id, p.county_code, p.community_code, p.grid_code, p.region_code, p.household_id, p.name,
                    p.birth_date, p.status, p.status_on, coalesce(cats.codes, array[]::text[]) as categories
                from registry.people p
                left join cats on cats.person_id = p.id
                join households h on h.household_id = p.household_id
                where p.county_code = :county and p.status = 'ACTIVE'
                  and coalesce(cats.codes, array[]::text[]) @> cast(:holds as text[])
                  and not coalesce(cats.codes, array[]::text[]) && cast(:lacks as text[])
                  and (cast(:bornBefore as date) is null or p.birth_date <= cast(:bornBefore as date))
                  and (cast(:bornAfter as date) is null or p.birth_date > cast(:bornAfter as date))
                  and (cast(:minHousehold as int) is null or h.size >= cast(:minHousehold as int))
                  and (cast(:maxHousehold as int) is null or h.size <= cast(:maxHousehold as int))
                  and (cast(:among as uuid[]) is null or p.id = any(cast(:among as uuid[])))
                  and\s""" + scope.sql() + " order by p.id limit " + MAX_SELECTED)
                .params(scope.params()).param("county", county).param("today", Date.valueOf(today))
                .param("holds", criteria.holds().toArray(String[]::new)).param("lacks", criteria.lacks().toArray(String[]::new))
                .param("bornBefore", bornBefore == null ? null : Date.valueOf(bornBefore))
                .param("bornAfter", bornAfter == null ? null : Date.valueOf(bornAfter))
                .param("minHousehold", criteria.minHousehold()).param("maxHousehold", criteria.maxHousehold())
                .param("among", criteria.among() == null ? null
                        : criteria.among().stream().map(PersonId::toString).distinct().toArray(String[]::new))
                .query((rs, i) -> entry(rs, today)).list());
        audited(caller, "DIRECTORY_SELECT", county, AuditEvent.Outcome.SUCCESS,
                "among=" + (criteria.among() == null ? "all" : among) + ",found=" + found.size());
        return found;
    }

    @Override
    public List<IdentityMatch> match(DirectoryCaller caller, String countyCode, List<String> identityNumbers) {
        String county = county(caller, "DIRECTORY_MATCH", countyCode, "identityNumbers", identityNumbers.size());
        LocalDate today = LocalDate.now(clock);
        // validation and the keyed hash are the CPU share of a call of thousands: spread over the cores
        List<Checked> checked = work.map(identityNumbers, raw -> {
            String problem = IdentityNumber.problem(IdDocumentType.RESIDENT_ID, raw, today);
            return problem != null ? new Checked(null, problem) : new Checked(people.idIndex(IdentityNumber.normalise(raw)), null);
        });
        String[] indexes = checked.stream().map(Checked::index).filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Found> byIndex = new HashMap<>();
        if (indexes.length > 0) {
            SqlPredicate scope = scope(caller);
            walled(caller, () -> {
                jdbc.sql("select p.id_number_bidx, p.id, p.status from registry.people p"
                        + " where p.county_code = :county and p.id_number_bidx = any(:indexes) and " + scope.sql())
                        .params(scope.params()).param("county", county).param("indexes", indexes)
                        .query((ResultSet rs) -> {
                            byIndex.put(rs.getString(1), new Found(new PersonId(rs.getObject(2, UUID.class)),
                                    PersonStatus.valueOf(rs.getString(3))));
                        });
                return null;
            });
        }
        List<IdentityMatch> matches = new ArrayList<>(checked.size());
        int[] counts = new int[IdentityMatch.Outcome.values().length];
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            Found f = c.index() == null ? null : byIndex.get(c.index());
            IdentityMatch m = c.index() == null ? new IdentityMatch(i, IdentityMatch.Outcome.INVALID, null, null, c.problem())
                    : f == null ? new IdentityMatch(i, IdentityMatch.Outcome.NOT_REGISTERED, null, null, null)
                    : new IdentityMatch(i, IdentityMatch.Outcome.MATCHED, f.person(), f.status(), null);
            counts[m.outcome().ordinal()]++;
            matches.add(m);
        }
        audited(caller, "DIRECTORY_MATCH", county, AuditEvent.Outcome.SUCCESS, "asked=" + identityNumbers.size()
                + ",matched=" + counts[IdentityMatch.Outcome.MATCHED.ordinal()]
                + ",notRegistered=" + counts[IdentityMatch.Outcome.NOT_REGISTERED.ordinal()]
                + ",invalid=" + counts[IdentityMatch.Outcome.INVALID.ordinal()]);
        return matches;
    }

    /** A number as validated: its blind index, or why it is invalid. */
    private record Checked(@Nullable String index, @Nullable String problem) {
    }

    private record Found(PersonId person, PersonStatus status) {
    }

    /**
     * The county the call names, refused (and the refusal audited) when missing, not a county of
     * the region tree, or when the call asks for too much at once.
     */
    private String county(DirectoryCaller caller, String action, @Nullable String countyCode, String field, int size) {
        String code = countyCode == null ? "" : countyCode.strip();
        String refusal = null;
        String refusedField = "countyCode";
        if (code.isEmpty()) {
            refusal = Messages.text("registry.directory.county-missing");
        } else if (!COUNTY.matcher(code).matches()
                || regions.find(code).filter(r -> r.level() == ScopeLevel.COUNTY).isEmpty()) {
            refusal = Messages.text("registry.directory.county-unknown", code);
        } else if (size > MAX_PER_CALL) {
            refusal = Messages.text("registry.directory.too-many", MAX_PER_CALL, size);
            refusedField = field;
        }
        if (refusal != null) {
            audited(caller, action, null, AuditEvent.Outcome.DENIED, "asked=" + size + ",county=" + code.replaceAll("\\D", ""));
            throw DomainException.invalid(refusedField, refusal);
        }
        return code;
    }

    /** A system caller's read may lie outside the signed-in actor's counties: the database wall opens for it. */
    private <T> T walled(DirectoryCaller caller, java.util.function.Supplier<T> read) {
        return caller instanceof DirectoryCaller.SystemCaller
                ? wall.unscoped("a module acting as the system reads one county, audited", read) : read.get();
    }

    private static SqlPredicate scope(DirectoryCaller caller) {
        return switch (caller) {
            case DirectoryCaller.ActorCaller c -> ScopeFilter.onStoredSegments(c.actor(), Permission.PERSON_VIEW, "p.county_code", "p.region_");
            case DirectoryCaller.SystemCaller c -> ScopeFilter.unscoped(
                    "a module acting as the system named itself and its purpose; the read stays in one county and is audited");
        };
    }

    private void audited(DirectoryCaller caller, String action, @Nullable String county, AuditEvent.Outcome outcome, String counts) {
        String name = switch (caller) {
            case DirectoryCaller.SystemCaller c -> "system:" + c.module();
            case DirectoryCaller.ActorCaller c -> c.actor().username();
        };
        audit.recordAccess(new AuditEvent(action, OBJECT_TYPE, null, county, outcome, caller.purpose(), counts, name));
    }

    private static DirectoryEntry entry(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate birth = rs.getDate("birth_date").toLocalDate();
        Date since = rs.getDate("status_on");
        String[] categories = (String[]) rs.getArray("categories").getArray();
        return new DirectoryEntry(new PersonId(rs.getObject("id", UUID.class)), rs.getString("county_code"),
                rs.getString("community_code"), rs.getString("grid_code"), rs.getString("region_code"),
                new HouseholdId(rs.getObject("household_id", UUID.class)), Arrays.asList(categories),
                PersonStatus.valueOf(rs.getString("status")), since == null ? null : since.toLocalDate(),
                Masking.name(rs.getString("name")), band(Period.between(birth, today).getYears()));
    }

    /** The preset band holding {@code age}: coarse enough that it does not stand in for the birth date. */
    static AgeBand band(int age) {
        return AgeBand.PRESETS.stream().filter(b -> age >= b.min() && (b.max() == null || age <= b.max())).findFirst()
                .orElse(AgeBand.PRESETS.get(0));
    }

    @Override
    public List<cn.wushe.registry.CategoryName> categories() {
        return categoryTypes.all().stream().map(t -> new cn.wushe.registry.CategoryName(t.code(), t.name(), t.active())).toList();
    }
}
