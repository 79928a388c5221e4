package cn.wushe.care.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each county's {@link CareSettings}; the defaults until a county sets its own. */
@Repository
public class CareSettingsStore {

    private final JdbcClient jdbc;

    CareSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CareSettings of(String countyCode) {
        return jdbc.sql("""
                select county_code, red_days, yellow_days, blue_days, green_days, alert_working_days, crisis_hours, version
                from care.settings where county_code = :county""")
                .param("county", countyCode)
                .query((rs, n) -> new CareSettings(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getLong(8)))
                .optional().orElseGet(() -> CareSettings.defaults(countyCode));
    }

    /** Writes the settings if the stored version is still {@code expected}; false when someone changed them meanwhile. */
    public boolean save(CareSettings s, long expected, UUID by, Instant now) {
        return jdbc.sql("""
                insert into care.settings (county_code, red_days, yellow_days, blue_days, green_days, alert_working_days,
                    crisis_hours, version, updated_at, updated_by)
                values (:county, :red, :yellow, :blue, :green, :alert, :crisis, 1, :now, :by)
                on conflict (county_code) do update set red_days = excluded.red_days, yellow_days = excluded.yellow_days,
                    blue_days = excluded.blue_days, green_days = excluded.green_days,
                    alert_working_days = excluded.alert_working_days, crisis_hours = excluded.crisis_hours,
                    version = care.settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                where care.settings.version = :expected""")
                .param("county", s.countyCode()).param("red", s.redDays()).param("yellow", s.yellowDays())
                .param("blue", s.blueDays()).param("green", s.greenDays()).param("alert", s.alertWorkingDays())
                .param("crisis", s.crisisHours()).param("now", Timestamp.from(now)).param("by", by)
                .param("expected", expected).update() == 1;
    }
}
