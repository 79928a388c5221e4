package cn.wushe.volunteering.internal;

/**
 * Whether a reported position is at the venue: the distance to the venue, minus the accuracy the
 * phone reports (capped, so a phone claiming "somewhere within 5 km" cannot check in from home),
 * must not exceed the venue's radius.
 */
public final class Geofence {

    /** The most reported inaccuracy that is given the volunteer's benefit, in metres. */
    public static final int ACCURACY_CAP_M = 100;

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geofence() {
    }

    /** Great-circle distance in metres (haversine; ample at venue scale). */
    public static double distance(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The accepting rule: {@code distance - min(accuracy, cap) <= radius}; negative accuracy counts as none. */
    public static boolean accepts(double distanceM, double accuracyM, int radiusM) {
        double benefit = Math.min(Math.max(accuracyM, 0), ACCURACY_CAP_M);
        return distanceM - benefit <= radiusM;
    }
}
