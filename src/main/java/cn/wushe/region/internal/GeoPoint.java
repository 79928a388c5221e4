package cn.wushe.region.internal;

import cn.wushe.platform.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A point in WGS84 (CGCS2000 agrees to centimetres), kept to 6 decimal places (about 0.1 m).
 * Coordinates from WeChat or Gaode (GCJ-02) must be converted before they get here.
 */
public record GeoPoint(BigDecimal lat, BigDecimal lng) {

    private static final BigDecimal MAX_LAT = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LNG = BigDecimal.valueOf(180);

    public GeoPoint {
        lat = latitude(lat);
        lng = longitude(lng);
    }

    /** Both or neither: a centre with one coordinate is refused. */
    public static @Nullable GeoPoint ofNullable(@Nullable BigDecimal lat, @Nullable BigDecimal lng) {
        if (lat == null && lng == null) {
            return null;
        }
        if (lat == null || lng == null) {
            throw new IllegalArgumentException(Messages.text("region.centre.both"));
        }
        return new GeoPoint(lat, lng);
    }

    public static BigDecimal latitude(@Nullable BigDecimal lat) {
        if (lat == null || lat.abs().compareTo(MAX_LAT) > 0) {
            throw new IllegalArgumentException(Messages.text("region.centre.lat-range"));
        }
        return lat.setScale(6, RoundingMode.HALF_UP);
    }

    public static BigDecimal longitude(@Nullable BigDecimal lng) {
        if (lng == null || lng.abs().compareTo(MAX_LNG) > 0) {
            throw new IllegalArgumentException(Messages.text("region.centre.lng-range"));
        }
        return lng.setScale(6, RoundingMode.HALF_UP);
    }
}
