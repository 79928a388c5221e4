package cn.wushe.volunteering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Instants to and from the database, and the zone every date of the module is read in. */
final class Times {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final java.time.format.DateTimeFormatter CHINA_TIME = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CHINA);

    private Times() {
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant required(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
