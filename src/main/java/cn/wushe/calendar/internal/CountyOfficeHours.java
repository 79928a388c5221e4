package cn.wushe.calendar.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Office hours per county ({@code calendar.office_hours}); a county without its own row keeps the
 * configured default {@code wushe.calendar.office-hours} (08:30-12:00,14:30-18:00 unless set).
 */
@Repository
public class CountyOfficeHours {

    private final JdbcClient jdbc;
    private final OfficeHours defaults;

    CountyOfficeHours(JdbcClient jdbc, @Value("${wushe.calendar.office-hours:08:30-12:00,14:30-18:00}") String defaults) {
        this.jdbc = jdbc;
        this.defaults = OfficeHours.parse(defaults);
    }

    /**
     * @param version 0 while the county keeps the default (no row yet)
     * @param changedBy null while the county keeps the default
     */
    public record Entry(String countyCode, OfficeHours hours, long version, @Nullable String changedBy,
            @Nullable Instant changedAt) {

        public boolean isDefault() {
            return changedBy == null;
        }
    }

    public OfficeHours defaults() {
        return defaults;
    }

    public OfficeHours of(@Nullable String countyCode) {
        return countyCode == null ? defaults : entry(countyCode).hours();
    }

    public Entry entry(String countyCode) {
        return stored(List.of(countyCode)).stream().findFirst()
                .orElseGet(() -> new Entry(countyCode, defaults, 0, null, null));
    }

    /** The counties' entries, in the given order, defaults included. */
    public List<Entry> entries(Collection<String> countyCodes) {
        List<Entry> stored = stored(countyCodes);
        return countyCodes.stream().map(c -> stored.stream().filter(e -> e.countyCode().equals(c)).findFirst()
                .orElseGet(() -> new Entry(c, defaults, 0, null, null))).toList();
    }

    private List<Entry> stored(Collection<String> countyCodes) {
        return jdbc.sql("""
                select county_code, periods, version, changed_by, changed_at from calendar.office_hours
                where county_code = any(:counties)""")
                .param("counties", countyCodes.toArray(String[]::new))
                .query((rs, n) -> new Entry(rs.getString(1), OfficeHours.parse(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** @return false when the stored version is not {@code expectedVersion} (0: no row yet); nothing written */
    boolean save(String countyCode, OfficeHours hours, long expectedVersion, String by, Instant at) {
        String sql = expectedVersion == 0 ? """
                insert into calendar.office_hours (county_code, periods, version, changed_by, changed_at)
                values (:county, :periods, 1, :by, :at) on conflict (county_code) do nothing"""
                : """
                update calendar.office_hours set periods = :periods, version = version + 1, changed_by = :by, changed_at = :at
                where county_code = :county and version = :expected""";
        return jdbc.sql(sql).param("county", countyCode).param("periods", hours.text()).param("by", by)
                .param("at", Timestamp.from(at)).param("expected", expectedVersion).update() == 1;
    }
}
