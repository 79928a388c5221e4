package cn.wushe.calendar.internal;

import cn.wushe.calendar.internal.CalendarYear.ListedDay;
import cn.wushe.calendar.internal.CalendarYear.Source;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calendar years and their listed days ({@code calendar.years}, {@code calendar.days}). A year is
 * written whole: its days are deleted and inserted in the caller's transaction, guarded by the
 * year's version, so a reader never sees half a year and a stale edit changes nothing.
 */
@Repository
public class CalendarYears {

    private final JdbcClient jdbc;

    CalendarYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored year without its days, for lists. */
    public record Summary(@Nullable String countyCode, int year, Source source, long version, String changedBy,
            java.time.Instant changedAt) {
    }

    public Optional<CalendarYear> find(@Nullable String countyCode, int year) {
        return row("county_code is not distinct from cast(:county as text) and year = :year", countyCode, year);
    }

    /** The county's own year, else the national one. */
    public Optional<CalendarYear> effective(@Nullable String countyCode, int year) {
        return row("(county_code = cast(:county as text) or county_code is null) and year = :year order by county_code nulls last limit 1",
                countyCode, year);
    }

    public boolean exists(@Nullable String countyCode, int year) {
        return jdbc.sql("""
                select exists (select 1 from calendar.years
                               where (county_code = cast(:county as text) or county_code is null) and year = :year)""")
                .param("county", countyCode).param("year", year).query(Boolean.class).single();
    }

    /** The national years and those of the given counties, newest first. */
    public List<Summary> list(Collection<String> counties) {
        return jdbc.sql("""
                select county_code, year, source, version, changed_by, changed_at from calendar.years
                where county_code is null or county_code = any(:counties)
                order by year desc, county_code nulls first""")
                .param("counties", counties.toArray(String[]::new))
                .query((rs, n) -> new Summary(rs.getString(1), rs.getInt(2), Source.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    void lockSeed() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('calendar.seed'))").query().singleRow();
    }

    void insert(CalendarYear year) {
        StoredWorkingCalendar.forgetYearsRead();
        long id = jdbc.sql("""
                insert into calendar.years (county_code, year, source, version, changed_by, changed_at)
                values (cast(:county as text), :year, :source, :version, :by, :at) returning id""")
                .param("county", year.countyCode()).param("year", year.year()).param("source", year.source().name())
                .param("version", year.version()).param("by", year.changedBy())
                .param("at", Timestamp.from(year.changedAt())).query(Long.class).single();
        insertDays(id, year);
    }

    /** @return false when the stored version is no longer {@code expectedVersion} (nothing written) */
    boolean replace(CalendarYear year, long expectedVersion) {
        StoredWorkingCalendar.forgetYearsRead();
        Optional<Long> id = jdbc.sql("""
                update calendar.years set source = :source, version = :version, changed_by = :by, changed_at = :at
                where county_code is not distinct from cast(:county as text) and year = :year and version = :expected
                returning id""")
                .param("county", year.countyCode()).param("year", year.year()).param("source", year.source().name())
                .param("version", year.version()).param("by", year.changedBy())
                .param("at", Timestamp.from(year.changedAt())).param("expected", expectedVersion)
                .query(Long.class).optional();
        id.ifPresent(yearId -> {
            jdbc.sql("delete from calendar.days where year_id = :id").param("id", yearId).update();
            insertDays(yearId, year);
        });
        return id.isPresent();
    }

    private void insertDays(long yearId, CalendarYear year) {
        for (Map.Entry<LocalDate, ListedDay> day : year.listedDays().entrySet()) {
            jdbc.sql("insert into calendar.days (year_id, day, kind, name) values (:id, :day, :kind, :name)")
                    .param("id", yearId).param("day", day.getKey()).param("kind", day.getValue().kind().name())
                    .param("name", day.getValue().name()).update();
        }
    }

    private Optional<CalendarYear> row(String where, @Nullable String countyCode, int year) {
        record Head(long id, @Nullable String county, int year, Source source, long version, String by, java.time.Instant at) {
        }
        Optional<Head> head = jdbc.sql("select id, county_code, year, source, version, changed_by, changed_at "
                + "from calendar.years where " + where)
                .param("county", countyCode).param("year", year)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3), Source.valueOf(rs.getString(4)),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
        return head.map(h -> {
            List<Holiday> holidays = new ArrayList<>();
            List<LocalDate> makeUps = new ArrayList<>();
            jdbc.sql("select day, kind, name from calendar.days where year_id = :id order by day").param("id", h.id())
                    .query(rs -> {
                        LocalDate day = rs.getObject(1, LocalDate.class);
                        if (DayKind.valueOf(rs.getString(2)) == DayKind.MAKE_UP_WORKDAY) {
                            makeUps.add(day);
                            return;
                        }
                        Holiday.addDay(holidays, rs.getString(3), day);
                    });
            return new CalendarYear(h.county(), h.year(), holidays, makeUps, h.source(), h.version(), h.by(), h.at());
        });
    }
}
