package cn.wushe.region.internal;

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
            throw new IllegalArgumentException("中心点的纬度和经度须同时填写");
        }
        return new GeoPoint(lat, lng);
    }

    public static BigDecimal latitude(@Nullable BigDecimal lat) {
        if (lat == null || lat.abs().compareTo(MAX_LAT) > 0) {
            throw new IllegalArgumentException("中心点纬度应在 -90 到 90 之间");
        }
        return lat.setScale(6, RoundingMode.HALF_UP);
    }

    public static BigDecimal longitude(@Nullable BigDecimal lng) {
        if (lng == null || lng.abs().compareTo(MAX_LNG) > 0) {
            throw new IllegalArgumentException("中心点经度应在 -180 到 180 之间");
        }
        return lng.setScale(6, RoundingMode.HALF_UP);
    }
}
